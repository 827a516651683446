using Carbon.Domain.Access;
using Carbon.Domain.Policies;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("service-request")]
public sealed class ServiceRequestGrain(PlanReads reader, LedgerWriter writer, TimeProvider clock) : Grain, IServiceRequestGrain
{
    private ServiceRequestRecord? _request;
    private string? _park;
    private List<ServiceRequestStepRecord> _steps = [];
    private List<EvidenceView> _attachments = [];

    private string Id => this.GetPrimaryKeyString();

    private static readonly Caller Service = Caller.System("requests");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if ((await reader.RequestsAsync(id: Id)).FirstOrDefault() is { Request: not null } found)
        {
            (_request, _steps) = found;
            _park = (await GrainFactory.Enterprise(Uscc.Parse(_request.Uscc)).GetAsync(Service))?.Profile.ParkCode;
            _attachments = (await reader.AttachmentsAsync(Id)).Select(a => new EvidenceView(a.Sha256, a.FileName, a.ContentType, a.Length, a.UploadedAt, a.UploadedBy)).ToList();
        }
    }

    Task<ServiceRequestView?> IServiceRequestGrain.GetAsync(Caller caller) =>
        Task.FromResult(_request is { } r && caller.CanRead(Uscc.Parse(r.Uscc), _park) ? View() : null);

    /// <summary>A firm's own filer files (or an official on its behalf, e.g. from a phone call).</summary>
    async Task<RequestAnswer> IServiceRequestGrain.FileAsync(FileRequest c)
    {
        GrainGuards.FileRequest(Id, c);
        if (!c.Caller.CanFile(c.Uscc) || await GrainFactory.Enterprise(c.Uscc).GetAsync(Service) is not { } firm)
        {
            return new RequestAnswer(ProgrammeResult.UnknownEnterprise, null, "uscc", $"未登记企业 {c.Uscc}，或您不能为其提出诉求 (no firm of yours)");
        }
        if (_request is not null)
        {
            return new RequestAnswer(ProgrammeResult.Conflict, null, "id", $"诉求 {Id} 已存在 (request exists)");
        }
        var now = clock.GetUtcNow();
        var record = new ServiceRequestRecord
        {
            Id = Id, Uscc = c.Uscc.Value, Category = EnumTokens.Token(c.Category), Title = c.Title.Trim(), Text = c.Text.Trim(), FiledAt = now,
            FiledBy = c.Caller.Account,
        };
        var filed = new ServiceRequestStepRecord
        {
            RequestId = Id, Kind = EnumTokens.Token(RequestStep.Filed), State = EnumTokens.Token(RequestState.Filed), Text = record.Title,
            Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.ServiceRequests.Add(record);
            db.ServiceRequestSteps.Add(filed);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = "request.filed", Subject = Id,
                Detail = $"{record.Uscc} {record.Category}: {record.Title}" });
        });
        (_request, _park, _steps) = (record, firm.Profile.ParkCode, [filed]);
        return new RequestAnswer(ProgrammeResult.Done, View());
    }

    /// <summary>
    /// Officials route, reply (for the unit) and close; the firm's filer closes a replied request (satisfied or not) or
    /// sends it back (routed again, to the same unit).
    /// </summary>
    async Task<RequestAnswer> IServiceRequestGrain.RecordAsync(RequestStepCommand c)
    {
        GrainGuards.RequestStep(Id, c);
        if (_request is not { } r || !c.Caller.CanRead(Uscc.Parse(r.Uscc), _park))
        {
            return new RequestAnswer(ProgrammeResult.NotFound, null, "id", $"无此诉求 {Id} (no such request)");
        }
        var state = EnumTokens.Parse<RequestState>(_steps[^1].State);
        var firm = c.Caller.CanFile(Uscc.Parse(r.Uscc)) && !c.Caller.Administers;
        if (!c.Caller.Administers && !(firm && state == RequestState.Replied && c.Step is RequestStep.Closed or RequestStep.Routed))
        {
            return new RequestAnswer(ProgrammeResult.Refused, null, "caller",
                "交办、答复由区经信局办理；企业可对答复办结或退回 (officials route and reply; the firm closes or sends back a reply)");
        }
        if (firm && c.Step == RequestStep.Closed && c.Satisfied is null)
        {
            return new RequestAnswer(ProgrammeResult.Conflict, View(), "satisfied", "办结须说明是否满意 satisfied (say whether the firm is satisfied)");
        }
        if (ServiceRequests.After(state, c.Step) is not { } next)
        {
            return new RequestAnswer(ProgrammeResult.Conflict, View(), "step", $"诉求当前为 {EnumTokens.Token(state)}，不能 {EnumTokens.Token(c.Step)} (not from this state)");
        }
        var unit = c.Step == RequestStep.Routed ? (firm ? Unit() : c.Unit?.Trim()) : Unit();
        var now = clock.GetUtcNow();
        var step = new ServiceRequestStepRecord
        {
            RequestId = Id, Kind = EnumTokens.Token(c.Step), State = EnumTokens.Token(next), Unit = unit, Text = c.Text.Trim(),
            Satisfied = c.Step == RequestStep.Closed && firm ? c.Satisfied : null, Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.ServiceRequestSteps.Add(step);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = $"request.{step.Kind}", Subject = Id,
                Detail = step.Unit is null ? step.Text : $"{step.Unit}: {step.Text}" });
        });
        _steps.Add(step);
        return new RequestAnswer(ProgrammeResult.Done, View());
    }

    async Task<EvidenceView?> IServiceRequestGrain.AttachAsync(string fileName, string contentType, byte[] content, Caller caller)
    {
        if (_request is not { } r || !(caller.Administers || caller.CanFile(Uscc.Parse(r.Uscc)))
            || StoredFile.Of(fileName, contentType, content) is not { } file || _steps[^1].State == EnumTokens.Token(RequestState.Closed))
        {
            return null;
        }
        var (sha, name, type) = file;
        if (_attachments.FirstOrDefault(e => e.Sha256 == sha) is { } stored)
        {
            return stored;
        }
        var now = clock.GetUtcNow();
        await writer.WriteAsync(db =>
        {
            db.ServiceRequestAttachments.Add(new ServiceRequestAttachmentRecord
            {
                RequestId = Id, Sha256 = sha, FileName = name, ContentType = type, Content = content, UploadedAt = now, UploadedBy = caller.Account,
            });
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = caller.Account, Action = "request.attachment", Subject = Id, Detail = $"{name} {sha}" });
        });
        var view = new EvidenceView(sha, name, type, content.Length, now, caller.Account);
        _attachments.Add(view);
        return view;
    }

    /// <summary>The unit the request was last routed to.</summary>
    private string? Unit() => _steps.LastOrDefault(s => s.Unit is not null)?.Unit;

    internal static ServiceRequestView View(ServiceRequestRecord r, IReadOnlyList<ServiceRequestStepRecord> steps, EvidenceView[] attachments) =>
        new(r.Id, Uscc.Parse(r.Uscc), EnumTokens.Parse<RequestCategory>(r.Category), r.Title, r.Text, r.FiledAt, r.FiledBy,
            EnumTokens.Parse<RequestState>(steps[^1].State), steps.LastOrDefault(s => s.Unit is not null)?.Unit,
            steps.Select(s => new RequestStepView(EnumTokens.Parse<RequestStep>(s.Kind), EnumTokens.Parse<RequestState>(s.State), s.Unit, s.Text, s.Satisfied,
                s.Actor, s.At)).ToArray(), attachments);

    private ServiceRequestView? View() => _request is { } r ? View(r, _steps, _attachments.ToArray()) : null;
}
