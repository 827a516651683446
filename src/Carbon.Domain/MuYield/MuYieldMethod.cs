namespace Carbon.Domain.MuYield;

/// <summary>How an indicator's benchmark (基准值) is set.</summary>
public enum BenchmarkKind
{
    /// <summary>Published in the method (e.g. 黄岩 2022: 亩均税收 24.097).</summary>
    Given,
    /// <summary>The arithmetic mean of the population's values that year.</summary>
    PopulationMean,
    /// <summary>The population's total numerator over total denominator that year (e.g. Σ税收 / Σ用地).</summary>
    PopulationAggregate,
}

/// <summary>What a firm without data for an indicator scores.</summary>
public enum MissingDataRule
{
    /// <summary>The firm is not scored; it is listed with the indicator it lacks data for (the default: nothing is silently 0).</summary>
    NotEvaluated,
    /// <summary>Zero points, only where a method says so explicitly.</summary>
    Zero,
    /// <summary>The population's average score on that indicator (黄岩: 无排放数据的规上企业取平均分).</summary>
    PopulationAverage,
}

public sealed record BenchmarkRule(BenchmarkKind Kind, decimal? Value);

/// <summary>One weighted indicator of a population: score = weight × value / benchmark, at most cap × weight.</summary>
public sealed record IndicatorRule(MuYieldIndicator Indicator, decimal Weight, BenchmarkRule Benchmark, decimal? Cap, MissingDataRule Missing);

/// <summary>A class band: by rank share (cumulative share of the ranked population, e.g. A up to 0.20) or by minimum score.</summary>
public sealed record ClassBand(string Class, decimal? UpToShare, decimal? MinScore);

public enum ClassBasis
{
    RankShare,
    ScoreThreshold,
}

/// <summary>
/// How classes are given: by rank share or score, over the whole population or, where a method says so, within each
/// industry group (GB/T 4754 门类 + 大类, e.g. C34), as 温岭 ranks its firms.
/// </summary>
public sealed record ClassRule(ClassBasis Basis, IReadOnlyList<ClassBand> Bands, bool ByIndustryGroup = false)
{
    /// <summary>The group a firm is ranked in: the population's one group, or its industry division ("—" without a code).</summary>
    public string GroupOf(MuYieldInputs f) =>
        !ByIndustryGroup ? "" : f.IndustryCode is { Length: >= 3 } code ? code[..3] : "—";
}

/// <summary>
/// A population evaluated and ranked on its own: a scale and optionally a land range [min, max); or, for a lessee
/// population (租赁企业, as in 慈溪's four populations), every firm without land of its own that leases, whatever its scale.
/// </summary>
public sealed record PopulationRule(
    string Id,
    string Name,
    EnterpriseScale Scale,
    decimal? MinLandMu,
    decimal? MaxLandMu,
    IReadOnlyList<IndicatorRule> Indicators,
    ClassRule Classes,
    bool Lessees = false)
{
    public bool Contains(MuYieldInputs f) =>
        Lessees
            ? f.IsLessee
            : f.Scale == Scale && (MinLandMu is not { } min || f.EvaluatedLandMu >= min) && (MaxLandMu is not { } max || f.EvaluatedLandMu < max);
}

/// <summary>Firms evaluated but given no class (不参与分类): utilities, new firms, new land.</summary>
public sealed record ExemptionRule(IReadOnlyList<string> IndustryCodePrefixes, int? EstablishedWithinYears, int? LandGrantedWithinYears);

/// <summary>差别化资源要素价格 of a class: surcharges in 元 per unit and land-use-tax relief in percent.</summary>
public sealed record Tariff(
    decimal ElectricityYuanPerKwh,
    decimal WaterYuanPerT,
    decimal GasYuanPerM3,
    decimal SewageYuanPerT,
    decimal LandUseTaxReliefPercent);

/// <summary>
/// Which evaluation of a 混合型企业 (several firms on one parcel, 黄岩区 2022 亩均评价办法: 混合型企业进行独立评价和合并评价)
/// sets its class: the parcel group's merged evaluation, or the firm's own.
/// </summary>
public enum ClassSource
{
    /// <summary>合并评价: the members' summed figures, scored and ranked as one firm.</summary>
    Merged,
    /// <summary>独立评价: the firm's own figures and own land.</summary>
    Alone,
}

/// <summary>
/// An evaluation method (亩均效益综合评价办法) as data: a district changes its method by adding a file.
/// <paramref name="MixedParcelClassFrom"/> says which evaluation of a 混合型企业 sets its class (合并评价 unless the method
/// says otherwise).
/// </summary>
public sealed record MuYieldMethod(
    string Id,
    string Name,
    string Version,
    IReadOnlyList<PopulationRule> Populations,
    ExemptionRule Exemptions,
    IReadOnlyDictionary<string, Tariff> Tariffs,
    ClassSource MixedParcelClassFrom = ClassSource.Merged)
{
    public PopulationRule? PopulationOf(MuYieldInputs f) => Populations.FirstOrDefault(p => p.Contains(f));
}
