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

    public YearMonth CurrentMonth => new(Now.Year, Now.Month);

    /// <summary>The first month anything may be filed for: the 2020 baseline.</summary>
    public static readonly YearMonth FirstMonth = new(2020, 1);
}
