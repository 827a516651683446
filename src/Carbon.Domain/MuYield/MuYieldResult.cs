namespace Carbon.Domain.MuYield;

/// <summary>One indicator of one firm: value = numerator / denominator, score = weight × value / benchmark (capped).</summary>
public sealed record IndicatorScore(
    MuYieldIndicator Indicator,
    decimal? Numerator,
    decimal Denominator,
    decimal? Value,
    decimal Benchmark,
    decimal Weight,
    decimal Score,
    bool Capped,
    bool Missing);

/// <summary>
/// A firm's evaluation: its own (独立评价) scores, rank and class, the class that applies and which evaluation set it,
/// and the tariff of that class. Exempt firms have no rank or class. <see cref="Rank"/> and <see cref="RankedInPopulation"/>
/// are the firm's own position: where its own score sets its class, its place in the ranking; where its parcel group's
/// merged evaluation sets it, the place its own score would take standing in for the group (see
/// <see cref="MuYieldEvaluator"/>), which moves no other firm.
/// </summary>
public sealed record FirmEvaluation(
    MuYieldInputs Inputs,
    string PopulationId,
    IReadOnlyList<IndicatorScore> Indicators,
    decimal TotalScore,
    int? Rank,
    int RankedInPopulation,
    string? AloneClass,
    string? Class,
    ClassSource? ClassFrom,
    string? ExemptReason,
    Tariff? Tariff,
    ParcelGroupEvaluation? ParcelGroup);

/// <summary>
/// 混合型企业合并评价: the firms of one parcel group scored as one firm on their summed figures (黄岩区 2022 亩均评价办法:
/// 混合型企业进行独立评价和合并评价). <see cref="SetsClass"/> says whether its class is its members' (the method's
/// <c>mixedParcels.classFrom</c> is merged) or shown only beside theirs. A group whose merged figures fit no population or
/// lack an indicator's data is not scored: <see cref="NotEvaluatedReason"/> says why, and its members keep their own classes.
/// </summary>
public sealed record ParcelGroupEvaluation(
    string Code,
    IReadOnlyList<MuYieldInputs> Members,
    MuYieldInputs Inputs,
    string? PopulationId,
    IReadOnlyList<IndicatorScore> Indicators,
    decimal? TotalScore,
    int? Rank,
    int RankedInPopulation,
    string? Class,
    bool SetsClass,
    string? NotEvaluatedReason);

/// <summary>The benchmark used for an indicator in a population, and how it was set.</summary>
public sealed record BenchmarkUsed(MuYieldIndicator Indicator, BenchmarkKind Kind, decimal Value, decimal? AverageScore);

/// <summary>
/// A population's counts: firms evaluated in it, entries ranked (the base of the class shares: its graded firms, where
/// merged groups set classes with each group in place of its members), of which <paramref name="MergedGroups"/> are parcel
/// groups, and exempt firms.
/// </summary>
public sealed record PopulationEvaluation(
    string Id,
    string Name,
    int Evaluated,
    int Ranked,
    int Exempt,
    IReadOnlyList<BenchmarkUsed> Benchmarks,
    IReadOnlyDictionary<string, int> ClassCounts,
    int MergedGroups);

/// <summary>A firm that was not scored, and why (missing months, no population for its scale and land).</summary>
public sealed record NotEvaluated(MuYieldInputs Inputs, string Reason, IReadOnlyList<int> MissingMonths);

/// <summary>A park's 亩均税收 and 亩均增加值 over the land of its evaluated firms, and its rank among parks.</summary>
public sealed record ParkEvaluation(string ParkCode, int Firms, decimal LandAreaMu, decimal TaxPaid, decimal ValueAdded,
    decimal? TaxPerMu, decimal? ValueAddedPerMu, int Rank);

public sealed record MuYieldEvaluation(
    int Year,
    IReadOnlyList<FirmEvaluation> Firms,
    IReadOnlyList<PopulationEvaluation> Populations,
    IReadOnlyList<NotEvaluated> NotEvaluated,
    IReadOnlyList<ParkEvaluation> Parks,
    IReadOnlyList<ParcelGroupEvaluation> ParcelGroups);
