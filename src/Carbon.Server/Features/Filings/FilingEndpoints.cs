using System.Security.Claims;
using Carbon.Domain.Registry;
using Carbon.Server.Accounts;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
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
        group.MapGet("/", ListAsync).WithName("ListFilings")
            .WithSummary("已填报月份 The months a firm filed and the current revision of each");
        api.MapGet("/filings/missing", MissingAsync).WithTags("Filings 月度填报").WithName("MissingFilings")
            .WithSummary("应报未报 The firms (in the caller's scope) registered by a month that have not filed it");
        return api;
    }

    internal static async Task<Results<Created<FilingResponse>, Ok<FilingResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        [AsParameters] FilingRoute route, FilingRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var outcome = await grains.Enterprise(route.Uscc).FileAsync(new FilingSubmission(body.ToDomain(route.Month), body.Reason,
            user.RequiredCaller(), body.Omitted(), body.Confirm == true ? body.Note : null));
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
        IGrainFactory grains, ClaimsPrincipal user)
    {
        var grain = grains.Enterprise(route.Uscc);
        var caller = user.RequiredCaller();
        if (await grain.GetAsync(caller) is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {route.Uscc} (no enterprise registered with USCC {route.Uscc})");
        }
        return await grain.GetFilingAsync(route.Month, caller, revision) is { } view
            ? TypedResults.Ok(FilingResponse.From(route.Uscc, view))
            : revision is { } n
                ? Problems.NotFound("revision", $"{route.Month} 无第{n}版 (no revision {n} of {route.Month})")
                : Problems.NotFound("month", $"{route.Uscc} 未填报 {route.Month} (no filing for {route.Month})");
    }

    internal static async Task<Results<Ok<MonthRevision[]>, ProblemHttpResult>> ListAsync(Uscc uscc, IGrainFactory grains, ClaimsPrincipal user) =>
        await grains.Enterprise(uscc).ListFilingsAsync(user.RequiredCaller()) is { } months
            ? TypedResults.Ok(months)
            : Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");

    /// <summary>
    /// 应报未报: the firms the caller may see that were registered before the end of <paramref name="month"/> and have not
    /// filed it, in USCC order.
    /// </summary>
    internal static async Task<Results<Ok<MissingFilingResponse[]>, ValidationProblem>> MissingAsync(YearMonth? month, RegistryReads registry,
        ClaimsPrincipal user)
    {
        if (month is not { } m)
        {
            return Problems.Field("month", "month 必填，格式 yyyy-MM (month is required, yyyy-MM)");
        }
        var caller = user.RequiredCaller();
        var filed = await registry.LoadFiledAsync(m.Year, m.Month);
        var end = new DateTimeOffset(m.Year, m.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        return TypedResults.Ok((await registry.LoadVisibleAsync(caller))
            .Where(r => r.Identity.RegisteredAt < end && !filed.Contains(r.Identity.Uscc))
            .OrderBy(r => r.Identity.Uscc, StringComparer.Ordinal)
            .Select(r => new MissingFilingResponse(Uscc.Parse(r.Identity.Uscc), r.Profile.Name, r.Identity.ParkCode, r.Profile.Scale))
            .ToArray());
    }
}

/// <summary>A firm that has not filed the month asked about (应报未报).</summary>
public sealed record MissingFilingResponse(Uscc Uscc, string Name, string? ParkCode, string Scale);
