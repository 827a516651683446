namespace Carbon.Domain.MuYield;

/// <summary>
/// A firm's part in a group evaluated as one (产业集群, 工业楼宇): the land it counts with in the group, the tax and value added
/// that go with that land, and its class in the run.
/// </summary>
public sealed record GroupMember(string Uscc, decimal LandMu, decimal TaxPaid, decimal ValueAdded, string? Class);

/// <summary>
/// 亩均 of a group: its firms, its land, Σ tax ÷ Σ land and Σ value added ÷ Σ land (万元/亩; null without land), and how many
/// of its firms fell in each class (unclassed firms — exempt — under "—").
/// </summary>
public sealed record GroupYield(int Firms, decimal LandMu, decimal TaxPaid, decimal ValueAdded, decimal? TaxPerMu, decimal? ValueAddedPerMu,
    IReadOnlyDictionary<string, int> Classes);

/// <summary>An industrial cluster (产业集群) of the plan: the industries it gathers (GB/T 4754 code prefixes) and its output target (亿元).</summary>
public sealed record IndustrialCluster(string Id, string Name, IReadOnlyList<string> Industries, decimal TargetOutput, string Status, string Source)
{
    /// <summary>Whether a firm of this industry code belongs to the cluster ("C36" takes "C3670").</summary>
    public bool Includes(string? industryCode) =>
        industryCode is not null && Industries.Any(p => industryCode.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>
/// Groups evaluated as one: 浙政发〔2018〕5号 《关于深化“亩均论英雄”改革的指导意见》 takes 亩均 beyond single firms to
/// development zones and parks, and the district plan on to 产业集群 and 工业楼宇. Sums over the members, never an average of
/// their ratios.
/// </summary>
public static class EvaluationObjects
{
    public static GroupYield Of(IEnumerable<GroupMember> members)
    {
        var m = members.ToList();
        var land = m.Sum(x => x.LandMu);
        var tax = m.Sum(x => x.TaxPaid);
        var va = m.Sum(x => x.ValueAdded);
        return new GroupYield(m.Count, land, tax, va, Ratio.Of(tax, land), Ratio.Of(va, land),
            m.GroupBy(x => x.Class ?? "—").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>
    /// A firm's part on one parcel of several it works on: the parcel's 亩 and its tax and value added apportioned by land,
    /// share ÷ the firm's whole land (all of it when the parcel is all its land).
    /// </summary>
    public static GroupMember OnParcel(string uscc, decimal parcelMu, decimal firmLandMu, decimal taxPaid, decimal valueAdded, string? @class)
    {
        var part = firmLandMu > 0m ? Math.Min(1m, parcelMu / firmLandMu) : 1m;
        return new GroupMember(uscc, parcelMu, taxPaid * part, valueAdded * part, @class);
    }
}
