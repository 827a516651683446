namespace Carbon.Server.Grains.Contracts;

// 亩均 evaluation views, computed by the evaluation grain from a run's stored inputs. Figures are rounded for display
// (6 decimal places); ranking and classes use the exact values.

[GenerateSerializer, Immutable, Alias("carbon.eval.benchmark")]
public sealed record BenchmarkView(string Indicator, string Name, string Unit, decimal Weight, string Kind, decimal Value, decimal? AverageScore);

[GenerateSerializer, Immutable, Alias("carbon.eval.population")]
public sealed record PopulationSummary(string Id, string Name, int Evaluated, int Ranked, int Exempt,
    Dictionary<string, int> ClassCounts, BenchmarkView[] Benchmarks);

[GenerateSerializer, Immutable, Alias("carbon.eval.not-evaluated")]
public sealed record NotEvaluatedView(string Uscc, string Name, string? ParkCode, string Reason, int[] MissingMonths);

[GenerateSerializer, Immutable, Alias("carbon.eval.park")]
public sealed record ParkRankView(string ParkCode, int Firms, decimal LandAreaMu, decimal TaxPaid, decimal ValueAdded,
    decimal? TaxPerMu, decimal? ValueAddedPerMu, int Rank);

[GenerateSerializer, Immutable, Alias("carbon.eval.summary")]
public sealed record EvaluationSummary(
    string Id,
    int Year,
    string MethodId,
    string MethodName,
    string MethodVersion,
    string FactorSet,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int Registered,
    int Evaluated,
    int Exempt,
    PopulationSummary[] Populations,
    NotEvaluatedView[] NotEvaluated,
    ParkRankView[] Parks);

[GenerateSerializer, Immutable, Alias("carbon.eval.firm-row")]
public sealed record EvaluationFirmView(
    string Uscc,
    string Name,
    string Industry,
    string? ParkCode,
    string Population,
    decimal TotalScore,
    int? Rank,
    int RankedInPopulation,
    string? Class,
    string? ExemptReason);

[GenerateSerializer, Immutable, Alias("carbon.eval.query")]
public sealed record EvaluationQuery(int Page, int PageSize, string Sort, string? Class, string? Park, string? Industry, string? Population);

[GenerateSerializer, Immutable, Alias("carbon.eval.page")]
public sealed record EvaluationPage(int Page, int PageSize, int Total, EvaluationFirmView[] Items);

/// <summary>One indicator of one firm, with where its numerator and denominator came from.</summary>
[GenerateSerializer, Immutable, Alias("carbon.eval.indicator")]
public sealed record IndicatorView(
    string Indicator,
    string Name,
    string Unit,
    decimal? Value,
    decimal? Numerator,
    decimal Denominator,
    string Trace,
    decimal Benchmark,
    string BenchmarkKind,
    decimal Weight,
    decimal Score,
    bool Capped,
    bool Missing,
    int? IndicatorRank);

[GenerateSerializer, Immutable, Alias("carbon.eval.tariff")]
public sealed record TariffView(string Class, decimal ElectricityYuanPerKwh, decimal WaterYuanPerT, decimal GasYuanPerM3,
    decimal SewageYuanPerT, decimal LandUseTaxReliefPercent, string Status);

/// <summary>The facts a firm was evaluated on, as snapshotted by the run.</summary>
[GenerateSerializer, Immutable, Alias("carbon.eval.inputs")]
public sealed record FirmInputsView(
    int ProfileRevision,
    string Scale,
    decimal LandAreaMu,
    string? IndustryCode,
    DateOnly? EstablishedOn,
    DateOnly? LandGrantedOn,
    string FilingRevisions,
    decimal TaxPaid,
    decimal ValueAdded,
    decimal Revenue,
    decimal RdExpense,
    decimal AverageEmployees,
    decimal ElectricityKwh,
    decimal EnergyEquivalentTce,
    decimal? PollutantsT);

[GenerateSerializer, Immutable, Alias("carbon.eval.firm")]
public sealed record EvaluationFirmDetail(
    string RunId,
    int Year,
    string MethodVersion,
    string FactorSet,
    EvaluationFirmView Firm,
    IndicatorView[] Indicators,
    TariffView? Tariff,
    FirmInputsView Inputs);
