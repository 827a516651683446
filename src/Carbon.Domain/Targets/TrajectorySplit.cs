namespace Carbon.Domain.Targets;

/// <summary>How the district's remaining gap on a target is shared out among parks and firms (目标分解规则), as data.</summary>
public enum SplitRule
{
    /// <summary>Pro-rata to what each consumes of the target's quantity (tce, t CO2, m³; 亩 for the per-亩 targets).</summary>
    Consumption,
    /// <summary>Pro-rata to value added (万元).</summary>
    ValueAdded,
    /// <summary>Pro-rata to each one's own distance from the target (the part of the gap it causes); none for those already there.</summary>
    BenchmarkDistance,
}

/// <summary>
/// A park or firm as the split sees it: what it consumes of the target's quantity, its value added, and its distance
/// from the target now and in the baseline year (≥ 0: the amount by which it alone misses the target; null when it
/// filed nothing that year).
/// </summary>
public sealed record Contributor(string Key, decimal Consumption, decimal ValueAdded, decimal Distance, decimal? BaselineDistance);

/// <summary>
/// A contributor's share of the gap, the weight it was shared by, and its trajectory: how much of its own distance it
/// closes by the target year if it goes on as it has since the baseline year (null without a baseline), and whether that
/// covers its share.
/// </summary>
public sealed record GapShare(string Key, decimal Share, decimal Weight, decimal? ProjectedClosing, bool OnTrack);

/// <summary>The remaining gap on a quantitative target and its split, with the rule it was split by.</summary>
public static class TrajectorySplit
{
    /// <summary>Shares are computed to this step (0.0001 of the target's quantity); the last sub-step goes to the largest weight.</summary>
    public const decimal Step = 0.0001m;

    /// <summary>
    /// Gap on an intensity-reduction target (浙政发〔2022〕21号: 单位工业增加值能耗下降): the quantity above what the target intensity
    /// allows at today's value added, E − (1 − r)·(E₀/V₀)·V; ≤ 0 when the target is met. Null without a baseline.
    /// </summary>
    public static decimal? IntensityGap(decimal baseQuantity, decimal baseValueAdded, decimal quantity, decimal valueAdded, decimal reduction) =>
        baseValueAdded > 0m ? quantity - (1m - reduction) * baseQuantity / baseValueAdded * valueAdded : null;

    /// <summary>Gap on a total-reduction target (用水量较2020年下降10%): Q − (1 − r)·Q₀; ≤ 0 when met.</summary>
    public static decimal ReductionGap(decimal baseQuantity, decimal quantity, decimal reduction) => quantity - (1m - reduction) * baseQuantity;

    /// <summary>Gap on a per-亩 level target (亩均税收 ≥ T 万元/亩): what the land would have to yield less what it yields, T·L − A; ≤ 0 when met.</summary>
    public static decimal LevelGap(decimal target, decimal landMu, decimal amount) => target * landMu - amount;

    /// <summary>
    /// Splits <paramref name="gap"/> (&gt; 0) among the contributors by <paramref name="rule"/>, so that the shares sum to the gap
    /// exactly; when no contributor has any weight under the rule, equally. Each share is also set against the contributor's
    /// trajectory: its distance closed per year from <paramref name="baselineYear"/> to <paramref name="year"/>, carried on to
    /// <paramref name="targetYear"/> (nothing more from the target year on); on track when that covers its share.
    /// </summary>
    public static IReadOnlyList<GapShare> Split(decimal gap, SplitRule rule, IReadOnlyList<Contributor> contributors,
        int baselineYear, int year, int targetYear)
    {
        var weights = contributors.Select(c => Math.Max(0m, rule switch
        {
            SplitRule.Consumption => c.Consumption,
            SplitRule.ValueAdded => c.ValueAdded,
            _ => c.Distance,
        })).ToList();
        if (weights.Sum() == 0m)
        {
            weights = contributors.Select(_ => 1m).ToList();
        }
        var shares = Allocate(gap, weights);
        return contributors.Select((c, i) =>
        {
            var closing = Closing(c, baselineYear, year, targetYear);
            return new GapShare(c.Key, shares[i], weights[i], closing, shares[i] <= 0m || closing >= shares[i]);
        }).ToList();
    }

    /// <summary>
    /// <paramref name="amount"/> × wᵢ ÷ Σw, each rounded down to <see cref="Step"/>; the steps left over go one each to the
    /// largest remainders (largest-remainder method), and what is left below a step to the largest weight, so Σ = amount.
    /// </summary>
    public static IReadOnlyList<decimal> Allocate(decimal amount, IReadOnlyList<decimal> weights)
    {
        var total = weights.Sum();
        if (weights.Count == 0 || total <= 0m)
        {
            throw new ArgumentException("at least one positive weight is needed", nameof(weights));
        }
        var raw = weights.Select(w => amount * (w / total)).ToList();
        var shares = raw.Select(r => Math.Floor(r / Step) * Step).ToArray();
        var left = amount - shares.Sum();
        foreach (var i in Enumerable.Range(0, raw.Count).OrderByDescending(i => raw[i] - shares[i]).ThenByDescending(i => weights[i]))
        {
            if (left < Step)
            {
                break;
            }
            shares[i] += Step;
            left -= Step;
        }
        var largest = Enumerable.Range(0, weights.Count).MaxBy(i => weights[i]);
        shares[largest] += amount - shares.Sum();
        return shares;
    }

    /// <summary>(d₀ − d) ÷ (y − Y₀) × (Y_T − y): the distance closed per year so far, carried on to the target year.</summary>
    private static decimal? Closing(Contributor c, int baselineYear, int year, int targetYear)
    {
        if (c.BaselineDistance is not { } d0 || year <= baselineYear)
        {
            return null;
        }
        return year >= targetYear ? 0m : (d0 - c.Distance) / (year - baselineYear) * (targetYear - year);
    }
}
