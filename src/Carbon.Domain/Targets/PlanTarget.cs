namespace Carbon.Domain.Targets;

/// <summary>How a target is measured.</summary>
public enum TargetKind
{
    /// <summary>A level to reach or exceed (亩均税收 ≥ 49 万元/亩).</summary>
    Level,
    /// <summary>A reduction against the baseline year, as a fraction (0.16 = −16 %).</summary>
    Reduction,
    /// <summary>A count or amount to reach (100 green factories, 5 000 亩 reclaimed).</summary>
    Count,
    /// <summary>A share to reach, as a fraction (0.80 of firms in parks).</summary>
    Share,
}

/// <summary>One plan target (规划目标) as data; <see cref="Split"/>: how its remaining gap is shared among parks and firms, where it is.</summary>
public sealed record PlanTarget(string Id, string Name, string Metric, string? Scale, TargetKind Kind, decimal Target, string Unit,
    string Status, string Source, SplitRule? Split = null);

/// <summary>Where a target stands.</summary>
public enum TargetStatus
{
    OnTrack,
    OffTrack,
    Achieved,
    Missed,
    /// <summary>The latest value is known but there is no baseline to project from.</summary>
    NoBaseline,
    /// <summary>The data the target needs is not collected yet: no value is shown, never a made-up one.</summary>
    NoData,
}

/// <summary>A target's baseline, latest value, progress and straight-line projection to the target year.</summary>
public sealed record TargetProgress(
    decimal? Baseline,
    decimal? Latest,
    decimal? Progress,
    decimal? Projection,
    TargetStatus Status);

public static class TargetTracking
{
    /// <summary>
    /// Progress and straight-line projection. Level: progress = (v − v₀)/(T − v₀), projection = v₀ + (v − v₀)·(Y_T − Y₀)/(y − Y₀).
    /// Reduction (v₀ = 0 by definition): progress = v/T, projection = v·(Y_T − Y₀)/(y − Y₀). On track when the projection
    /// reaches the target; in or after the target year the latest value decides (achieved / missed).
    /// </summary>
    public static TargetProgress Track(PlanTarget target, int baselineYear, int targetYear, int year, decimal? baseline, decimal? latest)
    {
        if (latest is not { } v)
        {
            return new TargetProgress(baseline, null, null, null, TargetStatus.NoData);
        }
        var v0 = target.Kind == TargetKind.Reduction ? 0m : baseline;
        if (year >= targetYear)
        {
            return new TargetProgress(v0, v, ProgressOf(target, v0, v), v, v >= target.Target ? TargetStatus.Achieved : TargetStatus.Missed);
        }
        if (v0 is not { } b || year <= baselineYear)
        {
            return new TargetProgress(v0, v, ProgressOf(target, v0, v), null, v >= target.Target ? TargetStatus.Achieved : TargetStatus.NoBaseline);
        }
        var projection = b + (v - b) * (targetYear - baselineYear) / (year - baselineYear);
        return new TargetProgress(b, v, ProgressOf(target, b, v), projection,
            projection >= target.Target ? TargetStatus.OnTrack : TargetStatus.OffTrack);
    }

    private static decimal? ProgressOf(PlanTarget target, decimal? baseline, decimal latest) =>
        baseline is { } b ? Ratio.OfSigned(latest - b, target.Target - b) : null;
}
