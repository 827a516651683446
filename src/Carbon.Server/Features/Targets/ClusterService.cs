using Carbon.Domain.Access;
using Carbon.Domain.LandUse;
using Carbon.Domain.MuYield;
using Carbon.Domain.Targets;
using Carbon.Server.Factors;
using Carbon.Server.Features.Metrics;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Targets;

/// <summary>
/// Evaluation objects beyond single firms: the plan's industrial clusters against their output targets (产值, from the
/// filings of their firms by industry code) with their 亩均 in the year's latest run, and the industrial buildings (工业楼宇:
/// parcels several firms work on, the holder and its lessees) with theirs.
/// </summary>
public sealed class ClusterService(ClusterCatalog catalog, EvaluationSnapshots snapshots, RegistryReads ledger, EvaluationReads evaluations,
    IGrainFactory grains, LandReads? land = null)
{
    private static readonly Caller Service = Caller.System("clusters");

    /// <summary>亿元 per 万元.</summary>
    private const decimal Yi = 10_000m;

    public async Task<ClustersResponse> ComputeAsync(TargetPlan plan, int year)
    {
        var registry = await ledger.LoadRegistryAsync();
        var latest = await snapshots.YearTotalsAsync(year, registry);
        var baseline = await snapshots.YearTotalsAsync(plan.BaselineYear, registry);
        var run = (await evaluations.ListRunsAsync()).Where(r => r.Year == year).MaxBy(r => r.CreatedAt);
        var members = run is null ? null : await MembersAsync(run.Id);
        var industries = registry.ToDictionary(r => r.Identity.Uscc, r => r.Profile.IndustryCode, StringComparer.Ordinal);

        var clusters = catalog.For(plan.Id).Select(c =>
        {
            var firms = industries.Where(f => c.Includes(f.Value)).Select(f => f.Key).ToList();
            decimal? Output(Dictionary<string, FirmYear> years) =>
                firms.Any(years.ContainsKey) ? firms.Sum(f => years.GetValueOrDefault(f)?.Totals.OutputValue ?? 0m) / Yi : null;
            var (b, l) = (Output(baseline), Output(latest));
            var target = new Domain.Targets.PlanTarget(c.Id, c.Name, "cluster-output", null, TargetKind.Level, c.TargetOutput, "亿元", c.Status, c.Source);
            var p = TargetTracking.Track(target, plan.BaselineYear, plan.TargetYear, year, b, l);
            var yield = members is null ? null : EvaluationObjects.Of(firms.Where(members.ContainsKey).Select(f => members[f].Member));
            return new ClusterLine(c.Id, c.Name, c.Industries.ToArray(), firms.Count, R(p.Baseline), R(p.Latest), c.TargetOutput, R(p.Progress), R(p.Projection),
                TargetsService.Status(p.Status), Round(yield), c.Status, c.Source);
        }).ToArray();

        var buildings = new List<BuildingLine>();
        if (land is not null && members is not null)
        {
            var names = registry.ToDictionary(r => r.Identity.Uscc, r => r.Profile.Name, StringComparer.Ordinal);
            var parcels = (await land.ListAsync()).ToDictionary(p => p.Parcel.Code, p => p.Parcel, StringComparer.Ordinal);
            var shares = ParcelHistory.FirmLand(await land.StepsAsync(), new DateOnly(year, 12, 31));
            foreach (var parcel in shares.SelectMany(f => f.Value.Select(s => (Firm: f.Key, Share: s))).GroupBy(x => x.Share.ParcelCode)
                         .Where(g => g.Select(x => x.Firm).Distinct().Count() >= 2).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var inRun = parcel.Where(x => members.ContainsKey(x.Firm)).ToList();
                var yield = EvaluationObjects.Of(inRun.Select(x =>
                {
                    var m = members[x.Firm];
                    return EvaluationObjects.OnParcel(x.Firm, x.Share.Mu, m.EvaluatedLand, m.Member.TaxPaid, m.Member.ValueAdded, m.Member.Class);
                }));
                buildings.Add(new BuildingLine(parcel.Key, parcels.GetValueOrDefault(parcel.Key)?.Name ?? parcel.Key, parcels.GetValueOrDefault(parcel.Key)?.AreaMu ?? 0m,
                    parcel.Select(x => names.GetValueOrDefault(x.Firm, x.Firm)).Distinct().ToArray(), Round(yield)!));
            }
        }
        return new ClustersResponse(plan.Id, year, run?.Id, clusters, buildings.ToArray());
    }

    /// <summary>Each firm of a run as a member: the land it was evaluated on, its tax and value added, its class.</summary>
    private async Task<Dictionary<string, (GroupMember Member, decimal EvaluatedLand)>?> MembersAsync(string runId)
    {
        var run = await evaluations.FindRunAsync(runId);
        var page = await grains.GetGrain<IEvaluationGrain>(runId).QueryAsync(new EvaluationQuery(1, int.MaxValue, "uscc", null, null, null, null), Service);
        if (run is null || page is null)
        {
            return null;
        }
        var classes = page.Items.ToDictionary(i => i.Uscc, i => i.Class, StringComparer.Ordinal);
        return run.Inputs.ToDictionary(i => i.Uscc, i =>
        {
            var evaluated = i.ToDomain().EvaluatedLandMu;
            return (new GroupMember(i.Uscc, evaluated, i.TaxPaid, i.ValueAdded, classes.GetValueOrDefault(i.Uscc)), evaluated);
        }, StringComparer.Ordinal);
    }

    private static GroupYield? Round(GroupYield? y) => y is null ? null
        : y with { LandMu = Domain.Display.Round(y.LandMu, 4), TaxPaid = Domain.Display.Round(y.TaxPaid, 4), ValueAdded = Domain.Display.Round(y.ValueAdded, 4),
            TaxPerMu = R(y.TaxPerMu), ValueAddedPerMu = R(y.ValueAddedPerMu) };

    private static decimal? R(decimal? v) => MetricsCalculator.R(v);
}
