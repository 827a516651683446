using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.LandUse;
using Carbon.Domain.Targets;
using Carbon.Server.Factors;
using Carbon.Server.Features.Metrics;
using Carbon.Server.Configuration;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Features.Targets;

/// <summary>
/// Computes each plan target's baseline and latest value from the ledger (the registry and two years of filings), then
/// progress and projection with <see cref="TargetTracking"/>. Targets whose data Carbon does not hold yet say so.
/// </summary>
public sealed class TargetsService(
    IReadOnlyList<TargetPlan> plans, EvaluationSnapshots snapshots, RegistryReads ledger, FactorSet factors, IOptions<CarbonOptions> options,
    IGreenFactoryCount? greenFactories = null, LandReads? land = null, ProgrammeReads? programme = null)
{
    public IReadOnlyList<TargetPlan> Plans => plans;

    public async Task<TargetsResponse> ComputeAsync(TargetPlan plan, int year)
    {
        var registry = await ledger.LoadRegistryAsync();
        var latest = await snapshots.YearTotalsAsync(year);
        var baseline = await snapshots.YearTotalsAsync(plan.BaselineYear);
        var index = factors.PriceIndex(year);
        var comparable = index is not null && factors.PriceIndex(IntensityAccounting.BaselineYear) is not null;
        var parcels = land is null ? [] : await land.StepsAsync();
        var landNow = ParcelHistory.FirmLand(parcels, new DateOnly(year, 12, 31));
        var landThen = ParcelHistory.FirmLand(parcels, new DateOnly(plan.BaselineYear, 12, 31));
        var cases = programme is null ? [] : await programme.ListCasesAsync();

        var rows = new List<TargetResponse>();
        foreach (var t in plan.Targets)
        {
            var scope = registry.Where(r => t.Scale is null || r.Profile.Scale == t.Scale).ToList();
            var (b, l, note, coverage) = t.Metric switch
            {
                "tax-per-mu" => PerMu(scope, baseline, latest, x => x.TaxPaid, landThen, landNow),
                "value-added-per-mu" => PerMu(scope, baseline, latest, x => x.ValueAdded, landThen, landNow),
                "water-use" => Reduction(scope, baseline, latest, plan.BaselineYear, year, c => 1m - Domain.Ratio.Of(c.Latest.WaterM3, c.Baseline.WaterM3),
                    c => c.Baseline.WaterM3 > 0m),
                "energy-intensity" => Reduction(scope, baseline, latest, plan.BaselineYear, year, c => c.Compare.Reduction.EnergyIntensity),
                "co2-intensity" => Reduction(scope, baseline, latest, plan.BaselineYear, year, c => c.Compare.Reduction.Co2Intensity),
                "water-intensity" => Reduction(scope, baseline, latest, plan.BaselineYear, year, c => c.Compare.Reduction.WaterIntensity),
                "share-in-parks" => InParks(scope, latest, year),
                "green-factories" => greenFactories is null
                    ? (null, null, "绿色工厂名录尚未建立，无数据 (the green-factory register does not exist yet)", null)
                    : (null, await greenFactories.CountAsync(year), "绿色工厂名录中有效证书数 (valid certificates in the register)", null),
                "land-reclaimed" => Reclaimed(parcels, plan.BaselineYear, year),
                _ when TargetMetrics.Campaign(t.Metric) is { } kind => Campaign(kind, t, cases, year),
                _ => (null, null, $"unsupported metric {t.Metric}", null),
            };
            var p = TargetTracking.Track(t, plan.BaselineYear, plan.TargetYear, year, b, l);
            var provisional = index?.Provisional == true && t.Metric is "energy-intensity" or "co2-intensity" or "water-intensity";
            rows.Add(new TargetResponse(t.Id, t.Name, t.Metric, t.Scale, t.Kind.ToString().ToLowerInvariant(), t.Unit, t.Target,
                R(p.Baseline), R(p.Latest), R(p.Progress), R(p.Projection), Status(p.Status),
                provisional ? $"{note} 初步数：{year}年价格指数未发布，暂用{index!.Factor.Year}年 (provisional: {year}'s price index is not published; {index.Factor.Year}'s stands in)" : note,
                R(coverage), t.Status, t.Source, provisional));
        }
        return new TargetsResponse(new TargetPlanResponse(plan.Id, plan.Name, plan.BaselineYear, plan.TargetYear), year,
            comparable ? "comparable-2020" : "current", index?.Provisional == true, factors.Version, rows.ToArray());
    }

    /// <summary>
    /// 入园率 (<see cref="ParkShare"/>): firms registered in a park ÷ firms, the target's measure; the share by value added
    /// in the year is said beside it. No baseline: the registry keeps no history of park membership.
    /// </summary>
    private static (decimal?, decimal?, string?, decimal?) InParks(List<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)> scope,
        Dictionary<string, FirmYear> latest, int year)
    {
        var (byCount, byValue) = ParkShare.Of(scope.Select(f => (f.Identity.ParkCode is not null, latest.GetValueOrDefault(f.Identity.Uscc)?.Totals.ValueAdded ?? 0m)));
        var value = byValue is { } v ? $"；按{year}年增加值计 {R(v * 100m)}% (by value added)" : "";
        return (null, byCount, $"登记册当前值，按企业数计{value}；无历年入园记录可作基期 (current registry, by count; no history of park membership for a baseline)", null);
    }

    /// <summary>
    /// Σ amount ÷ Σ land over the firms in scope that filed that year (万元/亩): a firm's land held from the parcel register
    /// at that year's end where it holds a parcel (a lessor's less what it leases out, so each 亩 counts once), else its
    /// profile's; plus the 亩 it leases on registered parcels.
    /// </summary>
    private static (decimal?, decimal?, string?, decimal?) PerMu(
        List<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)> scope,
        Dictionary<string, FirmYear> baseline, Dictionary<string, FirmYear> latest, Func<ActivityTotals, decimal> amount,
        Dictionary<string, List<LandShare>> landThen, Dictionary<string, List<LandShare>> landNow)
    {
        static decimal? Value(List<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)> scope, Dictionary<string, FirmYear> years,
            Func<ActivityTotals, decimal> amount, Dictionary<string, List<LandShare>> parcels)
        {
            var filers = scope.Where(f => years.ContainsKey(f.Identity.Uscc)).ToList();
            var land = filers.Sum(f => LandMu(f.Profile.LandAreaMu, parcels, f.Identity.Uscc));
            return land > 0m ? filers.Sum(f => amount(years[f.Identity.Uscc].Totals)) / land : null;
        }
        return (Value(scope, baseline, amount, landThen), Value(scope, latest, amount, landNow),
            "Σ ÷ Σ用地面积；用地取年末地块登记（含租赁），无地块的企业取档案用地 (land from the parcel register at the year's end, else the profile)",
            Coverage(scope, latest));
    }

    /// <summary>
    /// A firm's land at a year's end: held from the parcel register where it holds a parcel (a lessor's less what it leases
    /// out), else its profile's; plus the 亩 it leases on registered parcels.
    /// </summary>
    internal static decimal LandMu(decimal profileMu, Dictionary<string, List<LandShare>> parcels, string uscc) =>
        parcels.TryGetValue(uscc, out var shares)
            ? (shares.Any(x => !x.Leased) ? shares.Where(x => !x.Leased).Sum(x => x.Mu) : profileMu) + shares.Where(x => x.Leased).Sum(x => x.Mu)
            : profileMu;

    /// <summary>
    /// 盘活低效工业用地 (<see cref="LowEfficiencyLand.FreedMu"/>): the 亩 of disposals completed from the baseline year to the
    /// end of <paramref name="year"/>; a disposal under way counts nothing.
    /// </summary>
    private static (decimal?, decimal?, string?, decimal?) Reclaimed(List<(string Code, decimal AreaMu, IReadOnlyList<ParcelStep> Steps)> parcels,
        int baselineYear, int year)
    {
        var disposals = parcels.SelectMany(p => ParcelHistory.Standing(p.Code, p.Steps)?.Disposals ?? [])
            .Where(d => d.CompletedOn is not { } on || on.Year > baselineYear).ToList();
        var underWay = disposals.Where(d => d.CompletedOn is null || d.CompletedOn > new DateOnly(year, 12, 31)).Sum(d => d.Mu);
        return (0m, LowEfficiencyLand.FreedMu(disposals, new DateOnly(year, 12, 31)),
            $"处置完成的低效用地亩数（{baselineYear + 1}年起）；处置中 {R(underWay)} 亩未计 (completed disposals only; {R(underWay)} 亩 under way not counted)", null);
    }

    /// <summary>A "two small" campaign (<see cref="Rectification.Progress"/>): its cases closed by the end of the year, whatever the closure.</summary>
    private static (decimal?, decimal?, string?, decimal?) Campaign(CampaignKind kind, PlanTarget t,
        List<(RectificationCaseRecord Case, DateOnly OpenedOn, RectificationStepRecord Latest)> cases, int year)
    {
        var mine = cases.Where(c => c.Case.Campaign == t.Id).Select(c => (c.OpenedOn, c.Latest.Closure is null ? (DateOnly?)null : c.Latest.On)).ToList();
        var p = Rectification.Progress(kind, year, (int)t.Target, mine);
        return (0m, p.Closed, $"整治案件销号数（{year}年底前）；在办 {p.Open} 件 (cases closed by the year's end; {p.Open} open)", null);
    }

    private (decimal?, decimal?, string?, decimal?) Reduction(
        List<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)> scope,
        Dictionary<string, FirmYear> baseline, Dictionary<string, FirmYear> latest, int baselineYear, int year,
        Func<(ActivityTotals Baseline, ActivityTotals Latest, BaselineComparison Compare), decimal?> value,
        Func<(ActivityTotals Baseline, ActivityTotals Latest, BaselineComparison Compare), bool>? defined = null)
    {
        var b = ActivityTotals.Sum(scope.Select(f => baseline.GetValueOrDefault(f.Identity.Uscc)?.Totals ?? ActivityTotals.Zero));
        var l = ActivityTotals.Sum(scope.Select(f => latest.GetValueOrDefault(f.Identity.Uscc)?.Totals ?? ActivityTotals.Zero));
        var region = options.Value.GridRegion;
        var compare = PeriodAccounts.Compare(l, year, b, factors, region, EnergyBasis.Equivalent).Comparison;
        var c = (b, l, compare);
        var v = b.FilingMonths == 0 || l.FilingMonths == 0 || (defined is not null && !defined(c)) ? null : value(c);
        return (0m, v, $"较{baselineYear}年下降率；能耗取等价值、总量口径(含原料用能) (reduction vs {baselineYear}; energy at 等价值, gross including feedstock)", Coverage(scope, latest));
    }

    /// <summary>Enterprise-months filed ÷ (firms in scope × 12).</summary>
    private static decimal? Coverage(List<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)> scope, Dictionary<string, FirmYear> years) =>
        scope.Count == 0 ? null : scope.Sum(f => years.GetValueOrDefault(f.Identity.Uscc)?.Revisions.Count ?? 0) / (scope.Count * 12m);

    internal static string Status(TargetStatus s) => s switch
    {
        TargetStatus.OnTrack => "on-track",
        TargetStatus.OffTrack => "off-track",
        TargetStatus.Achieved => "achieved",
        TargetStatus.Missed => "missed",
        TargetStatus.NoBaseline => "no-baseline",
        _ => "no-data",
    };

    /// <summary>A status token in words, as the pages and the evaluation report print it.</summary>
    public static string StatusName(string status) => status switch
    {
        "achieved" => "达成",
        "on-track" => "按期可达",
        "off-track" => "滞后",
        "missed" => "未达成",
        "no-baseline" => "无基期",
        _ => "无数据",
    };

    private static decimal? R(decimal? v) => MetricsCalculator.R(v);
}

/// <summary>How many certified green factories the register holds for a year (provided by the green-factory feature).</summary>
public interface IGreenFactoryCount
{
    Task<decimal> CountAsync(int year);
}
