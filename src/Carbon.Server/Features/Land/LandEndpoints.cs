using Carbon.Server.Ledger;
using System.Security.Claims;
using Carbon.Domain.LandUse;
using Carbon.Server.Accounts;
using Carbon.Server.Configuration;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Land;

public static class LandEndpoints
{
    public static IEndpointRouteBuilder MapLand(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/parcels").WithTags("Land 工业用地");
        group.MapPost("/", RegisterAsync).WithName("RegisterParcel")
            .WithSummary("登记地块 Register a parcel: where, how supplied, to whom, and (标准地) the contract's obligations");
        group.MapGet("/", ListAsync).WithName("ListParcels").WithSummary("地块 The parcels the caller may see");
        group.MapGet("/{parcel}", GetAsync).WithName("GetParcel").WithSummary("地块 A parcel: register, state, holder, what may happen next, every event");
        group.MapPost("/{parcel}/events", RecordAsync).WithName("RecordParcelEvent")
            .WithSummary("记录地块事项 Record 开工, 竣工 (with investment and floor-area ratio), 投产, 续期, 转让 (obligations pass), 收回, 出租/退租, " +
                "低效认定, 处置 (begun, completed) or an agreed remedy enforced");
        group.MapGet("/{parcel}/review", ReviewAsync).WithName("ParcelReview")
            .WithSummary("达产复核 The contract held against the holder's figures for a year (?year=, default the contract's review year)");
        group.MapPost("/{parcel}/review", RecordReviewAsync).WithName("RecordParcelReview")
            .WithSummary("记录达产复核 Review the parcel now and record the result: passed, or in breach with the broken clauses");
        api.MapGet("/land/low-efficiency", LowEfficiencyAsync).WithTags("Land 工业用地").WithName("LowEfficiencyLand")
            .WithSummary("低效用地 Parcels the data proposes (class D, 亩均税收 below the threshold, 12 months idle), those confirmed, disposals, 亩 freed");
        return api;
    }

    internal static async Task<Ok<LowEfficiencyResponse>> LowEfficiencyAsync(LandService land, ClaimsPrincipal user) =>
        TypedResults.Ok(await land.LowEfficiencyAsync(user.RequiredCaller()));

    internal static async Task<Results<Created<ParcelResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(ParcelRequest body,
        IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        var answer = await grains.GetGrain<IParcelGrain>(body.Code!).RegisterAsync(body.ToCommand(caller));
        return answer.Result == ParcelResult.Done
            ? TypedResults.Created($"/api/parcels/{body.Code}", ParcelResponse.From(answer.Parcel!))
            : Problem(answer);
    }

    internal static async Task<Ok<ParcelSummary[]>> ListAsync(LandService land, ClaimsPrincipal user) =>
        TypedResults.Ok((await land.ListAsync(user.RequiredCaller())).ToArray());

    internal static async Task<Results<Ok<ParcelResponse>, ProblemHttpResult>> GetAsync(string parcel, LandService land, ClaimsPrincipal user) =>
        await land.FindAsync(parcel, user.RequiredCaller()) is { } v ? TypedResults.Ok(ParcelResponse.From(v)) : NoParcel(parcel);

    internal static async Task<Results<Ok<ParcelResponse>, ValidationProblem, ProblemHttpResult>> RecordAsync(string parcel, ParcelEventRequest body,
        LandService land, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await land.FindAsync(parcel, caller) is null)
        {
            return NoParcel(parcel);
        }
        var answer = await grains.GetGrain<IParcelGrain>(parcel).RecordAsync(body.ToCommand(caller));
        return answer.Result == ParcelResult.Done ? TypedResults.Ok(ParcelResponse.From(answer.Parcel!)) : Problem(answer);
    }

    internal static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> ReviewAsync(string parcel, int? year, LandService land,
        ReportingClock clock, ClaimsPrincipal user)
    {
        if (await land.FindAsync(parcel, user.RequiredCaller()) is not { } v)
        {
            return NoParcel(parcel);
        }
        if (YearOf(v, year, clock) is not { } y)
        {
            return Problems.Field("year", $"复核年度应为已结束的年度 {ReportingClock.FirstMonth.Year} 至 {clock.Today.Year - 1} (a year that has ended: {ReportingClock.FirstMonth.Year}..{clock.Today.Year - 1})");
        }
        return await land.ReviewAsync(v, y, user.RequiredCaller()) is { } review
            ? TypedResults.Ok(review with { State = v.State })
            : Problems.Conflict("parcel", $"地块 {parcel} 的供地合同没有约定指标，无需达产复核 (no obligations to review)");
    }

    /// <summary>
    /// Reviews the parcel against its review year (or the year given) and records the result: passed when every clause is
    /// met; in breach when one is broken (the clauses and the agreed remedies go on the event). A clause that cannot be
    /// measured (a figure missing) blocks a pass: record 竣工's investment and floor-area ratio first.
    /// </summary>
    internal static async Task<Results<Ok<ReviewResponse>, ValidationProblem, ProblemHttpResult>> RecordReviewAsync(string parcel, ReviewRequest body,
        LandService land, IGrainFactory grains, ReportingClock clock, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await land.FindAsync(parcel, caller) is not { } v)
        {
            return NoParcel(parcel);
        }
        if (YearOf(v, body.Year, clock) is not { } y)
        {
            return Problems.Field("year", $"复核年度应为已结束的年度 {ReportingClock.FirstMonth.Year} 至 {clock.Today.Year - 1} (a year that has ended: {ReportingClock.FirstMonth.Year}..{clock.Today.Year - 1})");
        }
        if (await land.ReviewAsync(v, y, caller) is not { } review)
        {
            return Problems.Conflict("parcel", $"地块 {parcel} 的供地合同没有约定指标，无需达产复核 (no obligations to review)");
        }
        if (!review.Breached && review.Clauses.FirstOrDefault(c => c.Met is null) is { } unmeasured)
        {
            return Problems.Conflict("year", $"{EnumTokens.Token(unmeasured.Clause)} 无法测算（缺少数据），不能通过复核 (a clause cannot be measured: a review cannot pass)");
        }
        var e = review.Breached ? ParcelEvent.FailReview : ParcelEvent.PassReview;
        var answer = await grains.GetGrain<IParcelGrain>(parcel).RecordAsync(new ParcelEventCommand(e, body.On!.Value, body.Document!, null, null, null, null,
            LandService.Describe(review), caller));
        return answer.Result == ParcelResult.Done ? TypedResults.Ok(review with { State = answer.Parcel!.State }) : Problem(answer);
    }

    /// <summary>The year asked, else the contract's review year; only a year that has ended (2020 to last year), else null.</summary>
    internal static int? YearOf(ParcelView v, int? year, ReportingClock clock) =>
        (year ?? v.Obligations?.ReviewYear ?? clock.Today.Year - 1) is var y && y >= ReportingClock.FirstMonth.Year && y < clock.Today.Year ? y : null;

    private static ProblemHttpResult NoParcel(string code) => Problems.NotFound("parcel", $"无此地块 {code} (no such parcel)");

    private static ProblemHttpResult Problem(ParcelAnswer a) => a.Result switch
    {
        ParcelResult.NotFound or ParcelResult.UnknownEnterprise => Problems.NotFound(a.Field ?? "parcel", a.Message ?? "not found"),
        ParcelResult.Refused => Problems.Forbidden(a.Message ?? "refused"),
        _ => Problems.Conflict(a.Field ?? "parcel", a.Message ?? "conflict"),
    };
}
