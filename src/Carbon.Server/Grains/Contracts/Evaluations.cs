using Carbon.Domain.MuYield;

namespace Carbon.Server.Grains.Contracts;

// 亩均 evaluation views, computed by the evaluation grain from a run's stored inputs. Figures are rounded for display
// (6 decimal places); ranking and classes use the exact values.

[GenerateSerializer, Immutable, Alias("carbon.eval.benchmark")]
public sealed record BenchmarkView(string Indicator, string Name, string Unit, decimal Weight, string Kind, decimal Value, decimal? AverageScore);

/// <summary>
/// A population: firms evaluated in it, entries ranked (the base of the class shares; where merged groups set classes,
/// each merged group counts once in place of its members), of which <c>mergedGroups</c> are 混合型企业 groups, and exempt.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.eval.population")]
public sealed record PopulationSummary(string Id, string Name, int Evaluated, int Ranked, int Exempt,
    Dictionary<string, int> ClassCounts, BenchmarkView[] Benchmarks, int MergedGroups);

[GenerateSerializer, Immutable, Alias("carbon.eval.not-evaluated")]
public sealed record NotEvaluatedView(string Uscc, string Name, string? ParkCode, string Reason, int[] MissingMonths);

[GenerateSerializer, Immutable, Alias("carbon.eval.park")]
public sealed record ParkRankView(string ParkCode, int Firms, decimal LandAreaMu, decimal TaxPaid, decimal ValueAdded,
    decimal? TaxPerMu, decimal? ValueAddedPerMu, int Rank);

/// <summary>A member of a 混合型企业 group: its own (独立评价) score and class.</summary>
[GenerateSerializer, Immutable, Alias("carbon.eval.parcel-member")]
public sealed record ParcelMemberView(string Uscc, string Name, string Population, decimal TotalScore, string? AloneClass);

/// <summary>
/// 混合型企业合并评价: the firms of one parcel group scored as one firm on their summed figures (land = Σ members' land).
/// <c>setsClass</c> says whether its class is the members' class (the method's <c>mixedParcels.classFrom</c> is merged);
/// a group that could not be scored merged says why in <c>notEvaluatedReason</c>, and its members keep their own classes.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.eval.parcel-group")]
public sealed record ParcelGroupView(
    string Code,
    ParcelMemberView[] Members,
    string? Population,
    decimal LandAreaMu,
    decimal? TotalScore,
    int? Rank,
    int RankedInPopulation,
    string? Class,
    bool SetsClass,
    string? NotEvaluatedReason);

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
    ParkRankView[] Parks,
    ParcelGroupView[] ParcelGroups);

/// <summary>
/// A firm's result: its own (独立评价) score, rank and class (<c>aloneClass</c>), the class that applies (<c>class</c>) and
/// which evaluation set it (<c>classFrom</c>: <c>alone</c>, or <c>merged</c> for a 混合型企业 whose parcel group's merged
/// evaluation sets it), and its parcel group's merged result. Where the merged evaluation sets the class, <c>rank</c> of
/// <c>rankedInPopulation</c> is where the firm's own score would stand in place of its group, which moves no other firm.
/// </summary>
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
    string? ExemptReason,
    string? AloneClass,
    ClassSource? ClassFrom,
    ParcelGroupView? ParcelGroup);

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
    decimal? PollutantsT,
    string? ParcelGroup,
    decimal LeasedAreaMu = 0m,
    string? LandSource = null);

/// <summary>
/// 一企一单: the firm's result, its own indicators traced, the tariff of its class, its inputs, and, for a 混合型企业, the
/// merged group's indicators traced from the members' sums (empty otherwise).
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.eval.firm")]
public sealed record EvaluationFirmDetail(
    string RunId,
    int Year,
    string MethodVersion,
    string FactorSet,
    EvaluationFirmView Firm,
    IndicatorView[] Indicators,
    TariffView? Tariff,
    FirmInputsView Inputs,
    IndicatorView[] ParcelGroupIndicators);

/// <summary>Where a run stands: reading the ledger, gathering each firm's year, storing the snapshot, scoring; then done.</summary>
public enum EvaluationStage
{
    Reading,
    Gathering,
    Storing,
    Scoring,
    Done,
    Failed,
}

/// <summary>
/// A run's progress while it runs (a district of thousands takes seconds): the stage, the firms gathered of how many,
/// and a percentage for a progress bar. Failed carries why; nothing of a failed run is stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.eval.progress")]
public sealed record EvaluationProgress(string Id, int Year, string MethodId, EvaluationStage Stage, int Firms, int FirmsDone,
    int Percent, DateTimeOffset StartedAt, string StartedBy, string? Failure);
