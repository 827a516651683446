using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Filings;

public static class FilingEndpoints
{
    public static IEndpointRouteBuilder MapFilings(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/enterprises/{uscc}/filings").WithTags("Filings 月度填报");
        group.MapPut("/{month}", PutAsync).WithName("FileMonth")
            .WithSummary("填报或修订月度数据 File a month, or revise it (a revision needs a reason)");
        group.MapGet("/{month}", GetAsync).WithName("GetFiling")
            .WithSummary("月度填报及修订记录 A month's current filing and its revision history");
        return api;
    }

    internal static async Task<Results<Created<FilingResponse>, Ok<FilingResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        [AsParameters] FilingRoute route, FilingRequest body, IGrainFactory grains, HttpContext http)
    {
        var outcome = await grains.Enterprise(route.Uscc).FileAsync(
            new FilingSubmission(body.ToDomain(route.Month), body.Reason, Actor.Of(http), body.Omitted(), body.Confirm == true ? body.Note : null));
        return outcome.Status switch
        {
            FilingStatus.UnknownEnterprise => Problems.NotFound("uscc",
                $"未登记企业 {route.Uscc}，请先登记 (no enterprise registered with USCC {route.Uscc}; register it first)"),
            FilingStatus.ReasonRequired => Problems.Field("reason",
                $"{route.Month} 已有第{outcome.Revision}版，修订必须说明原因 (revision {outcome.Revision} exists; a revision must give a reason)"),
            FilingStatus.Unconfirmed => Problems.Fields(outcome.Implausible!.ToDictionary(i => $"energy[{i.Line}].quantity",
                i => new[]
                {
                    $"{i.Quantity} 远超本企业历史：{i.Reference} 推算应在 {i.ExpectedMin}–{i.ExpectedMax} 之间；如确属实，请加 \"confirm\": true 和 \"note\" 说明 " +
                    $"({i.Carrier} is far outside this firm's history, {i.ExpectedMin}..{i.ExpectedMax} expected; if right, send confirm: true with a note)",
                })),
            FilingStatus.SectionOmitted => Problems.Field(outcome.Field!,
                $"第{outcome.Revision}版填报了 {outcome.Field}，本次修订未填写；如需删除请显式填 null (revision {outcome.Revision} has {outcome.Field}; " +
                "send it again, or send null to remove it — a filed value is never dropped by omission)"),
            FilingStatus.Created => TypedResults.Created($"/api/enterprises/{route.Uscc}/filings/{route.Month}",
                FilingResponse.From(route.Uscc, outcome.View!, outcome.Status)),
            _ => TypedResults.Ok(FilingResponse.From(route.Uscc, outcome.View!, outcome.Status)),
        };
    }

    internal static async Task<Results<Ok<FilingResponse>, ProblemHttpResult>> GetAsync([AsParameters] FilingRoute route, int? revision,
        IGrainFactory grains)
    {
        var grain = grains.Enterprise(route.Uscc);
        if (await grain.GetAsync() is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {route.Uscc} (no enterprise registered with USCC {route.Uscc})");
        }
        return await grain.GetFilingAsync(route.Month, revision) is { } view
            ? TypedResults.Ok(FilingResponse.From(route.Uscc, view))
            : revision is { } n
                ? Problems.NotFound("revision", $"{route.Month} 无第{n}版 (no revision {n} of {route.Month})")
                : Problems.NotFound("month", $"{route.Uscc} 未填报 {route.Month} (no filing for {route.Month})");
    }
}
