using Carbon.Domain.Registry;

namespace Carbon.Server.Configuration;

/// <summary>
/// The district's calendar: China Standard Time (UTC+8, no daylight saving), so "this month" turns over at
/// midnight in Zhejiang, not in UTC.
/// </summary>
public sealed class ReportingClock(TimeProvider time)
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public DateTimeOffset Now => time.GetUtcNow().ToOffset(Offset);

    /// <summary>This month in Zhejiang (year and month from one reading of the clock, never straddling a month's end).</summary>
    public YearMonth CurrentMonth
    {
        get
        {
            var now = Now;
            return new(now.Year, now.Month);
        }
    }

    /// <summary>Today's date in Zhejiang.</summary>
    public DateOnly Today => DayOf(Now);

    /// <summary>The date an instant falls on in Zhejiang (a certificate issued at 01:00 UTC+8 is of that day, not the day before).</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The first month anything may be filed for: the 2020 baseline.</summary>
    public static readonly YearMonth FirstMonth = new(2020, 1);
}
