using Carbon.Domain.Access;
using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("rectification-case")]
public sealed class RectificationCaseGrain(ProgrammeReads reader, LedgerWriter writer, TimeProvider clock) : Grain, IRectificationCaseGrain
{
    private RectificationCaseRecord? _case;
    private List<RectificationStepRecord> _steps = [];
    private List<EvidenceView> _evidence = [];

    private string Id => this.GetPrimaryKeyString();

    private static readonly Caller Service = Caller.System("rectification");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _case = await reader.FindCaseAsync(Id);
        if (_case is not null)
        {
            _steps = await reader.StepsAsync(Id);
            _evidence = (await reader.ListEvidenceAsync(Id)).Select(e => new EvidenceView(e.Sha256, e.FileName, e.ContentType, e.Length, e.UploadedAt, e.UploadedBy)).ToList();
        }
    }

    Task<RectificationView?> IRectificationCaseGrain.GetAsync() => Task.FromResult(View());

    /// <summary>District officials run the campaigns; a park administrator acts on the cases in its parks.</summary>
    private static bool Acts(Caller caller, string? parkCode) =>
        caller.Administers || (caller.Role == Role.ParkAdministrator && parkCode is not null && caller.Parks.Contains(parkCode));

    async Task<RectificationAnswer> IRectificationCaseGrain.OpenAsync(OpenRectification c)
    {
        GrainGuards.OpenRectification(Id, c);
        if (!Acts(c.Caller, c.ParkCode) || (!c.Caller.Administers && c.ParkCode is null))
        {
            return new RectificationAnswer(ProgrammeResult.Refused, null, "caller", "只有区经信局或园区管理员立案 (officials and park administrators open cases)");
        }
        if (_case is not null)
        {
            return new RectificationAnswer(ProgrammeResult.Conflict, View(), "id", $"案件 {Id} 已存在 (case exists)");
        }
        // A park administrator opens cases on its park's firms only; any other firm is "not found", as everywhere.
        if (c.Uscc is { } firm
            && (await GrainFactory.Enterprise(firm).GetAsync(c.Caller.Administers ? Service : c.Caller) is not { } enterprise
                || (!c.Caller.Administers && enterprise.Profile.ParkCode != c.ParkCode)))
        {
            return new RectificationAnswer(ProgrammeResult.UnknownEnterprise, null, "uscc", $"未登记企业 {c.Uscc}，或不在本园区 (no enterprise with this USCC in your park)");
        }
        var today = Configuration.ReportingClock.DayOf(clock.GetUtcNow());
        if (c.On > today)
        {
            return new RectificationAnswer(ProgrammeResult.Conflict, null, "on", $"立案日不能晚于今天 {today:yyyy-MM-dd} (not in the future)");
        }
        if (c.SupervisionCaseId is { } linked && (await GrainFactory.GetGrain<ISupervisionCaseGrain>(linked).GetAsync(Service)).Result != CaseResult.Ok)
        {
            return new RectificationAnswer(ProgrammeResult.NotFound, null, "supervisionCaseId", $"无此监察案件 {linked} (no such supervision case)");
        }
        var now = clock.GetUtcNow();
        var record = new RectificationCaseRecord
        {
            Id = Id, Campaign = c.Campaign, Uscc = c.Uscc?.Value, Block = string.IsNullOrWhiteSpace(c.Block) ? null : c.Block.Trim(), Town = c.Town.Trim(),
            ParkCode = c.ParkCode, Problems = string.Join(' ', c.Problems.Select(p => EnumTokens.Token(p))), SupervisionCaseId = c.SupervisionCaseId,
            ResponsibleUnit = c.ResponsibleUnit.Trim(), Measures = c.Measures.Trim(), Deadline = c.Deadline, CreatedAt = now, CreatedBy = c.Caller.Account,
        };
        var opened = new RectificationStepRecord
        {
            CaseId = Id, Kind = EnumTokens.Token(RectificationStep.Opened), State = EnumTokens.Token(RectificationState.Open), On = c.On,
            Text = record.Measures, Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.RectificationCases.Add(record);
            db.RectificationSteps.Add(opened);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = "rectification.opened", Subject = Id,
                Detail = $"{record.Campaign} {record.Uscc ?? record.Block} {record.Problems}" });
        });
        (_case, _steps) = (record, [opened]);
        return new RectificationAnswer(ProgrammeResult.Done, View());
    }

    async Task<RectificationAnswer> IRectificationCaseGrain.RecordAsync(RectificationStepCommand c)
    {
        GrainGuards.RectificationStep(Id, c);
        if (_case is null)
        {
            return new RectificationAnswer(ProgrammeResult.NotFound, null, "id", $"无此案件 {Id} (no such case)");
        }
        if (!Acts(c.Caller, _case.ParkCode))
        {
            return new RectificationAnswer(ProgrammeResult.Refused, null, "caller", "只有区经信局或本园区管理员记录整治进展 (officials and the park's administrator)");
        }
        var latest = _steps[^1];
        var state = EnumTokens.Parse<RectificationState>(latest.State);
        var known = _evidence.Select(e => e.Sha256).ToHashSet(StringComparer.Ordinal);
        if (c.Evidence.FirstOrDefault(h => !known.Contains(h)) is { } missing)
        {
            return new RectificationAnswer(ProgrammeResult.Conflict, View(), "evidence", $"本案没有哈希为 {missing} 的证据文件 (upload it first)");
        }
        if (Rectification.Refusal(state, c.Kind, c.Closure, c.Evidence.Length) is { } refusal)
        {
            return new RectificationAnswer(ProgrammeResult.Conflict, View(), c.Kind == RectificationStep.Closed && c.Closure is null ? "closure"
                : c.Kind == RectificationStep.Closed && c.Evidence.Length == 0 ? "evidence" : "kind", refusal);
        }
        if (c.On > Configuration.ReportingClock.DayOf(clock.GetUtcNow()))
        {
            return new RectificationAnswer(ProgrammeResult.Conflict, View(), "on", "日期不能晚于今天 (not in the future)");
        }
        if (c.On < latest.On)
        {
            return new RectificationAnswer(ProgrammeResult.Conflict, View(), "on", $"日期不能早于上一步 {latest.On:yyyy-MM-dd} (not before the last step)");
        }
        var now = clock.GetUtcNow();
        var step = new RectificationStepRecord
        {
            CaseId = Id, Kind = EnumTokens.Token(c.Kind), State = EnumTokens.Token(Rectification.After(state, c.Kind)!.Value), On = c.On, Text = c.Text.Trim(),
            Closure = c.Kind == RectificationStep.Closed ? EnumTokens.Token(c.Closure!.Value) : null,
            Evidence = c.Evidence.Length == 0 ? null : string.Join(' ', c.Evidence.Distinct()), Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.RectificationSteps.Add(step);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = $"rectification.{step.Kind}", Subject = Id,
                Detail = step.Closure is null ? step.Text : $"{step.Closure}: {step.Text} [{step.Evidence}]" });
        });
        _steps.Add(step);
        return new RectificationAnswer(ProgrammeResult.Done, View());
    }

    async Task<EvidenceView?> IRectificationCaseGrain.AttachAsync(string fileName, string contentType, byte[] content, Caller caller)
    {
        if (_case is null || !Acts(caller, _case.ParkCode) || StoredFile.Of(fileName, contentType, content) is not { } file
            || _steps[^1].State == EnumTokens.Token(RectificationState.Closed))
        {
            return null;
        }
        var (sha, name, type) = file;
        if (_evidence.FirstOrDefault(e => e.Sha256 == sha) is { } stored)
        {
            return stored;   // the same file again: stored once
        }
        var now = clock.GetUtcNow();
        await writer.WriteAsync(db =>
        {
            db.RectificationEvidence.Add(new RectificationEvidenceRecord
            {
                CaseId = Id, Sha256 = sha, FileName = name, ContentType = type, Content = content, UploadedAt = now, UploadedBy = caller.Account,
            });
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = caller.Account, Action = "rectification.evidence", Subject = Id, Detail = $"{name} {sha}" });
        });
        var view = new EvidenceView(sha, name, type, content.Length, now, caller.Account);
        _evidence.Add(view);
        return view;
    }

    private RectificationView? View()
    {
        if (_case is not { } c)
        {
            return null;
        }
        var latest = _steps[^1];
        var closing = _steps.LastOrDefault(s => s.Closure is not null);
        return new RectificationView(c.Id, c.Campaign, c.Uscc is null ? null : Uscc.Parse(c.Uscc), c.Block, c.Town, c.ParkCode,
            c.Problems.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(EnumTokens.Parse<ProblemCategory>).ToArray(), c.SupervisionCaseId,
            c.ResponsibleUnit, c.Measures, c.Deadline, EnumTokens.Parse<RectificationState>(latest.State),
            closing?.Closure is { } k ? EnumTokens.Parse<ClosureKind>(k) : null, closing?.On,
            _steps.Select(s => new RectificationStepView(EnumTokens.Parse<RectificationStep>(s.Kind), EnumTokens.Parse<RectificationState>(s.State), s.On, s.Text,
                s.Closure is null ? null : EnumTokens.Parse<ClosureKind>(s.Closure), (s.Evidence ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
                s.Actor, s.At)).ToArray(),
            _evidence.ToArray());
    }
}
