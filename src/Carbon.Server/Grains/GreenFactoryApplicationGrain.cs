using Carbon.Domain.Access;
using System.Text.Json;
using System.Text.Json.Serialization;
using Carbon.Domain.Certificates;
using Carbon.Domain.GreenFactory;
using Carbon.Domain.Registry;
using Carbon.Server.Configuration;
using Carbon.Server.Factors;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("green-factory-application")]
public sealed class GreenFactoryApplicationGrain(
    GreenFactoryReads reader, CertificateReads certificates, LedgerWriter writer, GreenFactoryCatalog catalog, GreenFactoryFactsReader facts,
    TimeProvider clock)
    : Grain, IGreenFactoryApplicationGrain
{
    /// <summary>Event payloads are versioned domain data (answers, decisions, the frozen grade and its facts), never display forms.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private const int PayloadVersion = 1;

    private readonly Dictionary<string, Answer> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Decision Decision, string Actor)> _decisions = new(StringComparer.Ordinal);
    private readonly List<ApplicationEventView> _events = [];

    /// <summary>The revoked certificates a reinstatement decision lets this approval replace (one new certificate each).</summary>
    private readonly HashSet<string> _reinstated = new(StringComparer.Ordinal);

    private GreenFactoryApplicationRecord? _record;
    private string? _enterpriseName;
    private string? _parkCode;
    private FrozenGrades? _frozen;
    private string _status = "none";

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = await reader.FindApplicationAsync(Id);
        if (_record is null)
        {
            return;
        }
        var enterprise = await GrainFactory.Enterprise(Uscc.Parse(_record.Uscc)).GetAsync(Service);
        (_enterpriseName, _parkCode) = (enterprise?.Profile.Name, enterprise?.Profile.ParkCode);
        foreach (var e in _record.Events)
        {
            Apply(e);
        }
    }

    async Task<ApplicationOutcome> IGreenFactoryApplicationGrain.SubmitAsync(SubmitApplication s)
    {
        GrainGuards.Submit(Id, s, clock, catalog.RuleSets.Keys);
        if (_record is not null)
        {
            return new ApplicationOutcome(ApplicationResult.Conflict, null, "id", $"application {Id} exists");
        }
        if (!s.Caller.CanFile(s.Uscc) || await GrainFactory.Enterprise(s.Uscc).GetAsync(s.Caller) is not { } enterprise)
        {
            return new ApplicationOutcome(ApplicationResult.UnknownEnterprise, null, "uscc", $"未登记企业 {s.Uscc} (no enterprise with this USCC)");
        }
        var now = clock.GetUtcNow();
        var record = new GreenFactoryApplicationRecord
        {
            Id = Id, Uscc = s.Uscc.Value, Year = s.Year, RuleSetId = s.RuleSetId, Product = s.Product, CreatedAt = now, CreatedBy = s.Caller.Account,
        };
        var submitted = Event("submitted", s.Caller.Account, now, null, new SubmittedPayload(PayloadVersion, s.Answers));
        await writer.WriteAsync(db =>
        {
            db.GreenFactoryApplications.Add(record);
            db.GreenFactoryEvents.Add(submitted);
            db.AuditEvents.Add(Audit(now, s.Caller.Account, "green-factory.submitted", $"{s.Uscc} {s.Year} {s.RuleSetId}"));
        });
        _record = record;
        (_enterpriseName, _parkCode) = (enterprise.Profile.Name, enterprise.Profile.ParkCode);
        Apply(submitted);
        return new ApplicationOutcome(ApplicationResult.Ok, await ViewAsync());
    }

    async Task<ApplicationOutcome> IGreenFactoryApplicationGrain.VerifyAsync(Decision[] decisions, Caller caller)
    {
        GrainGuards.Verify(decisions, caller.Account);
        if (_record is null || !caller.CanVerifyApplication(Id))
        {
            return NotFound();
        }
        var actor = caller.Account;
        if (_frozen is not null || _status == "rejected")
        {
            return new ApplicationOutcome(ApplicationResult.Conflict, null, "id", $"申报已{(_status == "approved" ? "批准" : "驳回")}，不能再核查 (the application is {_status})");
        }
        for (var i = 0; i < decisions.Length; i++)
        {
            if (!_answers.ContainsKey(decisions[i].Item))
            {
                return new ApplicationOutcome(ApplicationResult.Invalid, null, $"decisions[{i}].item",
                    $"'{decisions[i].Item}' 未在申报中作答，不能核查 (not answered in this application)");
            }
        }
        var now = clock.GetUtcNow();
        var verified = Event("verified", actor, now, null, new VerifiedPayload(PayloadVersion, decisions));
        await writer.WriteAsync(db =>
        {
            db.GreenFactoryEvents.Add(verified);
            db.AuditEvents.Add(Audit(now, actor, "green-factory.verified", $"{decisions.Length} items"));
        });
        Apply(verified);
        return new ApplicationOutcome(ApplicationResult.Ok, await ViewAsync());
    }

    async Task<ApplicationOutcome> IGreenFactoryApplicationGrain.DecideAsync(bool approve, string? comment, Caller caller)
    {
        GrainGuards.Decide(approve, comment, caller.Account);
        if (_record is null || !caller.Administers)
        {
            return NotFound();
        }
        var actor = caller.Account;
        if (_frozen is not null || _status == "rejected")
        {
            return new ApplicationOutcome(ApplicationResult.Conflict, null, "id", $"申报已{(_status == "approved" ? "批准" : "驳回")} (already {_status})");
        }
        var now = clock.GetUtcNow();
        GreenFactoryEventRecord decided;
        if (approve)
        {
            var rules = catalog.RuleSets[_record.RuleSetId].Rules;
            var pending = _answers.Values.Where(a => a.Met && IsAnswerable(rules, a.Item) && !_decisions.ContainsKey(a.Item)).Select(a => a.Item).ToList();
            if (pending.Count > 0)
            {
                return new ApplicationOutcome(ApplicationResult.Conflict, null, "approve",
                    $"尚有 {pending.Count} 项未核查，不能批准: {string.Join(", ", pending)} (items not yet verified)");
            }
            var (grade, others, used) = await GradeAsync(GradeBasis.Verified);
            if (!grade.Eligible)
            {
                return new ApplicationOutcome(ApplicationResult.Conflict, null, "approve",
                    $"核查后不符合绿色工厂要求，不能批准: {string.Join("; ", grade.Reasons)} (not eligible once verified)");
            }
            decided = Event("approved", actor, now, comment, new FrozenGrades(PayloadVersion, grade, others, used));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(comment))
            {
                return new ApplicationOutcome(ApplicationResult.Invalid, null, "comment", "驳回须说明理由 (a rejection needs a comment)");
            }
            decided = Event("rejected", actor, now, comment, new RejectedPayload(PayloadVersion));
        }
        await writer.WriteAsync(db =>
        {
            db.GreenFactoryEvents.Add(decided);
            db.AuditEvents.Add(Audit(now, actor, $"green-factory.{decided.Kind}", comment));
        });
        Apply(decided);
        return new ApplicationOutcome(ApplicationResult.Ok, await ViewAsync());
    }

    /// <summary>
    /// Records a reinstatement decision: the latest certificate of this approval was revoked, and the approval may give
    /// one new certificate in its place. Refused when there is nothing revoked to reinstate, or it already was.
    /// </summary>
    async Task<ApplicationOutcome> IGreenFactoryApplicationGrain.ReinstateAsync(string reason, Caller caller)
    {
        GrainGuards.Reinstate(reason, caller.Account);
        if (_record is null || !caller.Administers)
        {
            return NotFound();
        }
        var actor = caller.Account;
        if (_frozen is null)
        {
            return new ApplicationOutcome(ApplicationResult.Conflict, null, "id",
                $"申报状态为 {_status}，仅已批准的申报可恢复发证 (only an approved application can be reinstated)");
        }
        var latest = await LatestCertificateAsync();
        if (latest?.Revocation is null)
        {
            return new ApplicationOutcome(ApplicationResult.Conflict, null, "id", latest is null
                ? $"申报 {Id} 尚未发证，无需恢复 (no certificate has been issued from this application)"
                : $"申报 {Id} 的证书 {latest.Number} 未被吊销，无需恢复 (its certificate is not revoked)");
        }
        if (_reinstated.Contains(latest.Number))
        {
            return new ApplicationOutcome(ApplicationResult.Conflict, null, "id",
                $"已决定恢复发证，可出具一份新证书取代 {latest.Number} (already reinstated: one new certificate may be issued)");
        }
        var now = clock.GetUtcNow();
        var reinstated = Event("reinstated", actor, now, reason, new ReinstatedPayload(PayloadVersion, latest.Number));
        await writer.WriteAsync(db =>
        {
            db.GreenFactoryEvents.Add(reinstated);
            db.AuditEvents.Add(Audit(now, actor, "green-factory.reinstated", $"{latest.Number}: {reason}"));
        });
        Apply(reinstated);
        return new ApplicationOutcome(ApplicationResult.Ok, await ViewAsync());
    }

    /// <summary>
    /// Whether this approval may give a new certificate: not when its latest certificate was revoked, unless a
    /// reinstatement decision names that certificate. (A live one is returned, not issued again: the register's rule.)
    /// </summary>
    async Task<ApplicationOutcome> IGreenFactoryApplicationGrain.IssuableAsync()
    {
        if (_record is null)
        {
            return NotFound();
        }
        if (await LatestCertificateAsync() is { Revocation: { } r } latest && !_reinstated.Contains(latest.Number))
        {
            return new ApplicationOutcome(ApplicationResult.Conflict, null, "applicationId",
                $"申报 {Id} 的证书 {latest.Number} 已于 {r.At.ToOffset(ReportingClock.Offset):yyyy-MM-dd} 吊销（{r.Reason}），同一批准不能再次发证；" +
                $"须重新申报，或作出恢复发证决定 (POST /api/green-factory/applications/{Id}/reinstatement) " +
                "(the certificate of this approval was revoked: a new certificate needs a new application or a reinstatement decision)");
        }
        return new ApplicationOutcome(ApplicationResult.Ok, null);
    }

    /// <summary>The last certificate issued from this application (numbers of one kind and year rise with issue order).</summary>
    private async Task<RegisteredCertificate?> LatestCertificateAsync() =>
        (await certificates.ListAsync(CertificateKind.GreenFactory.StoredTokens(), sourceId: Id)).LastOrDefault();

    async Task<ApplicationOutcome> IGreenFactoryApplicationGrain.GetAsync(Caller caller) =>
        _record is null || !caller.CanReadApplication(Id, Uscc.Parse(_record.Uscc), _parkCode)
            ? NotFound()
            : new ApplicationOutcome(ApplicationResult.Ok, await ViewAsync());

    /// <summary>The grain reading the firm it grades, on the service's own behalf (the caller was checked at the door).</summary>
    private static readonly Caller Service = Caller.System("green-factory");

    private async Task<ApplicationView> ViewAsync()
    {
        var r = _record!;
        var (grade, others, _) = _frozen is { } f
            ? (f.Grade, f.Others, f.Facts)
            : await GradeAsync(_decisions.Count > 0 ? GradeBasis.Verified : GradeBasis.Claimed);
        var answers = _answers.Values.Select(a =>
        {
            var d = _decisions.GetValueOrDefault(a.Item);
            return new AnswerView(a.Item, a.Met, a.Evidence, d.Decision?.Accepted, d.Decision?.Comment, d.Actor);
        }).ToArray();
        return new ApplicationView(r.Id, Uscc.Parse(r.Uscc), _enterpriseName ?? r.Uscc, r.Year, r.RuleSetId, r.Product, _status, _frozen is not null,
            GradeViews.From(grade), others.Select(GradeViews.From).ToArray(), answers, _events.ToArray());
    }

    /// <summary>Grades the application's edition and, side by side, every other loaded edition with the same answers.</summary>
    private async Task<(GreenFactoryGrade Grade, GreenFactoryGrade[] Others, GreenFactoryFacts Facts)> GradeAsync(GradeBasis basis)
    {
        var r = _record!;
        var f = await facts.ReadAsync(Uscc.Parse(r.Uscc), r.Year, r.Product) ?? throw new InvalidOperationException($"enterprise {r.Uscc} vanished");
        var answers = _answers.Values.ToDictionary(a => a.Item, a =>
        {
            var d = _decisions.GetValueOrDefault(a.Item).Decision;
            return new ItemAnswer(a.Met, a.Evidence, d?.Accepted, d?.Comment);
        });
        GreenFactoryGrade Grade(LoadedRuleSet set) => GreenFactoryGrader.Grade(set.Rules, f, answers, basis);
        var own = Grade(catalog.RuleSets[r.RuleSetId]);
        var others = catalog.RuleSets.Values.Where(s => s.Rules.Id != r.RuleSetId).OrderBy(s => s.Rules.Id).Select(Grade).ToArray();
        return (own, others, f);
    }

    private static bool IsAnswerable(GreenFactoryRuleSet rules, string item) =>
        rules.Basic.Any(b => b.Id == item) || rules.Items.Any(i => i.Id == item && i.IsQualitative);

    private void Apply(GreenFactoryEventRecord e)
    {
        switch (e.Kind)
        {
            case "submitted":
                foreach (var a in JsonSerializer.Deserialize<SubmittedPayload>(e.Payload, Json)!.Answers)
                {
                    _answers[a.Item] = a;
                }
                _status = "submitted";
                break;
            case "verified":
                foreach (var d in JsonSerializer.Deserialize<VerifiedPayload>(e.Payload, Json)!.Decisions)
                {
                    _decisions[d.Item] = (d, e.Actor);
                }
                _status = "verifying";
                break;
            case "approved":
                _frozen = JsonSerializer.Deserialize<FrozenGrades>(e.Payload, Json);
                _status = "approved";
                break;
            case "rejected":
                _status = "rejected";
                break;
            case "reinstated":
                var certificate = JsonSerializer.Deserialize<ReinstatedPayload>(e.Payload, Json)!.Certificate;
                _reinstated.Add(certificate);
                _events.Add(new ApplicationEventView(e.Kind, e.Actor, e.At, e.Comment, certificate));
                return;
        }
        _events.Add(new ApplicationEventView(e.Kind, e.Actor, e.At, e.Comment));
    }

    private GreenFactoryEventRecord Event(string kind, string actor, DateTimeOffset at, string? comment, object payload) =>
        new() { ApplicationId = Id, Kind = kind, Actor = actor, At = at, Comment = comment, Payload = JsonSerializer.Serialize(payload, Json) };

    private AuditEventRecord Audit(DateTimeOffset at, string actor, string action, string? detail) =>
        new() { At = at, Actor = actor, Action = action, Subject = Id, Detail = detail };

    private ApplicationOutcome NotFound() => new(ApplicationResult.NotFound, null, "id", $"无此申报 {Id} (no application {Id})");

    private sealed record SubmittedPayload(int Version, Answer[] Answers);

    private sealed record VerifiedPayload(int Version, Decision[] Decisions);

    private sealed record RejectedPayload(int Version);

    /// <summary>A reinstatement decision: the revoked certificate the approval may replace (the reason is the event's comment).</summary>
    private sealed record ReinstatedPayload(int Version, string Certificate);

    /// <summary>What an approval freezes: the grades (the methodology's own records) and the ledger facts they came from.</summary>
    private sealed record FrozenGrades(int Version, GreenFactoryGrade Grade, GreenFactoryGrade[] Others, GreenFactoryFacts Facts);
}
