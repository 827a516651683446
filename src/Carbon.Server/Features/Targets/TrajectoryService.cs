using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.LandUse;
using Carbon.Domain.Targets;
using Carbon.Server.Configuration;
using Carbon.Server.Factors;
using Carbon.Server.Features.Metrics;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Features.Targets;

/// <summary>
/// 目标分解: the district's remaining gap on each quantitative target, split among the parks (firms outside any park count as
/// one, 园区外) and each park's share among its firms, by the target's rule in data (<see cref="TrajectorySplit"/>), with each
/// one's trajectory against its share. Gaps are stated to 0.0001 of their unit, so the shares sum to them exactly.
/// </summary>
public sealed class TrajectoryService(EvaluationSnapshots snapshots, RegistryReads ledger, FactorSet factors, IOptions<CarbonOptions> options,
    LandReads? land = null)
{
    /// <summary>The key "outside every park" (园区外) goes by in the split.</summary>
    public const string OutsideParks = "-";

    /// <summary>How many firms a target lists when no park is asked for: those with the largest shares.</summary>
    public const int ListedFirms = 20;

    public async Task<TrajectoryResponse> SplitAsync(TargetPlan plan, int year, string? park)
    {
        var registry = await ledger.LoadRegistryAsync();
        var latest = await snapshots.YearTotalsAsync(year, registry);
        var baseline = await snapshots.YearTotalsAsync(plan.BaselineYear, registry);
        var parcels = land is null ? [] : await land.StepsAsync();
        var landNow = ParcelHistory.FirmLand(parcels, new DateOnly(year, 12, 31));
        var landThen = ParcelHistory.FirmLand(parcels, new DateOnly(plan.BaselineYear, 12, 31));
        var region = options.Value.GridRegion;

        // Each firm's accounts once, for every target (a target only narrows them by scale).
        var all = registry.Where(r => latest.ContainsKey(r.Identity.Uscc) || baseline.ContainsKey(r.Identity.Uscc))
            .Select(r =>
            {
                var now = latest.GetValueOrDefault(r.Identity.Uscc)?.Totals ?? ActivityTotals.Zero;
                var then = baseline.GetValueOrDefault(r.Identity.Uscc)?.Totals ?? ActivityTotals.Zero;
                var compared = PeriodAccounts.Compare(now, year, then, factors, region, EnergyBasis.Equivalent);
                return (r.Profile.Scale, Firm: new FirmFigures(r.Identity.Uscc, r.Profile.Name, r.Identity.ParkCode ?? OutsideParks, now, then, compared,
                    TargetsService.LandMu(r.Profile.LandAreaMu, landNow, r.Identity.Uscc), TargetsService.LandMu(r.Profile.LandAreaMu, landThen, r.Identity.Uscc),
                    baseline.ContainsKey(r.Identity.Uscc)));
            }).ToList();
        var targets = plan.Targets.Where(t => t.Split is not null)
            .Select(t => Split(t, plan, year, all.Where(f => t.Scale is null || f.Scale == t.Scale).Select(f => f.Firm).ToList(), park))
            .ToList();
        return new TrajectoryResponse(new TargetPlanResponse(plan.Id, plan.Name, plan.BaselineYear, plan.TargetYear), year, factors.Version, targets.ToArray());
    }

    private sealed record FirmFigures(string Uscc, string Name, string Park, ActivityTotals Now, ActivityTotals Then, PeriodAccounts Compared,
        decimal LandNow, decimal LandThen, bool HasBaseline);

    /// <summary>
    /// What each firm is measured by: its quantity now and then (Q, Q₀), its value added, and what the target allows it
    /// (the allowance now and then); its distance is Q − allowance. Σ of the firms' signed distances is the district gap.
    /// </summary>
    private static TrajectoryTarget Split(PlanTarget t, TargetPlan plan, int year, List<FirmFigures> firms, string? park)
    {
        // The district's intensity at the baseline sets the allowance per 万元 for every firm (one benchmark for all).
        var e0 = firms.Sum(f => f.Compared.BaselineCompared.Energy.EquivalentTce);
        var c0 = firms.Sum(f => f.Compared.BaselineCompared.Co2.TotalT);
        var v0 = firms.Sum(f => f.Compared.Comparison.BaselineValueAdded);
        var (unit, measure) = t.Metric switch
        {
            "energy-intensity" => ("tce", (Func<FirmFigures, (decimal Q, decimal Q0, decimal Allow, decimal Allow0)>)(f =>
                (f.Compared.Current.Energy.EquivalentTce, f.Compared.BaselineCompared.Energy.EquivalentTce,
                 v0 > 0m ? (1m - t.Target) * e0 / v0 * f.Compared.Comparison.CurrentValueAdded : 0m,
                 v0 > 0m ? (1m - t.Target) * e0 / v0 * f.Compared.Comparison.BaselineValueAdded : 0m))),
            "co2-intensity" => ("t CO₂", f =>
                (f.Compared.Current.Co2.TotalT, f.Compared.BaselineCompared.Co2.TotalT,
                 v0 > 0m ? (1m - t.Target) * c0 / v0 * f.Compared.Comparison.CurrentValueAdded : 0m,
                 v0 > 0m ? (1m - t.Target) * c0 / v0 * f.Compared.Comparison.BaselineValueAdded : 0m)),
            "water-use" => ("m³", f => (f.Now.WaterM3, f.Then.WaterM3, (1m - t.Target) * f.Then.WaterM3, (1m - t.Target) * f.Then.WaterM3)),
            "tax-per-mu" => ("万元", f => (0m, 0m, f.LandNow * t.Target - f.Now.TaxPaid, f.LandThen * t.Target - f.Then.TaxPaid)),
            _ => ("万元", f => (0m, 0m, f.LandNow * t.Target - f.Now.ValueAdded, f.LandThen * t.Target - f.Then.ValueAdded)),
        };
        // For the per-亩 targets the "allowance" above is already the shortfall (T·L − A): distance = it, Q = 0.
        var perMu = t.Metric is "tax-per-mu" or "value-added-per-mu";
        decimal Distance(FirmFigures f) { var m = measure(f); return perMu ? m.Allow : m.Q - m.Allow; }
        decimal? BaselineDistance(FirmFigures f) { if (!f.HasBaseline) { return null; } var m = measure(f); return perMu ? m.Allow0 : m.Q0 - m.Allow0; }
        decimal Consumption(FirmFigures f) => perMu ? f.LandNow : measure(f).Q;

        var gap = Math.Round(firms.Sum(Distance), 4);
        var note = t.Metric switch
        {
            "energy-intensity" or "co2-intensity" =>
                $"缺口 = 现值 − (1 − {t.Target:P0}) × {plan.BaselineYear}年全区强度 × 现可比价增加值 (the quantity above what the target intensity allows at today's value added)",
            "water-use" => $"缺口 = 用水量 − (1 − {t.Target:P0}) × {plan.BaselineYear}年用水量 (water above the allowed total)",
            _ => $"缺口 = {t.Target} {t.Unit} × 用地 − 实际 (what the land would have to yield less what it yields)",
        };
        var rule = t.Split!.Value;
        if (gap <= 0m)
        {
            return new TrajectoryTarget(t.Id, t.Name, t.Metric, unit, Token(rule), t.Target, gap, $"已达目标，无缺口可分解 (met: nothing to split). {note}", [], []);
        }

        Contributor Of(string key, IEnumerable<FirmFigures> group)
        {
            var g = group.ToList();
            var b = g.Select(BaselineDistance).ToList();
            return new Contributor(key, g.Sum(Consumption), g.Sum(f => f.Compared.Comparison.CurrentValueAdded), Math.Max(0m, g.Sum(Distance)),
                b.All(x => x is null) ? null : Math.Max(0m, b.Sum(x => x ?? 0m)));
        }
        Contributor Firm(FirmFigures f) => new(f.Uscc, Consumption(f), f.Compared.Comparison.CurrentValueAdded, Math.Max(0m, Distance(f)),
            BaselineDistance(f) is { } d0 ? Math.Max(0m, d0) : null);

        var byPark = firms.GroupBy(f => f.Park).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var parkShares = TrajectorySplit.Split(gap, rule, byPark.Select(g => Of(g.Key, g)).ToList(), plan.BaselineYear, year, plan.TargetYear);
        var parkLines = parkShares.Zip(byPark, (s, g) => Line(s, g.Key == OutsideParks ? "园区外 (outside parks)" : g.Key, null, Of(g.Key, g))).ToArray();
        var firmLines = new List<SplitLine>();
        foreach (var (share, group) in parkShares.Zip(byPark))
        {
            if (park is not null && group.Key != park)
            {
                continue;
            }
            var members = group.ToList();
            var contributors = members.Select(Firm).ToList();
            var shares = share.Share > 0m
                ? TrajectorySplit.Split(share.Share, rule, contributors, plan.BaselineYear, year, plan.TargetYear)
                : contributors.Select(c => new GapShare(c.Key, 0m, 0m, null, true)).ToList();
            firmLines.AddRange(shares.Select((s, i) => Line(s, members[i].Name, group.Key, contributors[i])));
        }
        var listed = park is null ? firmLines.OrderByDescending(f => f.Share).ThenBy(f => f.Key, StringComparer.Ordinal).Take(ListedFirms) : firmLines.OrderByDescending(f => f.Share);
        return new TrajectoryTarget(t.Id, t.Name, t.Metric, unit, Token(rule), t.Target, gap, note, parkLines, listed.ToArray());
    }

    private static SplitLine Line(GapShare s, string name, string? park, Contributor c) =>
        new(s.Key, name, park, s.Share, c.Distance, R(s.ProjectedClosing), s.OnTrack);

    private static string Token(SplitRule rule) => EnumTokens.Token(rule);

    private static decimal? R(decimal? v) => MetricsCalculator.R(v);
}
