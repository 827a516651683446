namespace Carbon.Domain.LandUse;

/// <summary>Why a parcel is proposed as low-efficiency land (低效工业用地).</summary>
public enum LowEfficiencyReason
{
    /// <summary>Its holder was classed D in the latest 亩均 evaluation.</summary>
    ClassD,
    /// <summary>Its holder's 亩均税收 is below the district's threshold.</summary>
    LowTax,
    /// <summary>Idle: no filing from its holder for the last twelve months.</summary>
    Idle,
}

/// <summary>How low-efficiency land is disposed of (处置方式).</summary>
public enum DisposalKind
{
    /// <summary>收回.</summary>
    Reclaim,
    /// <summary>转让.</summary>
    Transfer,
    /// <summary>改造提升.</summary>
    Upgrade,
    /// <summary>兼并重组.</summary>
    Merge,
    /// <summary>退二优二: one industry replaced by a better one.</summary>
    ReplaceIndustry,
}

/// <summary>A disposal of a parcel's land: how, the 亩 it frees, the day it was completed (null: under way) and begun.</summary>
public sealed record Disposal(string ParcelCode, DisposalKind Kind, decimal Mu, DateOnly? CompletedOn, DateOnly? StartedOn = null);

/// <summary>Low-efficiency land: which parcels the data proposes, and the 亩 freed toward the district's target.</summary>
public static class LowEfficiencyLand
{
    /// <summary>Months without a filing after which a holder counts as idle.</summary>
    public const int IdleMonths = 12;

    /// <summary>
    /// Why the data proposes a parcel (an official confirms or dismisses each proposal): its holder classed D in the latest
    /// 亩均 run; its 亩均税收 below <paramref name="taxThreshold"/> (a threshold set as data); no filing for
    /// <see cref="IdleMonths"/> months. Empty when none applies.
    /// </summary>
    public static IReadOnlyList<LowEfficiencyReason> Reasons(string? latestClass, decimal? taxPerMu, decimal? taxThreshold, int monthsWithoutFiling)
    {
        var reasons = new List<LowEfficiencyReason>();
        if (latestClass == "D")
        {
            reasons.Add(LowEfficiencyReason.ClassD);
        }
        if (taxPerMu is { } t && taxThreshold is { } threshold && t < threshold)
        {
            reasons.Add(LowEfficiencyReason.LowTax);
        }
        if (monthsWithoutFiling >= IdleMonths)
        {
            reasons.Add(LowEfficiencyReason.Idle);
        }
        return reasons;
    }

    /// <summary>
    /// 盘活低效工业用地: the 亩 of disposals completed on or before <paramref name="asOf"/> — a disposal under way frees
    /// nothing yet; a parcel disposed of twice counts once, by its first completed disposal.
    /// </summary>
    public static decimal FreedMu(IEnumerable<Disposal> disposals, DateOnly asOf) =>
        disposals.Where(d => d.CompletedOn is { } on && on <= asOf)
            .GroupBy(d => d.ParcelCode, StringComparer.Ordinal)
            .Sum(g => g.OrderBy(d => d.CompletedOn).First().Mu);
}

/// <summary>入园率: the share of industrial firms inside parks, by count and by value added.</summary>
public static class ParkShare
{
    /// <summary>
    /// (firms in parks ÷ firms, value added in parks ÷ value added); a share of nothing is null.
    /// </summary>
    public static (decimal? ByCount, decimal? ByValueAdded) Of(IEnumerable<(bool InPark, decimal ValueAdded)> firms)
    {
        var list = firms.ToList();
        var total = list.Sum(f => f.ValueAdded);
        return (list.Count == 0 ? null : (decimal)list.Count(f => f.InPark) / list.Count,
            total > 0m ? list.Where(f => f.InPark).Sum(f => f.ValueAdded) / total : null);
    }
}
