using Carbon.Domain.Access;
using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;
using Carbon.Domain.Targets;
using Carbon.Server.Configuration;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Programme;

/// <summary>
/// The "two small" programme as the caller may see it: the campaigns (plan targets counted by closed rectification cases)
/// with their progress by town and park, the cases, and the micro-parks with their firms checked against the entry
/// standard in the last two 亩均 evaluations (<see cref="MicroParks"/>).
/// </summary>
public sealed class ProgrammeService(ProgrammeReads reads, RegistryReads registry, EvaluationReads evaluations, IGrainFactory grains,
    IReadOnlyList<TargetPlan> plans, ReportingClock clock)
{
    private static readonly Caller Service = Caller.System("programme");

    /// <summary>Every campaign: the plan targets whose metric counts a campaign's cases, with the plan's target year.</summary>
    public IReadOnlyList<(Domain.Targets.PlanTarget Target, CampaignKind Kind, int Year)> Campaigns { get; } = plans
        .SelectMany(p => p.Targets.Where(t => TargetMetrics.Campaign(t.Metric) is not null).Select(t => (t, TargetMetrics.Campaign(t.Metric)!.Value, p.TargetYear)))
        .ToList();

    /// <summary>The district's roles see every case; a park administrator its parks'; a filer those about its firms.</summary>
    public static bool CanSee(Caller caller, string? uscc, string? parkCode) =>
        caller.SeesDistrict || (parkCode is not null && caller.CanReadPark(parkCode)) || (uscc is not null && caller.Firms.Contains(uscc));

    public async Task<List<RectificationRow>> ListCasesAsync(Caller caller, string? campaign = null, RectificationState? state = null)
    {
        var names = (await registry.LoadRegistryAsync()).ToDictionary(r => r.Identity.Uscc, r => r.Profile.Name, StringComparer.Ordinal);
        var today = clock.Today;
        return (await reads.ListCasesAsync())
            .Where(x => CanSee(caller, x.Case.Uscc, x.Case.ParkCode) && (campaign is null || x.Case.Campaign == campaign))
            .Select(x => Row(x.Case, x.OpenedOn, x.Latest, names, today))
            .Where(r => state is null || r.State == state)
            .OrderBy(r => r.State == RectificationState.Closed).ThenBy(r => r.Deadline)
            .ToList();
    }

    private static RectificationRow Row(RectificationCaseRecord c, DateOnly openedOn, RectificationStepRecord latest, Dictionary<string, string> names,
        DateOnly today)
    {
        var state = EnumTokens.Parse<RectificationState>(latest.State);
        return new RectificationRow(c.Id, c.Campaign, c.Uscc is null ? null : Uscc.Parse(c.Uscc), c.Uscc is null ? null : names.GetValueOrDefault(c.Uscc), c.Block,
            c.Town, c.ParkCode, c.Problems.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(EnumTokens.Parse<ProblemCategory>).ToArray(),
            c.ResponsibleUnit, openedOn, c.Deadline, state, state != RectificationState.Closed && c.Deadline < today,
            latest.Closure is null ? null : EnumTokens.Parse<ClosureKind>(latest.Closure), state == RectificationState.Closed ? latest.On : null);
    }

    /// <summary>The case if the caller may see it; otherwise null, as if there were none.</summary>
    public async Task<RectificationView?> FindCaseAsync(string id, Caller caller) =>
        id.Length == 32 && id.All(char.IsAsciiHexDigit) && await grains.GetGrain<IRectificationCaseGrain>(id.ToLowerInvariant()).GetAsync() is { } v
        && CanSee(caller, v.Uscc?.Value, v.ParkCode)
            ? v
            : null;

    /// <summary>
    /// Each campaign's progress in <paramref name="year"/> over the cases the caller may see (<see cref="Rectification.Progress"/>:
    /// closed by the year's end against the target; open and overdue at the year's end, or today in the current year), with
    /// the counts by town and by park.
    /// </summary>
    public async Task<List<CampaignResponse>> CampaignsAsync(Caller caller, int year)
    {
        var rows = await ListCasesAsync(caller);
        var end = new DateOnly(year, 12, 31);
        var asOf = end < clock.Today ? end : clock.Today;
        bool OpenAt(RectificationRow r) => r.OpenedOn <= asOf && !(r.ClosedOn is { } on && on <= asOf);
        return Campaigns.Select(c =>
        {
            var cases = rows.Where(r => r.Campaign == c.Target.Id).ToList();
            var progress = Rectification.Progress(c.Kind, year, (int)c.Target.Target, cases.Select(r => (r.OpenedOn, r.ClosedOn)));
            PlaceProgress[] By(Func<RectificationRow, string?> place) => cases.Where(r => r.OpenedOn <= end).GroupBy(r => place(r) ?? "（园区外 outside parks）")
                .Select(g => new PlaceProgress(g.Key, g.Count(r => r.ClosedOn is { } on && on <= end), g.Count(OpenAt)))
                .OrderByDescending(p => p.Closed + p.Open).ToArray();
            return new CampaignResponse(c.Target.Id, c.Target.Name, c.Kind, c.Target.Target, c.Target.Unit, c.Year, c.Target.Status, c.Target.Source,
                progress.Closed, progress.Open, cases.Count(r => OpenAt(r) && r.Deadline < asOf), progress.Share is { } s ? Math.Round(s, 4) : null,
                By(r => r.Town), By(r => r.ParkCode));
        }).ToList();
    }

    /// <summary>Micro-parks: the district sees all; a park administrator those in its parks; a filer those its firms are in.</summary>
    public async Task<List<MicroParkRow>> ListMicroParksAsync(Caller caller)
    {
        var rows = new List<MicroParkRow>();
        var parks = (await registry.LoadRegistryAsync()).ToDictionary(r => r.Identity.Uscc, r => r.Identity.ParkCode, StringComparer.Ordinal);
        foreach (var p in await reads.ListMicroParksAsync())
        {
            if (await grains.GetGrain<IMicroParkGrain>(p.Code).GetAsync() is { } v && Sees(caller, v))
            {
                rows.Add(new MicroParkRow(v.Code, v.Name, v.Operator, v.Town, v.ParkCode, v.StarRating, v.FloorAreaM2,
                    v.Members.Count(m => caller.CanRead(m, parks.GetValueOrDefault(m.Value)))));
            }
        }
        return rows;
    }

    private static bool Sees(Caller caller, MicroParkView v) =>
        caller.SeesDistrict || (v.ParkCode is not null && caller.CanReadPark(v.ParkCode)) || v.Members.Any(m => caller.Firms.Contains(m.Value));

    public async Task<MicroParkView?> FindMicroParkViewAsync(string code, Caller caller) =>
        GrainGuards.ParcelCode.IsMatch(code) && await grains.GetGrain<IMicroParkGrain>(code).GetAsync() is { } v && Sees(caller, v) ? v : null;

    /// <summary>The micro-park with each firm in it checked in the last two evaluation years (a filer sees its own firms only).</summary>
    public async Task<MicroParkResponse?> FindMicroParkAsync(string code, Caller caller)
    {
        if (await FindMicroParkViewAsync(code, caller) is not { } v)
        {
            return null;
        }
        var runs = await RecentRunsAsync();
        var registered = await registry.LoadRegistryAsync();
        var names = registered.ToDictionary(r => r.Identity.Uscc, r => r.Profile, StringComparer.Ordinal);
        var parks = registered.ToDictionary(r => r.Identity.Uscc, r => r.Identity.ParkCode, StringComparer.Ordinal);
        // A firm's figures are for those who may read the firm: a park administrator sees the micro-park, and its own park's firms in it.
        bool Reads(Uscc firm) => caller.CanRead(firm, parks.GetValueOrDefault(firm.Value));
        var members = v.Members.Where(Reads)
            .Select(m =>
            {
                var checks = runs.Select(r => Check(v.Standard(), r, m.Value, names.GetValueOrDefault(m.Value)?.IndustryCode)).ToArray();
                return new MicroParkMember(m, names.GetValueOrDefault(m.Value)?.Name, checks, MicroParks.MustExit(checks.Select(c => c.Fails.Length == 0).ToList()));
            }).ToArray();
        var events = v.Events.Where(e => Reads(e.Uscc)).ToArray();
        return new MicroParkResponse(v.Code, v.Name, v.Operator, v.DevelopmentModel, v.FloorAreaM2, v.StarRating, v.Town, v.ParkCode, v.Industries,
            v.MinTaxPerMu, v.WorstClass, members, events);
    }

    /// <summary>
    /// Firms held against a micro-park's standard in each of the last two evaluation years, oldest first (the industry from
    /// the profile where a run lacks it); the runs and the registry are read once for all of them.
    /// </summary>
    public async Task<Dictionary<Uscc, StandardCheck[]>> ChecksAsync(MicroParkView park, IReadOnlyList<Uscc> firms)
    {
        var runs = await RecentRunsAsync();
        var industries = (await registry.LoadRegistryAsync()).ToDictionary(r => r.Identity.Uscc, r => r.Profile.IndustryCode, StringComparer.Ordinal);
        return firms.Distinct().ToDictionary(f => f, f => runs.Select(r => Check(park.Standard(), r, f.Value, industries.GetValueOrDefault(f.Value))).ToArray());
    }

    /// <summary>
    /// 准入审核: the applicant held against the standard on the latest evaluation (its industry from its profile): admitted
    /// when it meets every criterion, refused with the criteria failed otherwise; the facts go on the ledger with the outcome.
    /// </summary>
    public async Task<MicroParkAnswer> EntryAsync(string code, Uscc uscc, DateOnly on, Caller caller)
    {
        if (await grains.GetGrain<IMicroParkGrain>(code).GetAsync() is not { } v)
        {
            return new MicroParkAnswer(ProgrammeResult.NotFound, null, "code", $"无此小微企业园 {code} (no such micro-park)");
        }
        var profile = (await registry.FindEnterpriseAsync(uscc.Value))?.Current;
        var latest = (await RecentRunsAsync()).LastOrDefault();
        var check = latest is null
            ? new StandardCheck("", 0, profile?.IndustryCode, null, null, MicroParks.Fails(v.Standard(), new MicroParkFirmFacts(profile?.IndustryCode, null, null)).ToArray())
            : Check(v.Standard(), latest, uscc.Value, profile?.IndustryCode);
        var e = check.Fails.Length == 0 ? MicroParkEvent.Admit : MicroParkEvent.Refuse;
        return await grains.GetGrain<IMicroParkGrain>(code).RecordAsync(new MicroParkFirmCommand(e, uscc, on, Describe(check), caller));
    }

    /// <summary>动态管理: every firm in the park below the standard in each of the last two evaluations exits, with the facts.</summary>
    public async Task<(List<MicroParkEventView> Recorded, MicroParkAnswer? Refusal)> ReviewAsync(string code, DateOnly on, Caller caller)
    {
        var recorded = new List<MicroParkEventView>();
        if (await grains.GetGrain<IMicroParkGrain>(code).GetAsync() is not { } v)
        {
            return (recorded, new MicroParkAnswer(ProgrammeResult.NotFound, null, "code", $"无此小微企业园 {code} (no such micro-park)"));
        }
        if (await FindMicroParkAsync(code, caller) is not { } park)
        {
            return (recorded, new MicroParkAnswer(ProgrammeResult.NotFound, null, "code", $"无此小微企业园 {code} (no such micro-park)"));
        }
        foreach (var m in park.Members.Where(m => m.MustExit))
        {
            var answer = await grains.GetGrain<IMicroParkGrain>(code).RecordAsync(new MicroParkFirmCommand(MicroParkEvent.Exit, m.Uscc, on,
                "连续两次评价未达准入标准 (below the standard in two evaluations in a row): " + string.Join("；", m.Checks.Select(Describe)), caller));
            if (answer.Result != ProgrammeResult.Done)
            {
                return (recorded, answer);
            }
            recorded.Add(answer.Park!.Events[^1]);
        }
        return (recorded, null);
    }

    /// <summary>The newest run of each of the last two evaluated years, oldest first, with its inputs and classes.</summary>
    private async Task<List<RunFacts>> RecentRunsAsync()
    {
        var headers = (await evaluations.ListRunsAsync()).GroupBy(r => r.Year).OrderByDescending(g => g.Key).Take(2)
            .Select(g => g.OrderByDescending(r => r.CreatedAt).First()).OrderBy(r => r.Year).ToList();
        var runs = new List<RunFacts>();
        foreach (var h in headers)
        {
            var run = await evaluations.FindRunAsync(h.Id);
            var page = await grains.GetGrain<IEvaluationGrain>(h.Id).QueryAsync(new EvaluationQuery(1, int.MaxValue, "uscc", null, null, null, null), Service);
            if (run is null || page is null)
            {
                continue;
            }
            runs.Add(new RunFacts(h.Id, h.Year, run.Inputs.ToDictionary(i => i.Uscc, StringComparer.Ordinal),
                page.Items.ToDictionary(i => i.Uscc, i => i.Class, StringComparer.Ordinal)));
        }
        return runs;
    }

    private sealed record RunFacts(string Id, int Year, Dictionary<string, EvaluationInputRecord> Inputs, Dictionary<string, string?> Classes);

    /// <summary>A firm's facts in a run (亩均税收 = tax ÷ the land the run evaluated it on) held against the standard.</summary>
    private static StandardCheck Check(MicroParkStandard standard, RunFacts run, string uscc, string? industryCode)
    {
        var input = run.Inputs.GetValueOrDefault(uscc);
        var land = input?.ToDomain().EvaluatedLandMu;
        decimal? tax = input is not null && land > 0m ? input.TaxPaid / land.Value : null;
        var cls = run.Classes.GetValueOrDefault(uscc);
        var industry = input?.IndustryCode ?? industryCode;
        // Held against the standard exactly; shown to two places.
        return new StandardCheck(run.Id, run.Year, industry, tax is { } t ? Domain.Display.Round(t, 2) : null, cls,
            MicroParks.Fails(standard, new MicroParkFirmFacts(industry, tax, cls)).ToArray());
    }

    private static string Describe(StandardCheck c) =>
        $"{(c.Year > 0 ? $"{c.Year}年评价" : "无评价")}：行业 {c.IndustryCode ?? "—"}，亩均税收 {c.TaxPerMu?.ToString() ?? "—"} 万元/亩，类别 {c.Class ?? "—"}" +
        (c.Fails.Length == 0 ? "，达标" : $"，未达：{string.Join(", ", c.Fails)}");
}
