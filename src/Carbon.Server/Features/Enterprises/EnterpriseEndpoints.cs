using Carbon.Domain.Registry;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Enterprises;

public static class EnterpriseEndpoints
{
    public static IEndpointRouteBuilder MapEnterprises(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enterprises").WithTags("Enterprises 企业");
        group.MapPost("/", RegisterAsync).WithName("RegisterEnterprise").WithSummary("登记企业 Register an enterprise");
        group.MapGet("/{uscc}", GetAsync).WithName("GetEnterprise").WithSummary("企业信息 An enterprise and the months it filed");
        return app;
    }

    internal static async Task<Results<Created<EnterpriseResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterEnterpriseRequest body, RegisterEnterpriseValidator validator, IGrainFactory grains, HttpContext http)
    {
        var result = await validator.ValidateAsync(body);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var grain = grains.GetGrain<IEnterpriseGrain>(body.Uscc!);
        var profile = new EnterpriseProfile(body.Uscc!, body.Name!.Trim(), body.Industry!.Trim(), body.ParkCode, body.Scale!,
            body.LandAreaMu!.Value);
        var status = await grain.RegisterAsync(profile, Actor.Of(http));
        if (status == RegistrationStatus.AlreadyRegistered)
        {
            return Problems.Conflict("uscc", $"企业 {body.Uscc} 已登记 (enterprise {body.Uscc} is already registered)");
        }
        var view = await grain.GetAsync();
        return TypedResults.Created($"/api/enterprises/{body.Uscc}", EnterpriseResponse.From(view!));
    }

    internal static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult>> GetAsync(string uscc, IGrainFactory grains)
    {
        var view = Uscc.TryParse(uscc, out _, out _) ? await grains.GetGrain<IEnterpriseGrain>(uscc).GetAsync() : null;
        return view is null
            ? Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})")
            : TypedResults.Ok(EnterpriseResponse.From(view));
    }
}
