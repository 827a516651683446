using Carbon.Domain.Registry;
using Carbon.Server.Features.Parks;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Hosting;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Metrics;

public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{uscc}/metrics", EnterpriseAsync).WithTags("Metrics 指标").WithName("EnterpriseMetrics")
            .WithSummary("企业能耗、碳排放、用水及强度 Enterprise energy, CO2, water, intensities and reduction vs 2020");
        app.MapGet("/api/parks/{code}/metrics", ParkAsync).WithTags("Metrics 指标").WithName("ParkMetrics")
            .WithSummary("园区指标 Park totals over its members");
        app.MapGet("/api/district/metrics", DistrictAsync).WithTags("Metrics 指标").WithName("DistrictMetrics")
            .WithSummary("全区指标 District totals: every park and the enterprises outside parks");
        return app;
    }

    internal static async Task<Results<Ok<MetricsResponse>, ValidationProblem, ProblemHttpResult>> EnterpriseAsync(
        string uscc, [AsParameters] MetricsQuery query, MetricsQueryValidator validator, MetricsCalculator calculator,
        IGrainFactory grains)
    {
        var result = await validator.ValidateAsync(query);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var grain = Uscc.TryParse(uscc, out _, out _) ? grains.GetGrain<IEnterpriseGrain>(uscc) : null;
        var view = grain is null ? null : await grain.GetAsync();
        if (view is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
        }
        var period = new PeriodQuery(query.YearValue, query.ThroughMonthValue);
        var totals = await grain!.GetTotalsAsync(period);
        return TypedResults.Ok(calculator.Compute(new ScopeDto("enterprise", uscc, view.Profile.Name, 1), period, totals!,
            query.TraceValue));
    }

    internal static async Task<Results<Ok<MetricsResponse>, ValidationProblem, ProblemHttpResult>> ParkAsync(
        string code, [AsParameters] MetricsQuery query, MetricsQueryValidator validator, MetricsCalculator calculator,
        IGrainFactory grains)
    {
        var result = await validator.ValidateAsync(query);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var grain = RegisterParkValidator.IsParkCode(code)
            ? grains.GetGrain<IParkGrain>(code)
            : null;
        var view = grain is null ? null : await grain.GetAsync();
        if (view is null)
        {
            return Problems.NotFound("code", $"未登记园区 {code} (no park registered with code {code})");
        }
        var period = new PeriodQuery(query.YearValue, query.ThroughMonthValue);
        var totals = await grain!.GetTotalsAsync(period);
        return TypedResults.Ok(calculator.Compute(new ScopeDto("park", code, view.Profile.Name, view.Enterprises), period,
            totals, query.TraceValue));
    }

    internal static async Task<Results<Ok<MetricsResponse>, ValidationProblem>> DistrictAsync(
        [AsParameters] MetricsQuery query, MetricsQueryValidator validator, MetricsCalculator calculator, IGrainFactory grains,
        LedgerReader ledger)
    {
        var result = await validator.ValidateAsync(query);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var period = new PeriodQuery(query.YearValue, query.ThroughMonthValue);
        var totals = await grains.GetGrain<IDistrictGrain>(DistrictKeys.District).GetTotalsAsync(period);
        var enterprises = await ledger.CountEnterprisesAsync();
        return TypedResults.Ok(calculator.Compute(new ScopeDto("district", DistrictKeys.District, "全区", enterprises), period,
            totals, query.TraceValue));
    }
}
