using System.Security.Claims;
using Carbon.Domain.Access;
using Carbon.Domain.Policies;
using Carbon.Domain.Registry;
using Carbon.Server.Accounts;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Policies;

/// <summary>诉求直办: a firm files a request, an official routes it to the responsible unit and records the reply, the firm closes it.</summary>
public static class RequestEndpoints
{
    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/requests").WithTags("Policies 惠企政策");
        group.MapGet("/", ListAsync).WithName("ListRequests")
            .WithSummary("诉求 The requests the caller may see, with response-time figures by unit and category");
        group.MapPost("/", FileAsync).WithName("FileRequest").WithSummary("提出诉求 A firm's request: category, title, text");
        group.MapGet("/{id}", GetAsync).WithName("GetRequest").WithSummary("诉求 A request with every step and its attachments");
        group.MapPost("/{id}/steps", StepAsync).WithName("RecordRequestStep")
            .WithSummary("交办、答复、办结 Routed to a unit, replied, closed (satisfied or not); the firm may send a reply back");
        group.MapPost("/{id}/attachments", AttachAsync).WithName("AttachToRequest").DisableAntiforgery()
            .WithSummary("附件 Upload a file (≤ 10 MB) to an open request");
        group.MapGet("/{id}/attachments/{sha256}", AttachmentAsync).WithName("GetRequestAttachment").WithSummary("附件文件 An attachment");
        return api;
    }

    internal static async Task<Ok<RequestsResponse>> ListAsync(RequestDesk desk, ClaimsPrincipal user) =>
        TypedResults.Ok(await desk.ListAsync(user.RequiredCaller()));

    internal static async Task<Results<Created<ServiceRequestView>, ValidationProblem, ProblemHttpResult>> FileAsync(ServiceRequestBody body,
        IGrainFactory grains, ClaimsPrincipal user)
    {
        var id = Guid.NewGuid().ToString("N");
        var answer = await grains.GetGrain<IServiceRequestGrain>(id).FileAsync(body.ToCommand(user.RequiredCaller()));
        return answer.Result == ProgrammeResult.Done ? TypedResults.Created($"/api/requests/{id}", answer.Request!) : Problem(answer);
    }

    internal static async Task<Results<Ok<ServiceRequestView>, ProblemHttpResult>> GetAsync(string id, RequestDesk desk, ClaimsPrincipal user) =>
        await desk.FindAsync(id, user.RequiredCaller()) is { } v ? TypedResults.Ok(v) : NoRequest(id);

    internal static async Task<Results<Ok<ServiceRequestView>, ValidationProblem, ProblemHttpResult>> StepAsync(string id, RequestStepBody body,
        RequestDesk desk, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await desk.FindAsync(id, caller) is null)
        {
            return NoRequest(id);
        }
        var answer = await grains.GetGrain<IServiceRequestGrain>(id.ToLowerInvariant()).RecordAsync(body.ToCommand(caller));
        return answer.Result == ProgrammeResult.Done ? TypedResults.Ok(answer.Request!) : Problem(answer);
    }

    internal static async Task<Results<Created<EvidenceView>, ProblemHttpResult, ValidationProblem>> AttachAsync(string id, HttpRequest request,
        RequestDesk desk, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await desk.FindAsync(id, caller) is null)
        {
            return NoRequest(id);
        }
        return await EvidenceUpload.AttachAsync(request,
            f => grains.GetGrain<IServiceRequestGrain>(id.ToLowerInvariant()).AttachAsync(f.Name, f.ContentType, f.Content, caller),
            v => $"/api/requests/{id}/attachments/{v.Sha256}", () => Problems.Conflict("id", "诉求已办结，或您不能为其上传附件 (the request is closed, or not yours to add files to)"));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AttachmentAsync(string id, string sha256, RequestDesk desk, PlanReads reads,
        ClaimsPrincipal user)
    {
        if (await desk.FindAsync(id, user.RequiredCaller()) is null || await reads.FindAttachmentAsync(id.ToLowerInvariant(), sha256.ToLowerInvariant()) is not { } file)
        {
            return Problems.NotFound("sha256", $"本诉求无此附件 (no such attachment in request {id})");
        }
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static ProblemHttpResult NoRequest(string id) => Problems.NotFound("id", $"无此诉求 {id} (no such request)");

    private static ProblemHttpResult Problem(RequestAnswer a) => Programme.ProgrammeEndpoints.Problem(a.Result, a.Field, a.Message);
}

/// <summary>The requests a caller may see, and their response-time figures (<see cref="ServiceRequests.Figures"/>).</summary>
public sealed class RequestDesk(PlanReads reads, RegistryReads registry, IGrainFactory grains, WarningCatalog rules, TimeProvider clock)
{
    public int ReplyLimitDays => rules.File.RequestReplyDays!.Value;

    public async Task<ServiceRequestView?> FindAsync(string id, Caller caller) =>
        id.Length == 32 && id.All(char.IsAsciiHexDigit) ? await grains.GetGrain<IServiceRequestGrain>(id.ToLowerInvariant()).GetAsync(caller) : null;

    public async Task<RequestsResponse> ListAsync(Caller caller)
    {
        var firms = (await registry.LoadRegistryAsync()).ToDictionary(r => r.Identity.Uscc, r => (r.Profile.Name, r.Identity.ParkCode), StringComparer.Ordinal);
        var visible = await reads.RequestsAsync(caller.SeesDistrict ? null
            : firms.Where(f => caller.CanRead(Uscc.Parse(f.Key), f.Value.ParkCode)).Select(f => f.Key).ToList());
        var now = clock.GetUtcNow();
        var limit = TimeSpan.FromDays(ReplyLimitDays);
        var rows = visible.Select(r =>
        {
            var view = ServiceRequestGrain.View(r.Request, r.Steps, []);
            var replied = r.Steps.FirstOrDefault(s => s.Kind == EnumTokens.Token(RequestStep.Replied))?.At;
            return (Times: new RequestTimes(r.Request.FiledAt, replied, view.Unit, view.Category, view.State == RequestState.Closed),
                Row: new RequestRow(view.Id, view.Uscc, firms.GetValueOrDefault(view.Uscc.Value).Name, view.Category, view.Title, view.State, view.Unit,
                    view.FiledAt, replied, replied is { } at ? Math.Round((decimal)(at - view.FiledAt).TotalHours, 1) : null,
                    replied is null && view.State != RequestState.Closed && now - view.FiledAt > limit));
        }).ToList();
        ResponseFiguresLine Line(string group, IEnumerable<RequestTimes> times)
        {
            var f = ServiceRequests.Figures(times.ToList(), now, ReplyLimitDays);
            return new ResponseFiguresLine(group, f.Requests, f.Replied, f.Open, f.OverdueOpen, R(f.MeanHours), R(f.MedianHours), R(f.WithinLimit));
        }
        return new RequestsResponse(ReplyLimitDays, rows.Select(r => r.Row).ToArray(), Line("all", rows.Select(r => r.Times)),
            rows.GroupBy(r => r.Times.Unit ?? "未交办").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Line(g.Key, g.Select(r => r.Times))).ToArray(),
            rows.GroupBy(r => r.Times.Category).OrderBy(g => g.Key).Select(g => Line(EnumTokens.Token(g.Key), g.Select(r => r.Times))).ToArray());
    }

    private static decimal? R(decimal? v) => v is { } x ? Math.Round(x, 4) : null;
}
