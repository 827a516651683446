using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;

namespace Carbon.Domain.Accounting;

/// <summary>An energy line far outside the firm's own history: its quantity and the range the history expects (line unit).</summary>
public sealed record ImplausibleLine(int Line, EnergyCarrier Carrier, decimal Quantity, decimal ExpectedMin, decimal ExpectedMax, string Reference);

/// <summary>
/// The plausibility check of a month's energy lines against the firm's own history, per carrier: the same month last
/// year, or else the median of the last three months filed before it. A quantity above ten times that reference or
/// below a tenth of it is a likely slip (a unit typed wrong, digits repeated or dropped) and is taken only when the filer
/// confirms it with a note. A carrier with no history is not checked.
/// </summary>
public static class Plausibility
{
    public const decimal Factor = 10m;

    public static IReadOnlyList<ImplausibleLine> Check(MonthlyFiling filing, IReadOnlyDictionary<YearMonth, MonthlyFiling> history)
    {
        var found = new List<ImplausibleLine>();
        var recent = Recent(filing.Month, history);
        for (var i = 0; i < filing.Energy.Count; i++)
        {
            var line = filing.Energy[i];
            if (Reference(line.Carrier, filing.Month, history, recent) is not var (reference, what) || reference <= 0m)
            {
                continue;
            }
            var scale = line.Quantity.Unit.ScaleToBase();
            var (min, max) = (reference / Factor / scale, reference * Factor / scale);
            if (line.Quantity.Value < min || line.Quantity.Value > max)
            {
                found.Add(new ImplausibleLine(i, line.Carrier, line.Quantity.Value, Display.Round(min), Display.Round(max), what));
            }
        }
        return found;
    }

    /// <summary>The carrier's reference quantity in base units and where it came from, or null without history.</summary>
    /// <summary>The last three months filed before <paramref name="month"/>, latest first (one pass over the history).</summary>
    private static List<MonthlyFiling> Recent(YearMonth month, IReadOnlyDictionary<YearMonth, MonthlyFiling> history)
    {
        var recent = new List<MonthlyFiling>(4);
        foreach (var (key, filing) in history)
        {
            if (key >= month)
            {
                continue;
            }
            var at = recent.FindIndex(r => r.Month < key);
            recent.Insert(at < 0 ? recent.Count : at, filing);
            if (recent.Count > 3)
            {
                recent.RemoveAt(3);
            }
        }
        return recent;
    }

    private static (decimal Quantity, string What)? Reference(EnergyCarrier carrier, YearMonth month, IReadOnlyDictionary<YearMonth, MonthlyFiling> history,
        List<MonthlyFiling> lastThree)
    {
        decimal? Of(MonthlyFiling f)
        {
            decimal? sum = null;
            foreach (var e in f.Energy)
            {
                if (e.Carrier == carrier)
                {
                    sum = (sum ?? 0m) + e.Quantity.InBaseUnit;
                }
            }
            return sum;
        }
        if (history.TryGetValue(month.AddMonths(-12), out var lastYear) && Of(lastYear) is > 0m and var same)
        {
            return (same, $"上年同月 {month.AddMonths(-12)} (the same month last year)");
        }
        var recent = lastThree.Select(Of).OfType<decimal>().Where(q => q > 0m).Order().ToList();
        if (recent.Count == 0)
        {
            return null;
        }
        var median = recent.Count % 2 == 1 ? recent[recent.Count / 2] : (recent[recent.Count / 2 - 1] + recent[recent.Count / 2]) / 2m;
        return (median, $"前三个月中位数 (the median of the last {recent.Count} months filed)");
    }
}
