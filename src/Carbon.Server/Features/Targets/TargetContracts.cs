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
