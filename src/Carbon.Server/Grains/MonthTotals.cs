using Carbon.Domain.Accounting;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>Sums of activity keyed by month (<see cref="YearMonth.Index"/>); what every level of grain keeps.</summary>
public sealed class MonthTotals
{
    private readonly Dictionary<int, ActivityTotals> _months = [];

    public int Count => _months.Count;

    public ActivityTotals this[int monthIndex] => _months.GetValueOrDefault(monthIndex) ?? ActivityTotals.Zero;

    /// <summary>Replaces <paramref name="old"/> by <paramref name="updated"/> in a month's sum (exact in decimal).</summary>
    public void Replace(int monthIndex, ActivityTotals? old, ActivityTotals updated)
    {
        var sum = this[monthIndex];
        if (old is not null)
        {
            sum -= old;
        }
        _months[monthIndex] = sum + updated;
    }

    public void Set(int monthIndex, ActivityTotals totals) => _months[monthIndex] = totals;

    /// <summary>Months 1..through of the year and of 2020, summed; months count as "with data" when a filing is in them.</summary>
    public PeriodTotals Period(PeriodQuery query, MonthRevision[] revisions)
    {
        var (current, currentMonths) = Sum(query.Year, query.ThroughMonth);
        var (baseline, baselineMonths) = Sum(IntensityAccounting.BaselineYear, query.ThroughMonth);
        return new PeriodTotals(current.ToSnapshot(), currentMonths, baseline.ToSnapshot(), baselineMonths, revisions);
    }

    private (ActivityTotals Sum, int[] Months) Sum(int year, int through)
    {
        var sum = ActivityTotals.Zero;
        var months = new List<int>(12);
        for (var m = 1; m <= through; m++)
        {
            if (_months.TryGetValue(new YearMonth(year, m).Index, out var t) && t.FilingMonths > 0)
            {
                sum += t;
                months.Add(m);
            }
        }
        return (sum, months.ToArray());
    }
}
