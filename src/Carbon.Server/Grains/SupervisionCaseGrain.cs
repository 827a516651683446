using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;
using Carbon.Server.Configuration;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("supervision-case")]
public sealed class SupervisionCaseGrain(
    SupervisionReads reader, LedgerWriter writer, ReportingClock today, TimeProvider clock, Factors.SupervisionCatalog rules)
    : Grain, ISupervisionCaseGrain
{
    /// <summary>Step payloads are versioned domain data; enums as kebab-case tokens.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const int PayloadVersion = 1;
    private SupervisionCaseRecord? _record;
    private SupervisionCase? _case;
    private readonly List<DateTimeOffset> _stepTimes = [];
    private readonly HashSet<string> _evidence = new(StringComparer.Ordinal);
    private string _enterpriseName = "";
    private string? _parkCode;

    private string Id => this.GetPrimaryKeyString();

    private static readonly Caller Service = Caller.System("supervision");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _record = await reader.FindCaseAsync(Id);
        if (_record is null)
        {
            return;
        }
        await LoadEnterpriseAsync(Uscc.Parse(_record.Uscc));
        var steps = _record.Steps.Select(ToDomain).ToList();
        var replayed = SupervisionWorkflow.Replay(Header(_record), steps);
        _case = replayed.Case ?? throw new InvalidOperationException($"case {Id}: stored step refused on replay: {replayed.Refusal!.Message}");
        _stepTimes.AddRange(_record.Steps.Select(s => s.At));
        foreach (var e in await reader.ListEvidenceAsync(Id))
        {
            _evidence.Add(e.Sha256);
        }
    }

    async Task<CaseAnswer> ISupervisionCaseGrain.OpenAsync(OpenCase c)
    {
        GrainGuards.OpenCase(Id, c, clock);
        if (!Inspects(c.Caller))
        {
            return new CaseAnswer(CaseResult.Refused, null, "actor", "只有节能监察员或区经信局可以立案 (inspectors and the district open cases)");
        }
        if (_record is not null)
        {
            return new CaseAnswer(CaseResult.Conflict, null, "id", $"案件 {Id} 已存在 (case exists)");
        }
        if (await GrainFactory.Enterprise(c.Uscc).GetAsync(Service) is null)
        {
            return new CaseAnswer(CaseResult.UnknownEnterprise, null, "uscc", $"未登记企业 {c.Uscc} (no enterprise with this USCC)");
        }
        var now = clock.GetUtcNow();
        var record = new SupervisionCaseRecord
        {
            Id = Id, Uscc = c.Uscc.Value, Year = c.Year, Mode = EnumTokens.Token(c.Mode), Trigger = EnumTokens.Token(c.Trigger), PlanId = c.PlanId,
            AssignedInspectors = c.AssignedInspectors.Length == 0 ? null : string.Join(' ', c.AssignedInspectors),
            CreatedAt = now, CreatedBy = c.Caller.Account,
        };
        var opened = new CaseStep(StepKind.Opened, today.Today, c.Caller.Account, c.Caller.Role, Clean(c.Reason));
        var stepRecord = ToRecord(Id, opened, now);
        await writer.WriteAsync(db =>
        {
            db.SupervisionCases.Add(record);
            db.SupervisionSteps.Add(stepRecord);
            db.AuditEvents.Add(Audit(now, c.Caller.Account, "supervision.opened", $"{c.Uscc} {c.Year} {record.Mode} {record.Trigger}"));
        });
        _record = record;
        await LoadEnterpriseAsync(c.Uscc);
        _case = SupervisionCase.Open(Header(record), opened);
        _stepTimes.Add(now);
        return new CaseAnswer(CaseResult.Ok, View());
    }

    async Task<CaseAnswer> ISupervisionCaseGrain.RecordAsync(CaseStepCommand c)
    {
        if (_case is null || !Sees(c.Caller))
        {
            return NotFound();
        }
        GrainGuards.CaseStep(Id, c);
        // A filer acts only on its own firm's case; everyone else on the district's (the role rule is the workflow's).
        if (c.Caller.Role == Role.Filer && !c.Caller.CanFile(_case.Header.Uscc))
        {
            return NotFound();
        }
        var cited = (c.Finding?.Evidence ?? []).Concat(c.Evidence ?? []).ToList();
        if (cited.FirstOrDefault(h => !_evidence.Contains(h)) is { } missing)
        {
            return new CaseAnswer(CaseResult.Refused, null, "evidence", $"本案没有哈希为 {missing} 的证据文件 (upload it first)");
        }
        if (c.Finding is { } finding && RuleRefusal(finding) is { } unknownRule)
        {
            return new CaseAnswer(CaseResult.Refused, null, "finding.ruleRef", unknownRule);
        }
        var step = new CaseStep(c.Kind, c.On, c.Caller.Account, c.Caller.Role, Clean(c.Text), c.Date,
            c.Inspectors?.Select(i => i.Trim()).ToArray(), c.Passed, Clean(c.Number),
            c.Finding is { } f ? new Finding(0, f.Category, f.RuleRef.Trim(), f.Text.Trim(), f.Measured, f.Limit, Clean(f.Unit), f.Evidence) : null,
            c.Evidence);
        var result = SupervisionWorkflow.Apply(_case, step, today.Today);
        if (result.Case is not { } next)
        {
            return new CaseAnswer(CaseResult.Refused, null, result.Refusal!.Field, result.Refusal.Message);
        }
        var now = clock.GetUtcNow();
        var stepRecord = ToRecord(Id, next.Steps[^1], now);
        await writer.WriteAsync(db =>
        {
            db.SupervisionSteps.Add(stepRecord);
            db.AuditEvents.Add(Audit(now, c.Caller.Account, $"supervision.{EnumTokens.Token(c.Kind)}", $"{_case.Header.Uscc} → {SupervisionWorkflow.Token(next.State)}"));
        });
        _case = next;
        _stepTimes.Add(now);
        return new CaseAnswer(CaseResult.Ok, View());
    }

    async Task<EvidenceView?> ISupervisionCaseGrain.AttachAsync(string fileName, string contentType, byte[] content, Caller caller)
    {
        if (_case is null || !Sees(caller) || (caller.Role == Role.Filer && !caller.CanFile(_case.Header.Uscc))
            || !(Inspects(caller) || caller.Role == Role.Filer) || StoredFile.Of(fileName, contentType, content) is not { } file)
        {
            return null;
        }
        var (sha, name, type) = file;
        var now = clock.GetUtcNow();
        if (_evidence.Add(sha))
        {
            var record = new SupervisionEvidenceRecord
            {
                Sha256 = sha, CaseId = Id, FileName = name, ContentType = type,
                Content = content, UploadedAt = now, UploadedBy = caller.Account,
            };
            try
            {
                await writer.WriteAsync(db =>
                {
                    db.SupervisionEvidence.Add(record);
                    db.AuditEvents.Add(Audit(now, caller.Account, "supervision.evidence", $"{name} {sha}"));
                });
            }
            catch
            {
                _evidence.Remove(sha);   // e.g. the same file already stored with another case
                throw;
            }
        }
        return new EvidenceView(sha, name, type, content.Length, now, caller.Account);
    }

    Task<CaseAnswer> ISupervisionCaseGrain.GetAsync(Caller caller) =>
        Task.FromResult(_case is null || !Sees(caller) ? NotFound() : new CaseAnswer(CaseResult.Ok, View()));

    /// <summary>Inspectors, the district and auditors see every case; a filer its firm's; a park administrator its parks' firms'.</summary>
    private bool Sees(Caller caller) => _case is not null && caller.CanRead(_case.Header.Uscc, _parkCode);

    private static bool Inspects(Caller caller) => caller.Role is Role.Inspector or Role.DistrictOfficial or Role.System;

    private async Task LoadEnterpriseAsync(Uscc uscc)
    {
        var enterprise = await GrainFactory.Enterprise(uscc).GetAsync(Service);
        (_enterpriseName, _parkCode) = (enterprise?.Profile.Name ?? uscc.Value, enterprise?.Profile.ParkCode);
    }

    private SupervisionCaseView View()
    {
        var c = _case!;
        var r = _record!;
        return new SupervisionCaseView(Id, c.Header.Uscc, _enterpriseName, _parkCode, c.Header.Year, c.Header.Mode, c.Header.Trigger, c.Header.PlanId,
            r.AssignedInspectors?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], c.State, c.Outcome, c.NoticeOn, c.VisitOn,
            c.InspectionEndedOn, c.Deadline, c.Heard, c.ReportFiled,
            c.Findings.Select(f => new FindingView(f.Number, f.Category, f.RuleRef, f.Text, f.Measured, f.Limit, f.Unit, f.Evidence.ToArray())).ToArray(),
            c.Steps.Select((s, i) => new StepView(s.Kind, s.On, _stepTimes[i], s.Actor, s.ActorRole, s.Text, s.Date, s.Inspectors?.ToArray(), s.Passed,
                s.Number, s.Finding?.Number, s.Evidence?.ToArray())).ToArray(),
            SupervisionWorkflow.Alerts(c, today.Today).Select(a => new AlertView(a.Code, a.Message, a.Due, a.Overdue)).ToArray(),
            r.CreatedAt, r.CreatedBy);
    }

    /// <summary>
    /// A quota finding cites a quota row, a phased-out finding a catalogue item, a metering finding a GB 17167 clause or
    /// energy kind of factors/supervision; the management findings cite their law in words.
    /// </summary>
    private string? RuleRefusal(FindingInput f)
    {
        var r = f.RuleRef.Trim();
        var (known, what) = f.Category switch
        {
            FindingCategory.Quota => (rules.Rules.Quotas.Any(q => q.Id == r), "能耗限额标准行 (a quota id of quotas.json)"),
            FindingCategory.PhasedOutEquipment => (rules.Rules.PhasedOut.Any(i => i.Id == r), "淘汰目录条目 (an item id of phased-out-equipment.json)"),
            FindingCategory.Metering => ((rules.MeteringFile.Clauses ?? []).Any(c => c?.Id == r) || rules.Rules.MeteringRates.Any(m => m.Energy == r),
                $"{rules.Rules.MeteringStandard} 条款或能源品种 (a clause or energy kind of metering.json)"),
            _ => (true, ""),
        };
        return known ? null : $"未知规则 '{r}'：应为{what}";
    }

    private CaseAnswer NotFound() => new(CaseResult.NotFound, null, "id", $"无此案件 {Id} (no case {Id})");

    private AuditEventRecord Audit(DateTimeOffset at, string actor, string action, string? detail) =>
        new() { At = at, Actor = actor, Action = action, Subject = Id, Detail = detail };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static CaseHeader Header(SupervisionCaseRecord r) =>
        new(r.Id, Uscc.Parse(r.Uscc), r.Year, EnumTokens.Parse<InspectionMode>(r.Mode), EnumTokens.Parse<InspectionTrigger>(r.Trigger), r.PlanId);

    private sealed record StepPayload(int V, string? Text, DateOnly? Date, IReadOnlyList<string>? Inspectors, bool? Passed, string? Number,
        Finding? Finding, IReadOnlyList<string>? Evidence);

    /// <summary>The first step of a case a plan opens (written with the plan, before any grain of the case is active).</summary>
    internal static SupervisionStepRecord OpenedStep(string caseId, Caller caller, DateOnly on, string reason, DateTimeOffset at) =>
        ToRecord(caseId, new CaseStep(StepKind.Opened, on, caller.Account, caller.Role, reason), at);

    private static SupervisionStepRecord ToRecord(string caseId, CaseStep s, DateTimeOffset at) => new()
    {
        CaseId = caseId, Kind = EnumTokens.Token(s.Kind), Actor = s.Actor, ActorRole = s.ActorRole.Token(), At = at, On = s.On,
        Payload = JsonSerializer.Serialize(new StepPayload(PayloadVersion, s.Text, s.Date, s.Inspectors, s.Passed, s.Number, s.Finding, s.Evidence), Json),
    };

    internal static CaseStep ToDomain(SupervisionStepRecord r)
    {
        var p = JsonSerializer.Deserialize<StepPayload>(r.Payload, Json)!;
        Roles.TryParse(r.ActorRole, out var role);
        return new CaseStep(EnumTokens.Parse<StepKind>(r.Kind), r.On, r.Actor, role, p.Text, p.Date, p.Inspectors, p.Passed, p.Number, p.Finding, p.Evidence);
    }


}
