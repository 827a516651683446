using Carbon.Domain.Registry;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Filings;

public static class FilingEndpoints
{
    public static IEndpointRouteBuilder MapFilings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enterprises/{uscc}/filings").WithTags("Filings 月度填报");
        group.MapPut("/{month}", PutAsync).WithName("FileMonth")
            .WithSummary("填报或修订月度数据 File a month, or revise it (a revision needs a reason)");
        group.MapGet("/{month}", GetAsync).WithName("GetFiling")
            .WithSummary("月度填报及修订记录 A month's current filing and its revision history");
        return app;
    }

    internal static async Task<Results<Created<FilingResponse>, Ok<FilingResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string uscc, string month, FilingRequest body, FilingRouteValidator routeValidator, FilingRequestValidator bodyValidator,
        IGrainFactory grains, HttpContext http)
    {
        var route = await routeValidator.ValidateAsync(new FilingRoute(uscc, month));
        var content = await bodyValidator.ValidateAsync(body);
        if (!route.IsValid || !content.IsValid)
        {
            return Problems.Validation(route, content);
        }
        var ym = YearMonth.Parse(month);
        var grain = grains.GetGrain<IEnterpriseGrain>(uscc);
        var outcome = await grain.FileAsync(new FilingSubmission(ym.Year, ym.Month, body.ToContent(), body.Reason, Actor.Of(http)));
        switch (outcome.Status)
        {
            case FilingStatus.UnknownEnterprise:
                return Problems.NotFound("uscc", $"未登记企业 {uscc}，请先登记 (no enterprise registered with USCC {uscc}; register it first)");
            case FilingStatus.ReasonRequired:
                return Problems.Field("reason",
                    $"{month} 已有第{outcome.Revision}版，修订必须说明原因 (revision {outcome.Revision} exists; a revision must give a reason)");
        }
        var response = FilingResponse.From(uscc, outcome.View!, outcome.Status.ToString().ToLowerInvariant());
        return outcome.Status == FilingStatus.Created
            ? TypedResults.Created($"/api/enterprises/{uscc}/filings/{month}", response)
            : TypedResults.Ok(response);
    }

    internal static async Task<Results<Ok<FilingResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string uscc, string month, FilingRouteValidator routeValidator, IGrainFactory grains)
    {
        var route = await routeValidator.ValidateAsync(new FilingRoute(uscc, month));
        if (!route.IsValid)
        {
            return Problems.Validation(route);
        }
        var grain = grains.GetGrain<IEnterpriseGrain>(uscc);
        if (await grain.GetAsync() is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
        }
        var ym = YearMonth.Parse(month);
        var view = await grain.GetFilingAsync(ym.Year, ym.Month);
        return view is null
            ? Problems.NotFound("month", $"{uscc} 未填报 {month} (no filing for {month})")
            : TypedResults.Ok(FilingResponse.From(uscc, view, null));
    }
}
