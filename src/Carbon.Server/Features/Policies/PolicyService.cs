using Carbon.Domain.Access;
using Carbon.Domain.Certificates;
using Carbon.Domain.Policies;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;
using Carbon.Server.Configuration;
using Carbon.Server.Features.GreenFactory;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Features.Policies;

/// <summary>
/// 惠企政策精准推送 and 政策直兑: what Carbon knows of each firm (<see cref="PolicyFacts"/>: its class in the latest 亩均 run,
/// scale, industry, park, green-factory certificate, energy-intensity fall last year, open cases, last year's tax and value
/// added), every policy matched against it and explained (<see cref="Eligibility"/>), the one-step application, and the
/// messages to firms that have become eligible.
/// </summary>
public sealed class PolicyService(PolicyReads reads, RegistryReads registry, EvaluationReads evaluations, EvaluationSnapshots snapshots, ProgrammeReads programme,
    SupervisionReads supervision, GreenFactoryRegister greenFactories, IGrainFactory grains, ReportingClock clock, LedgerWriter writer,
    ILedgerContextFactory contexts, TimeProvider time, ILogger<PolicyService> log)
{
    private static readonly Caller Service = Caller.System("policies");

    /// <summary>A firm as matching sees it.</summary>
    public sealed record Firm(Uscc Uscc, string Name, string? ParkCode, PolicyFacts Facts);

    /// <summary>
    /// Every registered firm's facts now: the class of the newest run of the latest evaluated year; the energy-intensity fall
    /// from the year before last to last year (等价值 tce per 万元 of value added, at current prices); the open
    /// rectification and 节能监察 cases.
    /// </summary>
    public async Task<List<Firm>> FirmsAsync()
    {
        var today = clock.Today;
        var last = today.Year - 1;
        var registered = await registry.LoadRegistryAsync();
        var run = (await evaluations.ListRunsAsync()).OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt).FirstOrDefault();
        var classes = run is null ? [] : (await grains.GetGrain<IEvaluationGrain>(run.Id).QueryAsync(new EvaluationQuery(1, int.MaxValue, "uscc", null, null, null, null),
            Service))?.Items.ToDictionary(i => i.Uscc, i => i.Class, StringComparer.Ordinal) ?? [];
        var green = (await greenFactories.EntriesAsync(today)).Where(e => e.Status == CertificateState.Valid).Select(e => e.Uscc).ToHashSet(StringComparer.Ordinal);
        var lastYear = await snapshots.YearTotalsAsync(last, registered);
        var yearBefore = await snapshots.YearTotalsAsync(last - 1, registered);
        var open = (await programme.ListCasesAsync()).Where(c => c.Latest.Closure is null && c.Case.Uscc is not null)
            .GroupBy(c => c.Case.Uscc!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var c in await supervision.ListCasesAsync())
        {
            if ((await grains.GetGrain<ISupervisionCaseGrain>(c.Id).GetAsync(Service)).View is { State: not (CaseState.Closed or CaseState.Withdrawn) })
            {
                open[c.Uscc] = open.GetValueOrDefault(c.Uscc) + 1;
            }
        }
        // Whole years only: a part year against a whole one says nothing of the firm's efficiency.
        decimal? Intensity(FirmYear? y, int year) => y is { } f && f.Totals.ValueAdded > 0m && f.Revisions.Count == 12
            ? snapshots.EquivalentTce(f.Totals, year) / f.Totals.ValueAdded : null;
        return registered.Select(r =>
        {
            var uscc = r.Identity.Uscc;
            var now = lastYear.GetValueOrDefault(uscc);
            var (i1, i0) = (Intensity(now, last), Intensity(yearBefore.GetValueOrDefault(uscc), last - 1));
            var facts = new PolicyFacts(classes.GetValueOrDefault(uscc), r.Profile.Scale, r.Profile.IndustryCode, r.Identity.ParkCode, green.Contains(uscc),
                i1 is { } a && i0 is > 0m and var b ? 1m - a / b : null, open.GetValueOrDefault(uscc), now?.Totals.TaxPaid ?? 0m, now?.Totals.ValueAdded ?? 0m,
                r.Profile.HeldDesignations());
            return new Firm(Uscc.Parse(uscc), r.Profile.Name, r.Identity.ParkCode, facts);
        }).ToList();
    }

    /// <summary>Open on <paramref name="day"/>: published and within its validity.</summary>
    public static bool IsOpen(PolicyView p, DateOnly day) => p.ValidFrom <= day && day <= p.ValidTo;

    public async Task<List<PolicyResponse>> ListAsync(Caller caller, List<Firm>? firms = null)
    {
        firms ??= await FirmsAsync();
        var list = new List<PolicyResponse>();
        foreach (var p in await reads.ListAsync())
        {
            if (await grains.GetGrain<IPolicyGrain>(p.Id).GetAsync() is { } v)
            {
                list.Add(Respond(v, firms, caller, details: caller.Role == Role.Filer));
            }
        }
        return list;
    }

    public async Task<PolicyResponse?> FindAsync(string id, Caller caller) =>
        Grains.GrainGuards.ParcelCode.IsMatch(id) && await grains.GetGrain<IPolicyGrain>(id).GetAsync() is { } v
            ? Respond(v, await FirmsAsync(), caller, details: true)
            : null;

    /// <summary>
    /// The policy over the firms the caller may see: a filer sees its own firms whatever their status; others the eligible
    /// and the near misses. The counts and the expected outlay are over the same firms; applications likewise.
    /// </summary>
    private PolicyResponse Respond(PolicyView v, List<Firm> firms, Caller caller, bool details)
    {
        var visible = firms.Where(f => caller.CanRead(f.Uscc, f.ParkCode)).ToList();
        var applications = v.Applications.Where(a => visible.Any(f => f.Uscc == a.Uscc)).ToArray();
        var matches = visible.Select(f =>
        {
            var result = Eligibility.Evaluate(v.Rules, f.Facts);
            var application = applications.LastOrDefault(a => a.Uscc == f.Uscc);
            return new MatchResponse(f.Uscc, f.Name, f.ParkCode, result.Status, Domain.Display.Round(v.Benefit.For(f.Facts), 2), result.Missing?.Reason,
                result.Rules.Select(r => new RuleResultResponse(r.Rule.Kind, r.Outcome, r.Reason)).ToArray(), application?.Id, application?.State);
        }).ToList();
        var eligible = matches.Where(m => m.Status == EligibilityStatus.Eligible).ToList();
        var shown = caller.Role == Role.Filer ? matches : matches.Where(m => m.Status != EligibilityStatus.NotEligible).ToList();
        return new PolicyResponse(v.Id, v.Title, v.DocumentNumber, v.ValidFrom, v.ValidTo, v.Benefit.Amount, v.Benefit.Rate, v.Benefit.RateBase, v.Benefit.Cap,
            v.Rules.Select(RuleRequest.From).ToArray(), IsOpen(v, clock.Today), eligible.Count, matches.Count(m => m.Status == EligibilityStatus.NearMiss),
            eligible.Sum(m => m.Amount), applications.Sum(a => a.Paid ?? 0m),
            details ? shown.OrderBy(m => m.Status).ThenByDescending(m => m.Amount).ToArray() : [], details ? applications : []);
    }

    /// <summary>
    /// 一键申报: the firm is matched now; only an eligible firm applies, having confirmed the conditions Carbon cannot check;
    /// the amount and every rule's reason go on the application as it was made.
    /// </summary>
    public async Task<PolicyAnswer> ApplyAsync(string id, Uscc uscc, bool confirmed, Caller caller)
    {
        if (await grains.GetGrain<IPolicyGrain>(id).GetAsync() is not { } v)
        {
            return new PolicyAnswer(ProgrammeResult.NotFound, null, "policy", $"无此政策 {id} (no such policy)");
        }
        if (!caller.CanFile(uscc) || (await FirmsAsync()).FirstOrDefault(f => f.Uscc == uscc) is not { } firm)
        {
            return new PolicyAnswer(ProgrammeResult.NotFound, null, "uscc", $"未登记企业 {uscc}，或您不能为其申报 (no firm of yours)");
        }
        var result = Eligibility.Evaluate(v.Rules, firm.Facts);
        if (result.Status != EligibilityStatus.Eligible)
        {
            return new PolicyAnswer(ProgrammeResult.Conflict, v, "uscc", "不符合申报条件：" + string.Join("；",
                result.Rules.Where(r => r.Outcome is RuleOutcome.NotMet or RuleOutcome.Unknown).Select(r => r.Reason)) + " (not eligible)");
        }
        var toConfirm = result.Rules.Where(r => r.Outcome == RuleOutcome.ToConfirm).Select(r => r.Rule.Text).ToList();
        if (toConfirm.Count > 0 && !confirmed)
        {
            return new PolicyAnswer(ProgrammeResult.Conflict, v, "confirm", "须承诺：" + string.Join("；", toConfirm) + " (confirm the conditions)");
        }
        var facts = string.Join("\n", result.Rules.Select(r => r.Reason));
        return await grains.GetGrain<IPolicyGrain>(id).ApplyAsync(new ApplyForPolicy(uscc, clock.Today, Domain.Display.Round(v.Benefit.For(firm.Facts), 2),
            Clip(facts, 4000), toConfirm.Count == 0 ? null : "已承诺：" + string.Join("；", toConfirm), caller));
    }

    /// <summary>
    /// Re-evaluates every open policy and leaves a message in the account of each filer whose firm is eligible and has not
    /// been told of that policy before (one message per account, policy and firm, ever): after a policy is published, a
    /// 亩均 run, a certificate issued or revoked, and once a day. Returns the messages left; a failure is logged, never thrown
    /// (what triggered the run is already done, and the next run tells the firms).
    /// </summary>
    public async Task<int> NotifyAsync()
    {
        await _notifying.WaitAsync();
        try
        {
            return await NotifyOnceAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What triggered it (a publication, a run) is already on the ledger; the next run tells the firms.
            log.LogError(e, "Matching the policies failed; the firms are told at the next run");
            return 0;
        }
        finally
        {
            _notifying.Release();
        }
    }

    /// <summary>One re-matching at a time in this process (publication, a run, the daily job and the demo may meet).</summary>
    private readonly SemaphoreSlim _notifying = new(1, 1);

    private async Task<int> NotifyOnceAsync()
    {
        var today = clock.Today;
        var firms = await FirmsAsync();
        List<(string UserName, string[] Firms)> filers;
        HashSet<string> told;
        await using (var db = contexts.Create())
        {
            filers = (await db.Users.AsNoTracking().Include(u => u.Scopes).Where(u => u.Role == Role.Filer.Token() && !u.Disabled).ToListAsync())
                .Select(u => (u.UserName!, u.Scopes.Where(s => s.Kind == "firm").Select(s => s.Key).ToArray())).ToList();
            told = (await db.Messages.AsNoTracking().Where(m => m.Key.StartsWith("policy:")).Select(m => m.Account + "|" + m.Key).ToListAsync())
                .ToHashSet(StringComparer.Ordinal);
        }
        var messages = new List<MessageRecord>();
        foreach (var p in await reads.ListAsync())
        {
            if (await grains.GetGrain<IPolicyGrain>(p.Id).GetAsync() is not { } v || !IsOpen(v, today))
            {
                continue;
            }
            var applied = v.Applications.Where(a => a.State != PolicyStep.Rejected).Select(a => a.Uscc).ToHashSet();
            foreach (var f in firms.Where(f => !applied.Contains(f.Uscc) && Eligibility.Evaluate(v.Rules, f.Facts).Status == EligibilityStatus.Eligible))
            {
                var key = $"policy:{v.Id}:{f.Uscc}";
                foreach (var (account, _) in filers.Where(x => x.Firms.Contains(f.Uscc.Value) && !told.Contains($"{x.UserName}|{key}")))
                {
                    messages.Add(new MessageRecord
                    {
                        Account = account, Key = key, At = time.GetUtcNow(), Link = $"/policies/{v.Id}",
                        Subject = Clip($"可申报政策：{v.Title}", 200),
                        Body = $"{f.Name} 符合《{v.Title}》（{v.DocumentNumber}）的申报条件，预计可享受 {Domain.Display.Round(v.Benefit.For(f.Facts), 2)} 万元，" +
                               $"有效期至 {v.ValidTo:yyyy-MM-dd}。请在“惠企政策”页一键申报。",
                    });
                }
            }
        }
        if (messages.Count == 0)
        {
            return 0;
        }
        try
        {
            await writer.WriteAsync(db => db.Messages.AddRange(messages));
            return messages.Count;
        }
        catch (DbUpdateException)
        {
            // Another silo told some of these firms in between (one message per account and key): tell the rest one by one.
            var left = 0;
            foreach (var m in messages)
            {
                try
                {
                    await writer.WriteAsync(db => db.Messages.Add(m));
                    left++;
                }
                catch (DbUpdateException)
                {
                }
            }
            return left;
        }
    }

    /// <summary>At most <paramref name="max"/> characters, never splitting a surrogate pair.</summary>
    internal static string Clip(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    /// <summary>What has been paid (兑现), over the firms the caller may see: by policy, by park and by class in the latest run.</summary>
    public async Task<OutlayResponse> OutlayAsync(Caller caller, List<Firm>? known = null)
    {
        var firms = (known ?? await FirmsAsync()).ToDictionary(f => f.Uscc.Value, StringComparer.Ordinal);
        var paid = new List<(string Policy, Firm Firm, decimal Amount)>();
        foreach (var p in await reads.ListAsync())
        {
            if (await grains.GetGrain<IPolicyGrain>(p.Id).GetAsync() is { } v)
            {
                paid.AddRange(v.Applications.Where(a => a.Paid is > 0m && firms.ContainsKey(a.Uscc.Value) && caller.CanRead(a.Uscc, firms[a.Uscc.Value].ParkCode))
                    .Select(a => ($"{v.Id} {v.Title}", firms[a.Uscc.Value], a.Paid!.Value)));
            }
        }
        OutlayRow[] By(Func<(string Policy, Firm Firm, decimal Amount), string> key) => paid.GroupBy(key)
            .Select(g => new OutlayRow(g.Key, g.Select(x => x.Firm.Uscc).Distinct().Count(), g.Sum(x => x.Amount))).OrderByDescending(r => r.Paid).ToArray();
        return new OutlayResponse(By(x => x.Policy), By(x => x.Firm.ParkCode ?? "（园区外）"), By(x => x.Firm.Facts.Class ?? "（未评价）"), paid.Sum(x => x.Amount));
    }
}
