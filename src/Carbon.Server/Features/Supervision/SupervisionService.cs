using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;
using Carbon.Server.Configuration;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Supervision;

/// <summary>
/// What the supervision pages and endpoints compute over the ledger: the case list with states and alerts, the targets the
/// data proposes, the 双随机 draw, and the quota checks of a case's firm from its filings.
/// </summary>
public sealed class SupervisionService(
    SupervisionReads reads, RegistryReads registry, EvaluationSnapshots snapshots, SupervisionCatalog catalog, FactorSet factors,
    IGrainFactory grains, ReportingClock clock, LedgerWriter ledger, TimeProvider time, ILogger<SupervisionService> log,
    Warnings.AlertService alerts)
{
    private LedgerFreshCache<int, List<Proposal>>? _proposals;

    /// <summary>重点用能单位 (《重点用能单位节能管理办法》 2018: ≥ 10 000 tce, or ≥ 5 000 tce where designated) — the district's line is 5 000.</summary>
    public const decimal KeyUserTce = 5_000m;

    /// <summary>The district's second line for 节能监察 targets: 1 000 tce a year.</summary>
    public const decimal LargeUserTce = 1_000m;

    /// <summary>The cases the caller may see (a filer its firms', a park administrator its parks'), newest first, with state and alerts.</summary>
    public async Task<List<CaseRow>> ListCasesAsync(Caller caller, int? year = null, string? planId = null) =>
        (await VisibleAsync(caller, year, planId)).Select(v => new CaseRow(v.Record.Id, v.Record.Uscc, v.Name, v.ParkCode, v.Record.Year,
            v.Case.Header.Mode, v.Case.Header.Trigger, v.Record.PlanId, v.Case.State, v.Case.Outcome, v.Case.Deadline, v.Case.Findings.Count,
            SupervisionWorkflow.Alerts(v.Case, clock.Today).Select(a => new AlertView(a.Code, a.Message, a.Due, a.Overdue)).ToArray(),
            v.Record.CreatedAt)).ToList();

    /// <summary>The stored cases the caller may see, each replayed through the workflow, with its firm's name and park.</summary>
    private async Task<List<(SupervisionCaseRecord Record, SupervisionCase Case, string Name, string? ParkCode)>> VisibleAsync(
        Caller caller, int? year = null, string? planId = null)
    {
        var visible = (await registry.LoadVisibleAsync(caller)).ToDictionary(r => r.Identity.Uscc, StringComparer.Ordinal);
        return (await reads.ListCasesAsync(year, planId: planId))
            .Where(r => visible.ContainsKey(r.Uscc))
            .Select(r => (Record: r, Case: Replay(r)))
            .Where(x => x.Case is not null)
            .Select(x => (x.Record, x.Case!, visible[x.Record.Uscc].Profile.Name, visible[x.Record.Uscc].Identity.ParkCode))
            .ToList();
    }

    /// <summary>A stored case as its steps make it (null only if a stored step were refused, which the grain never writes).</summary>
    private static SupervisionCase? Replay(SupervisionCaseRecord r) =>
        SupervisionWorkflow.Replay(SupervisionCaseGrain.Header(r), r.Steps.Select(SupervisionCaseGrain.ToDomain).ToList()).Case;

    /// <summary>监察报告 of a year, over the cases the caller may see (<see cref="SupervisionSummary.Of"/>).</summary>
    public async Task<SupervisionReport> ReportAsync(int year, Caller caller) =>
        SupervisionReport.From(SupervisionSummary.Of(year, (await VisibleAsync(caller, year)).Select(v => v.Case), clock.Today));

    /// <summary>
    /// Firms the data proposes for <paramref name="year"/>'s plan, from the year before (the last complete one): energy at or
    /// above 5 000 or 1 000 tce, energy intensity risen on the year before, months not filed, a key firm's red 晴雨表, and cases
    /// still open.
    /// </summary>
    /// <remarks>Two bulk reads of the ledger: kept by a <see cref="LedgerFreshCache{TKey,T}"/>, so a page never waits for them.</remarks>
    public async Task<List<Proposal>> ProposalsAsync(int year) =>
        (await LazyInitializer.EnsureInitialized(ref _proposals, () => new LedgerFreshCache<int, List<Proposal>>(ComputeProposalsAsync, ledger, time, log))
            .GetAsync(year)).Value;

    private async Task<List<Proposal>> ComputeProposalsAsync(int year)
    {
        var basis = year - 1;
        var firms = await registry.LoadRegistryAsync();
        var now = await snapshots.YearTotalsAsync(basis, firms);
        var before = await snapshots.YearTotalsAsync(basis - 1, firms);
        var open = (await reads.ListCasesAsync())
            .Select(r => (r.Uscc, Case: Replay(r)))
            .Where(x => x.Case is { IsOpen: true } && x.Case.State != CaseState.Planned)
            .Select(x => x.Uscc).ToHashSet(StringComparer.Ordinal);
        var red = (await alerts.ListAsync(basis, Caller.System("supervision")))
            .Where(a => a is { SubjectKind: "firm", Alert: { Rule: Domain.Warnings.AlertRule.Barometer, Level: Domain.Warnings.AlertLevel.Red } })
            .ToDictionary(a => a.Alert.Subject, a => a.Alert, StringComparer.Ordinal);
        var proposals = new List<Proposal>();
        foreach (var (identity, profile) in firms)
        {
            var reasons = new List<string>();
            var year0 = now.GetValueOrDefault(identity.Uscc);
            var tce = year0 is null ? 0m : snapshots.EquivalentTce(year0.Totals, basis);
            if (tce >= KeyUserTce)
            {
                reasons.Add($"重点用能单位：{basis}年综合能耗 {tce:#,##0} tce ≥ {KeyUserTce:#,##0}");
            }
            else if (tce >= LargeUserTce)
            {
                reasons.Add($"{basis}年综合能耗 {tce:#,##0} tce ≥ {LargeUserTce:#,##0}");
            }
            decimal? change = null;
            if (year0 is { } y && before.GetValueOrDefault(identity.Uscc) is { } b && y.Totals.ValueAdded > 0m && b.Totals.ValueAdded > 0m)
            {
                var i1 = tce / y.Totals.ValueAdded;
                var i0 = snapshots.EquivalentTce(b.Totals, basis - 1) / b.Totals.ValueAdded;
                change = i0 > 0m ? i1 / i0 - 1m : null;
                if (change > 0m)
                {
                    reasons.Add($"单位增加值能耗较{basis - 1}年上升 {change:P1}");
                }
            }
            var missing = 12 - (year0?.Revisions.Count ?? 0);
            if (missing > 0)
            {
                reasons.Add($"{basis}年应报未报 {missing} 个月");
            }
            if (open.Contains(identity.Uscc))
            {
                reasons.Add("有未结监察案件");
            }
            if (red.TryGetValue(identity.Uscc, out var barometer))
            {
                reasons.Add($"{basis}年双控晴雨表红灯：单位增加值能耗下降 {barometer.Value:P1}，目标 {barometer.Threshold:P1}");
            }
            if (reasons.Count > 0 && (tce >= LargeUserTce || change > 0m || missing > 0 || open.Contains(identity.Uscc) || red.ContainsKey(identity.Uscc)))
            {
                proposals.Add(new Proposal(identity.Uscc, profile.Name, identity.ParkCode, decimal.Round(tce, 1),
                    change is { } c ? decimal.Round(c, 4) : null, reasons.ToArray()));
            }
        }
        return proposals.OrderByDescending(p => p.Reasons.Length).ThenByDescending(p => p.EnergyTce).ToList();
    }

    /// <summary>
    /// The firms of a year's 整改复查 (the MIIT practice of re-inspecting last year's violators): a case of an earlier year
    /// that ended in an order, advice or referral, or is still open past planning. Each once, with why.
    /// </summary>
    public async Task<List<PlanTarget>> FollowUpTargetsAsync(int year)
    {
        var targets = new Dictionary<string, PlanTarget>(StringComparer.Ordinal);
        foreach (var r in (await reads.ListCasesAsync()).Where(r => r.Year < year).OrderByDescending(r => r.Year))
        {
            var c = Replay(r);
            if (c is null || targets.ContainsKey(r.Uscc))
            {
                continue;
            }
            var reason = c switch
            {
                { IsOpen: true, State: not CaseState.Planned } => $"{r.Year}年案件未结（{SupervisionWorkflow.Token(c.State)}）",
                _ when c.Steps.Any(s => s.Kind == StepKind.Order) => $"{r.Year}年限期整改，复查整改落实情况",
                _ when c.Steps.Any(s => s.Kind == StepKind.Referred) => $"{r.Year}年移送处罚，复查整改落实情况",
                _ when c.Steps.Any(s => s.Kind == StepKind.Advice) => $"{r.Year}年出具监察建议，复查落实情况",
                _ => null,
            };
            if (reason is not null)
            {
                targets[r.Uscc] = new PlanTarget(Uscc.Parse(r.Uscc), reason, InspectionMode.OnSite, []);
            }
        }
        return targets.Values.OrderBy(t => t.Uscc.Value, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A 双随机 plan: the pool (registered firms, of a park if given) and the roster (enabled inspectors) sorted, a seed
    /// (given, or drawn and recorded), the conflicts excluded; the plan records all of it, so that anyone can redo the draw.
    /// </summary>
    public async Task<PlanAnswer> DrawAsync(DrawRequest r, Caller caller)
    {
        var pool = (await registry.LoadRegistryAsync())
            .Where(f => r.ParkCode is null || f.Identity.ParkCode == r.ParkCode).Select(f => f.Identity.Uscc).Order(StringComparer.Ordinal).ToList();
        var roster = await reads.ListInspectorsAsync();
        var conflicts = (await reads.ListConflictsAsync()).Select(c => (c.Inspector, c.Uscc)).ToHashSet();
        var perFirm = r.InspectorsPerFirm ?? SupervisionWorkflow.MinInspectors;
        var seed = r.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        if (pool.Count < r.Firms)
        {
            return new PlanAnswer(CaseResult.Refused, null, "firms", $"企业库只有 {pool.Count} 家 (the pool has {pool.Count} firms)");
        }
        IReadOnlyList<DrawnPair> drawn;
        try
        {
            drawn = RandomDraw.Draw((ulong)seed, pool, r.Firms!.Value, roster, perFirm, conflicts);
        }
        catch (InvalidOperationException e)
        {
            return new PlanAnswer(CaseResult.Refused, null, "inspectorsPerFirm", e.Message);
        }
        var draw = JsonSerializer.Serialize(new
        {
            algorithm = "splitmix64-fisher-yates-v1",
            seed,
            pool = pool.Count,
            poolSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', pool)))),
            parkCode = r.ParkCode,
            roster,
            conflicts = conflicts.Select(c => $"{c.Inspector}:{c.Uscc}").Order(StringComparer.Ordinal),
            firms = r.Firms,
            inspectorsPerFirm = perFirm,
        });
        var targets = drawn.Select(d => new PlanTarget(Uscc.Parse(d.Uscc), "双随机抽取 (random draw)", r.Mode ?? InspectionMode.OnSite, d.Inspectors.ToArray()))
            .ToArray();
        return await grains.GetGrain<ISupervisionPlanGrain>(Guid.NewGuid().ToString("N"))
            .CreateAsync(new CreatePlan(r.Year!.Value, PlanKind.Random, r.Name!.Trim(), targets, seed, draw, caller));
    }

    /// <summary>
    /// The quota checks of a case's firm: for each product it filed in the case's year (or the year before, when that year
    /// has none yet) whose name and unit match a quota, the 单位产品能耗 of the months it was made (energy on 当量值, as
    /// the quota standards count electricity at 0.1229 kgce/kWh).
    /// </summary>
    public async Task<List<QuotaCheckResponse>?> QuotaChecksAsync(SupervisionCaseView view, Caller caller, PlantStatus plant)
    {
        var firm = grains.Enterprise(view.Uscc);
        foreach (var year in new[] { view.Year, view.Year - 1 })
        {
            var filings = await firm.GetFilingsAsync(year, caller);
            var months = await firm.GetMonthsAsync(year, caller);
            if (months is null)
            {
                return null;
            }
            var checks = new List<QuotaCheckResponse>();
            foreach (var quota in catalog.Rules.Quotas)
            {
                var lines = filings.Select(f => (f.Month.Month, Output: f.Products.Where(p => Matches(p, quota)).Sum(p => p.Quantity)))
                    .Where(x => x.Output > 0m).ToList();
                if (lines.Count == 0 || EnergyScale(quota.EnergyUnit) is not { } scale)
                {
                    continue;
                }
                var result = SupervisionChecks.Quota(quota, plant, lines.Select(l => (l.Month,
                    Energy: months[l.Month - 1] is { } t ? EnergyAccounting.Compute(t, factors, year).CalorificTce * scale : 0m, l.Output)));
                if (result is not null)
                {
                    checks.Add(new QuotaCheckResponse(quota.Id, quota.Standard, quota.Product, quota.Status, result.Months, decimal.Round(result.Energy, 3),
                        result.Output, decimal.Round(result.Value, 3), $"{quota.EnergyUnit}/{quota.ProductUnit}", result.Grade, result.Limit, result.Exceeds,
                        $"{year}: {result.Trace}"));
                }
            }
            if (checks.Count > 0 || year != view.Year)
            {
                return checks;
            }
        }
        return [];
    }

    /// <summary>Declared equipment against the phased-out catalogues; the meter register against GB 17167-2006's rates.</summary>
    public ChecksResponse Check(ChecksRequest r) => new(
        PhasedOut(ToLines(r.Equipment)),
        Gaps((r.Meters ?? []).Select(m => new MeterLine(m!.Energy!, m.Tier!.Value, m.Required!.Value, m.Equipped!.Value)).ToArray()));

    public static EquipmentLine[] ToLines(IEnumerable<EquipmentRequest?>? lines) =>
        (lines ?? []).Select(e => new EquipmentLine(e!.Type?.Trim() ?? "", e.Model!.Trim(), e.PowerKw, e.Count ?? 1)).ToArray();

    public PhasedOutResponse[] PhasedOut(IEnumerable<EquipmentLine> lines) =>
        SupervisionChecks.PhasedOut(lines.Select(e => new DeclaredEquipment(e.Type, e.Model, e.PowerKw, e.Count)), catalog.Rules.PhasedOut)
            .Select(p => new PhasedOutResponse(p.Equipment.Type, p.Equipment.Model, p.Equipment.PowerKw, p.Equipment.Count, p.Item.Id,
                p.Item.BatchName, p.Item.Document, p.Item.Type)).ToArray();

    public MeteringGapResponse[] Gaps(IEnumerable<MeterLine> lines) =>
        SupervisionChecks.Metering(lines.Select(m => new MeterTally(m.Energy, m.Tier, m.Required, m.Equipped)), catalog.Rules.MeteringRates)
            .Select(g => new MeteringGapResponse(g.Rate.Energy, g.Rate.Name, g.Tier, g.Found, g.Minimum, catalog.Rules.MeteringStandard)).ToArray();

    public EquipmentRegisterResponse Equipment(FirmRegistersView v) =>
        new(v.Equipment, v.EquipmentRevision, v.RecordedAt, v.RecordedBy, PhasedOut(v.Equipment));

    public MeterRegisterResponse Meters(FirmRegistersView v) => new(v.Meters, v.MetersRevision, v.RecordedAt, v.RecordedBy, Gaps(v.Meters));

    private static bool Matches(ProductOutput p, EnergyQuota q) =>
        (p.Name.Trim() == q.Product || q.Aliases.Contains(p.Name.Trim())) && string.Equals(p.Unit.Trim(), q.ProductUnit, StringComparison.OrdinalIgnoreCase);

    /// <summary>Multiplier from tce to the quota's energy unit.</summary>
    private static decimal? EnergyScale(string unit) => unit switch
    {
        "tce" => 1m,
        "kgce" => 1_000m,
        "gce" => 1_000_000m,
        _ => null,
    };
}
