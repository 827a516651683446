using System.Security.Claims;
using Carbon.Domain.LandUse;
using Carbon.Server.Accounts;
using Carbon.Server.Configuration;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Programme;

public static class ProgrammeEndpoints
{

    public static IEndpointRouteBuilder MapProgramme(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/rectification").WithTags("Two small 两小整治");
        group.MapGet("/campaigns", CampaignsAsync).WithName("RectificationCampaigns")
            .WithSummary("整治专项 Each campaign against its target: cases closed by the year's end, open, overdue, by town and by park (?year=)");
        group.MapGet("/cases", ListAsync).WithName("ListRectificationCases")
            .WithSummary("整治案件 The cases the caller may see (?campaign=, ?state=open|in-progress|closed)");
        group.MapPost("/cases", OpenAsync).WithName("OpenRectificationCase")
            .WithSummary("立案 A firm or block with its problems, responsible unit, measures and deadline");
        group.MapGet("/cases/{id}", GetAsync).WithName("GetRectificationCase").WithSummary("案件 What, where, state, every step, the evidence");
        group.MapPost("/cases/{id}/steps", RecordAsync).WithName("RecordRectificationStep")
            .WithSummary("整治进展 Started, a progress note, or closed (rectified, relocated into a park, merged, shut down) citing evidence");
        group.MapPost("/cases/{id}/evidence", AttachAsync).WithName("AttachRectificationEvidence").DisableAntiforgery()
            .WithSummary("证据 Upload a file (≤ 10 MB); a closure cites it by SHA-256");
        group.MapGet("/cases/{id}/evidence/{sha256}", EvidenceAsync).WithName("GetRectificationEvidence").WithSummary("证据文件 An evidence file");

        var parks = api.MapGroup("/micro-parks").WithTags("Two small 两小整治");
        parks.MapPost("/", RegisterMicroParkAsync).WithName("RegisterMicroPark")
            .WithSummary("登记小微企业园 Operator, development model, floor area, stars and the entry standard");
        parks.MapGet("/", ListMicroParksAsync).WithName("ListMicroParks").WithSummary("小微企业园 The micro-parks the caller may see");
        parks.MapGet("/{microPark}", GetMicroParkAsync).WithName("GetMicroPark")
            .WithSummary("小微企业园 Its standard, its firms checked in the last two evaluations, every entry review and exit");
        parks.MapPost("/{microPark}/entries", EntryAsync).WithName("MicroParkEntry")
            .WithSummary("入园审核 Review an applicant against the standard on the latest evaluation: admitted or refused, with the facts");
        parks.MapPost("/{microPark}/review", ReviewAsync).WithName("MicroParkReview")
            .WithSummary("动态管理 Every firm below the standard in the last two evaluations exits");
        return api;
    }

    internal static async Task<Results<Ok<CampaignResponse[]>, ValidationProblem>> CampaignsAsync(int? year, ProgrammeService service, ReportingClock clock,
        ClaimsPrincipal user)
    {
        var y = year ?? clock.Today.Year;
        if (y < ReportingClock.FirstMonth.Year || y > clock.Today.Year)
        {
            return Problems.Field("year", $"year 应在 {ReportingClock.FirstMonth.Year} 至 {clock.Today.Year} 之间");
        }
        return TypedResults.Ok((await service.CampaignsAsync(user.RequiredCaller(), y)).ToArray());
    }

    internal static async Task<Results<Ok<RectificationRow[]>, ValidationProblem>> ListAsync(string? campaign, string? state, ProgrammeService service,
        ClaimsPrincipal user)
    {
        RectificationState? s = null;
        if (state is not null)
        {
            if (Enum.GetValues<RectificationState>().Cast<RectificationState?>().FirstOrDefault(x => EnumTokens.Token(x!.Value) == state) is not { } parsed)
            {
                return Problems.Field("state", "state 为 open, in-progress 或 closed");
            }
            s = parsed;
        }
        return TypedResults.Ok((await service.ListCasesAsync(user.RequiredCaller(), campaign, s)).ToArray());
    }

    internal static async Task<Results<Created<RectificationView>, ValidationProblem, ProblemHttpResult>> OpenAsync(RectificationRequest body,
        ProgrammeService service, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (service.Campaigns.All(c => c.Target.Id != body.Campaign))
        {
            return Problems.Field("campaign", $"未知整治专项 (unknown campaign; one of {string.Join(", ", service.Campaigns.Select(c => c.Target.Id))})");
        }
        var id = Guid.NewGuid().ToString("N");
        var answer = await grains.GetGrain<IRectificationCaseGrain>(id).OpenAsync(body.ToCommand(user.RequiredCaller()));
        return answer.Result == ProgrammeResult.Done ? TypedResults.Created($"/api/rectification/cases/{id}", answer.Case!) : Problem(answer.Result, answer.Field, answer.Message);
    }

    internal static async Task<Results<Ok<RectificationView>, ProblemHttpResult>> GetAsync(string id, ProgrammeService service, ClaimsPrincipal user) =>
        await service.FindCaseAsync(id, user.RequiredCaller()) is { } v ? TypedResults.Ok(v) : NoCase(id);

    internal static async Task<Results<Ok<RectificationView>, ValidationProblem, ProblemHttpResult>> RecordAsync(string id, RectificationStepRequest body,
        ProgrammeService service, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await service.FindCaseAsync(id, caller) is null)
        {
            return NoCase(id);
        }
        var answer = await grains.GetGrain<IRectificationCaseGrain>(id.ToLowerInvariant()).RecordAsync(body.ToCommand(caller));
        return answer.Result == ProgrammeResult.Done ? TypedResults.Ok(answer.Case!) : Problem(answer.Result, answer.Field, answer.Message);
    }

    internal static async Task<Results<Created<EvidenceView>, ProblemHttpResult, ValidationProblem>> AttachAsync(string id, HttpRequest request,
        ProgrammeService service, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await service.FindCaseAsync(id, caller) is null)
        {
            return NoCase(id);
        }
        return await EvidenceUpload.AttachAsync(request,
            f => grains.GetGrain<IRectificationCaseGrain>(id.ToLowerInvariant()).AttachAsync(f.Name, f.ContentType, f.Content, caller),
            v => $"/api/rectification/cases/{id}/evidence/{v.Sha256}",
            () => Problems.Conflict("id", "案件已销号，或您不能为其上传证据 (the case is closed, or not yours to add evidence to)"));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EvidenceAsync(string id, string sha256, ProgrammeService service,
        ProgrammeReads reads, ClaimsPrincipal user)
    {
        if (await service.FindCaseAsync(id, user.RequiredCaller()) is null || await reads.FindEvidenceAsync(id.ToLowerInvariant(), sha256.ToLowerInvariant()) is not { } file)
        {
            return Problems.NotFound("sha256", $"本案无此证据文件 (no such evidence file in case {id})");
        }
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    internal static async Task<Results<Created<MicroParkResponse>, ValidationProblem, ProblemHttpResult>> RegisterMicroParkAsync(MicroParkRequest body,
        ProgrammeService service, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        var answer = await grains.GetGrain<IMicroParkGrain>(body.Code!).RegisterAsync(body.ToCommand(caller));
        return answer.Result == ProgrammeResult.Done
            ? TypedResults.Created($"/api/micro-parks/{body.Code}", (await service.FindMicroParkAsync(body.Code!, caller))!)
            : Problem(answer.Result, answer.Field, answer.Message);
    }

    internal static async Task<Ok<MicroParkRow[]>> ListMicroParksAsync(ProgrammeService service, ClaimsPrincipal user) =>
        TypedResults.Ok((await service.ListMicroParksAsync(user.RequiredCaller())).ToArray());

    internal static async Task<Results<Ok<MicroParkResponse>, ProblemHttpResult>> GetMicroParkAsync(string microPark, ProgrammeService service, ClaimsPrincipal user) =>
        await service.FindMicroParkAsync(microPark, user.RequiredCaller()) is { } v ? TypedResults.Ok(v) : NoMicroPark(microPark);

    internal static async Task<Results<Ok<MicroParkReviewResponse>, ValidationProblem, ProblemHttpResult>> EntryAsync(string microPark, MicroParkEntryRequest body,
        ProgrammeService service, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await service.FindMicroParkViewAsync(microPark, caller) is null)
        {
            return NoMicroPark(microPark);
        }
        var answer = await service.EntryAsync(microPark, body.Uscc!.Value, body.On!.Value, caller);
        return answer.Result == ProgrammeResult.Done
            ? TypedResults.Ok(new MicroParkReviewResponse([answer.Park!.Events[^1]], (await service.FindMicroParkAsync(microPark, caller))!))
            : Problem(answer.Result, answer.Field, answer.Message);
    }

    internal static async Task<Results<Ok<MicroParkReviewResponse>, ValidationProblem, ProblemHttpResult>> ReviewAsync(string microPark, MicroParkReviewRequest body,
        ProgrammeService service, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await service.FindMicroParkViewAsync(microPark, caller) is null)
        {
            return NoMicroPark(microPark);
        }
        if (!caller.Administers)
        {
            return Problems.Forbidden("只有区经信局审核入园与退出 (officials review entries and exits)");
        }
        var (recorded, refusal) = await service.ReviewAsync(microPark, body.On!.Value, caller);
        return refusal is { } r
            ? Problem(r.Result, r.Field, r.Message)
            : TypedResults.Ok(new MicroParkReviewResponse(recorded.ToArray(), (await service.FindMicroParkAsync(microPark, caller))!));
    }

    private static ProblemHttpResult NoCase(string id) => Problems.NotFound("id", $"无此整治案件 {id} (no such case)");

    private static ProblemHttpResult NoMicroPark(string code) => Problems.NotFound("code", $"无此小微企业园 {code} (no such micro-park)");

    /// <summary>A programme grain's refusal as HTTP (cases, micro-parks, policies, plan tasks, requests): 404, 403 or 409 naming the field.</summary>
    internal static ProblemHttpResult Problem(ProgrammeResult result, string? field, string? message, string fallbackField = "id") => result switch
    {
        ProgrammeResult.NotFound or ProgrammeResult.UnknownEnterprise => Problems.NotFound(field ?? fallbackField, message ?? "not found"),
        ProgrammeResult.Refused => Problems.Forbidden(message ?? "refused"),
        _ => Problems.Conflict(field ?? fallbackField, message ?? "conflict"),
    };
}
