using System.Security.Claims;
using Carbon.Domain.Registry;
using Carbon.Server.Accounts;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Metrics;

public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder api)
    {
        api.MapGet("/enterprises/{uscc}/metrics", EnterpriseAsync).WithTags("Metrics 指标").WithName("EnterpriseMetrics")
            .WithSummary("企业能耗、碳排放、用水及强度 Enterprise energy, CO2, water, intensities and reduction vs 2020");
        api.MapGet("/parks/{code}/metrics", ParkAsync).WithTags("Metrics 指标").WithName("ParkMetrics")
            .WithSummary("园区指标 Park totals over its members");
        api.MapGet("/district/metrics", DistrictAsync).WithTags("Metrics 指标").WithName("DistrictMetrics")
            .WithSummary("全区指标 District totals: every park and the enterprises outside parks");
        return api;
    }

    internal static async Task<Results<Ok<MetricsResponse>, ProblemHttpResult>> EnterpriseAsync(
        Uscc uscc, [AsParameters] MetricsQuery query, MetricsCalculator calculator, IGrainFactory grains, ClaimsPrincipal user)
    {
        var grain = grains.Enterprise(uscc);
        var caller = user.RequiredCaller();
        if (await grain.GetAsync(caller) is not { } view)
        {
            return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
        }
        var period = new PeriodQuery(query.Year!.Value, query.ThroughMonth ?? 12);
        var totals = await grain.GetTotalsAsync(period, caller);
        return TypedResults.Ok(calculator.Compute(new ScopeResponse("enterprise", uscc.Value, view.Profile.Name, 1), period, totals!,
            query.Trace == true, firm: true, firmIndustryCode: view.Profile.IndustryCode));
    }

    internal static async Task<Results<Ok<MetricsResponse>, ProblemHttpResult>> ParkAsync(
        string code, [AsParameters] MetricsQuery query, MetricsCalculator calculator, IGrainFactory grains, ClaimsPrincipal user)
    {
        var grain = ParkCodes.IsValid(code)
            ? grains.GetGrain<IParkGrain>(code)
            : null;
        var caller = user.RequiredCaller();
        var view = grain is null ? null : await grain.GetAsync(caller);
        if (view is null)
        {
            return Problems.NotFound("code", $"未登记园区 {code} (no park registered with code {code})");
        }
        var period = new PeriodQuery(query.Year!.Value, query.ThroughMonth ?? 12);
        var totals = await grain!.GetTotalsAsync(period, caller);
        return TypedResults.Ok(calculator.Compute(new ScopeResponse("park", code, view.Profile.Name, view.Enterprises), period,
            totals!, query.Trace == true));
    }

    internal static async Task<Results<Ok<MetricsResponse>, ProblemHttpResult>> DistrictAsync(
        [AsParameters] MetricsQuery query, MetricsCalculator calculator, IGrainFactory grains, ClaimsPrincipal user)
    {
        var period = new PeriodQuery(query.Year!.Value, query.ThroughMonth ?? 12);
        var district = grains.GetGrain<IDistrictGrain>(DistrictKeys.District);
        if (await district.GetTotalsAsync(period, user.RequiredCaller()) is not { } totals)
        {
            return Problems.Forbidden("全区指标仅对区级角色开放 (district figures are for district roles)");
        }
        var enterprises = await district.CountEnterprisesAsync();
        return TypedResults.Ok(calculator.Compute(new ScopeResponse("district", DistrictKeys.District, "全区", enterprises), period,
            totals, query.Trace == true));
    }
}
