namespace Carbon.Server.Features.Targets;

public sealed record TargetPlanResponse(string Id, string Name, int BaselineYear, int TargetYear);

/// <summary>
/// One target: its baseline (the baseline year's value), the latest value (the requested year), progress toward the
/// target, the straight-line projection to the target year and whether that is on track. Values the district has not
/// collected yet are null with status "no-data" and a note that says why.
/// </summary>
public sealed record TargetResponse(
    string Id,
    string Name,
    string Metric,
    string? Scale,
    string Kind,
    string Unit,
    decimal Target,
    decimal? Baseline,
    decimal? Latest,
    decimal? Progress,
    decimal? Projection,
    string Status,
    string? Note,
    decimal? Coverage,
    string SourceStatus,
    string Source,
    bool Provisional);

/// <summary>The plan's targets for a year; <c>priceProvisional</c> when the year's price index is not published and an earlier one stands in.</summary>
public sealed record TargetsResponse(TargetPlanResponse Plan, int Year, string PriceBasis, bool PriceProvisional, string FactorSet, TargetResponse[] Targets);

/// <summary>
/// The district's remaining gap on each splittable target in a year and its split (目标分解): among the parks (园区外 as one)
/// and, for the park asked (else the firms with the largest shares), among the firms.
/// </summary>
public sealed record TrajectoryResponse(TargetPlanResponse Plan, int Year, string FactorSet, TrajectoryTarget[] Targets);

/// <summary>
/// One target: the gap in its quantity's unit (tce, t CO₂, m³, 万元; ≤ 0 when met, then nothing is split), the rule it was
/// split by (consumption, value-added, benchmark-distance), how the gap is defined, and the shares. Σ parks' shares = gap,
/// and Σ a park's firms' shares = that park's share, exactly.
/// </summary>
public sealed record TrajectoryTarget(string Id, string Name, string Metric, string Unit, string Rule, decimal Target, decimal Gap, string Note,
    SplitLine[] Parks, SplitLine[] Firms);

/// <summary>
/// A park's or firm's share of the gap; its own distance from the target now; what its trajectory since the baseline
/// would close by the target year (null without a baseline); on track when that covers its share.
/// </summary>
public sealed record SplitLine(string Key, string Name, string? Park, decimal Share, decimal Distance, decimal? ProjectedClosing, bool OnTrack);

/// <summary>
/// The plan's industrial clusters and the industrial buildings in a year, each evaluated as one; <c>runId</c> is the year's
/// latest 亩均 run their 亩均 comes from (null: none yet, and no 亩均 is shown).
/// </summary>
public sealed record ClustersResponse(string Plan, int Year, string? RunId, ClusterLine[] Clusters, BuildingLine[] Buildings);

/// <summary>
/// A cluster: its industries (GB/T 4754 prefixes), its firms, its output (亿元, Σ of its firms' filed 产值) in the baseline
/// year and the year, the target, progress, straight-line projection and status, and its 亩均 as one object.
/// </summary>
public sealed record ClusterLine(string Id, string Name, string[] Industries, int Firms, decimal? BaselineOutput, decimal? Output, decimal TargetOutput,
    decimal? Progress, decimal? Projection, string Status, Domain.MuYield.GroupYield? MuYield, string SourceStatus, string Source);

/// <summary>An industrial building (工业楼宇): a parcel several firms work on, its firms and its 亩均 (tax and value added apportioned by land).</summary>
public sealed record BuildingLine(string Parcel, string Name, decimal AreaMu, string[] Firms, Domain.MuYield.GroupYield MuYield);
