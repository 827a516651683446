using Carbon.Domain.Accounting;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>Sums of activity by month; what every level of grain keeps.</summary>
public sealed class MonthTotals
{
    private readonly Dictionary<YearMonth, ActivityTotals> _months = [];

    public ActivityTotals this[YearMonth month] => _months.GetValueOrDefault(month) ?? ActivityTotals.Zero;

    /// <summary>Replaces <paramref name="old"/> by <paramref name="updated"/> in a month's sum (exact in decimal).</summary>
    public void Replace(YearMonth month, ActivityTotals? old, ActivityTotals updated)
    {
        var sum = this[month];
        if (old is not null)
        {
            sum -= old;
        }
        _months[month] = sum + updated;
    }

    public void Set(YearMonth month, ActivityTotals totals) => _months[month] = totals;

    /// <summary>Months 1..through of the year and of 2020, summed; months count as "with data" when a filing is in them.</summary>
    public PeriodTotals Period(PeriodQuery query, MonthRevision[] revisions)
    {
        var (current, currentMonths) = Sum(query.Year, query.ThroughMonth);
        var (baseline, baselineMonths) = Sum(IntensityAccounting.BaselineYear, query.ThroughMonth);
        return new PeriodTotals(current, currentMonths, baseline, baselineMonths, revisions);
    }

    private (ActivityTotals Sum, int[] Months) Sum(int year, int through)
    {
        var sum = ActivityTotals.Zero;
        var months = new List<int>(12);
        for (var m = 1; m <= through; m++)
        {
            if (_months.TryGetValue(new YearMonth(year, m), out var t) && t.FilingMonths > 0)
            {
                sum += t;
                months.Add(m);
            }
        }
        return (sum, months.ToArray());
    }
}
