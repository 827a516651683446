namespace Carbon.Domain.GreenFactory;

/// <summary>必选 (must be met: a factory that misses one is not eligible) or 可选 (extra points).</summary>
public enum ItemRequirement
{
    Mandatory,
    Optional,
}

public enum MetricDirection
{
    LowerIsBetter,
    HigherIsBetter,
}

/// <summary>
/// How quantitative items turn a value into points. Binary (GB/T 36132-2018 style): full points when the value is at
/// least as good as the benchmark. Linear (GB/T 36132-2025 style): nothing below the 基准值, <c>FloorShare</c> of the
/// points at it, full points at the 引领值, linear between, capped at both ends.
/// </summary>
public enum QuantitativeScoring
{
    Binary,
    Linear,
}

/// <summary>A benchmark and leading value; per industry where the rule gives one (GB/T 4754 prefix, longest match wins).</summary>
public sealed record Thresholds(decimal Benchmark, decimal? Leading, string? ProductUnit = null);

/// <summary>A quantitative item: which ledger metric, which way is better, and its thresholds.</summary>
public sealed record QuantitativeRule(
    string Metric,
    MetricDirection Direction,
    Thresholds? Default,
    IReadOnlyDictionary<string, Thresholds> ByIndustry)
{
    /// <summary>The thresholds for an industry code: the longest matching prefix, else the default.</summary>
    public Thresholds? For(string? industryCode)
    {
        if (industryCode is not null)
        {
            foreach (var (prefix, t) in ByIndustry.OrderByDescending(kv => kv.Key.Length))
            {
                if (industryCode.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return t;
                }
            }
        }
        return Default;
    }
}

/// <summary>一个评价要求: qualitative (answered by the firm, accepted or rejected by a verifier) or quantitative (from the ledger).</summary>
public sealed record GradingItem(string Id, string Text, ItemRequirement Requirement, decimal Points, QuantitativeRule? Quantitative)
{
    public bool IsQualitative => Quantitative is null;
}

/// <summary>一级指标 (2018) or 维度 (2025): a weight (its share of 100) and its items.</summary>
public sealed record GradingCategory(string Id, string Name, decimal Weight, IReadOnlyList<GradingItem> Items);

/// <summary>基本要求: not scored; each must hold, else the factory is not eligible whatever its score (一票否决).</summary>
public sealed record BasicRequirement(string Id, string Text);

/// <summary>A GB/T 36132 edition as a rule set (data in factors/green-factory).</summary>
public sealed record GreenFactoryRuleSet(
    string Id,
    string Name,
    string Edition,
    string Version,
    decimal PassScore,
    QuantitativeScoring Scoring,
    decimal FloorShare,
    IReadOnlyList<BasicRequirement> Basic,
    IReadOnlyList<GradingCategory> Categories)
{
    public IEnumerable<GradingItem> Items => Categories.SelectMany(c => c.Items);
}
