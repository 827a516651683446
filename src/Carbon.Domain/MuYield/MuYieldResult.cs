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

/// <summary>A firm's evaluation: scores, rank within its population, class and tariff. Exempt firms have no rank or class.</summary>
public sealed record FirmEvaluation(
    MuYieldInputs Inputs,
    string PopulationId,
    IReadOnlyList<IndicatorScore> Indicators,
    decimal TotalScore,
    int? Rank,
    int RankedInPopulation,
    string? Class,
    string? ExemptReason,
    Tariff? Tariff);

/// <summary>The benchmark used for an indicator in a population, and how it was set.</summary>
public sealed record BenchmarkUsed(MuYieldIndicator Indicator, BenchmarkKind Kind, decimal Value, decimal? AverageScore);

public sealed record PopulationEvaluation(
    string Id,
    string Name,
    int Evaluated,
    int Ranked,
    int Exempt,
    IReadOnlyList<BenchmarkUsed> Benchmarks,
    IReadOnlyDictionary<string, int> ClassCounts);

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
    IReadOnlyList<ParkEvaluation> Parks);
