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
        group.MapGet("/{uscc}", GetAsync).WithName("GetEnterprise")
            .WithSummary("企业档案 An enterprise's current profile, its revision history and the months it filed");
        group.MapPut("/{uscc}", ReviseAsync).WithName("ReviseEnterprise")
            .WithSummary("修订企业档案 Revise the profile (land, scale, dates…); a change needs a reason; the park is fixed");
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
        var profile = new EnterpriseProfile(body.Uscc!, body.Name!.Trim(), body.Industry!.Trim(), body.IndustryCode, body.ParkCode,
            body.Scale!, body.LandAreaMu!.Value, body.EstablishedOn, body.LandGrantedOn, body.FloorAreaM2, body.FootprintM2);
        var status = await grain.RegisterAsync(profile, Actor.Of(http));
        if (status == RegistrationStatus.AlreadyRegistered)
        {
            return Problems.Conflict("uscc", $"企业 {body.Uscc} 已登记 (enterprise {body.Uscc} is already registered)");
        }
        var view = await grain.GetAsync();
        return TypedResults.Created($"/api/enterprises/{body.Uscc}", EnterpriseResponse.From(view!, "registered"));
    }

    internal static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult>> GetAsync(string uscc, IGrainFactory grains)
    {
        var view = Uscc.TryParse(uscc, out _, out _) ? await grains.GetGrain<IEnterpriseGrain>(uscc).GetAsync() : null;
        return view is null
            ? Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})")
            : TypedResults.Ok(EnterpriseResponse.From(view));
    }

    internal static async Task<Results<Ok<EnterpriseResponse>, ValidationProblem, ProblemHttpResult>> ReviseAsync(
        string uscc, ReviseEnterpriseRequest body, ReviseEnterpriseValidator validator, IGrainFactory grains, HttpContext http)
    {
        var result = await validator.ValidateAsync(body);
        if (!Uscc.TryParse(uscc, out _, out var usccError))
        {
            return Problems.Field("uscc", usccError);
        }
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var grain = grains.GetGrain<IEnterpriseGrain>(uscc);
        var profile = new EnterpriseProfile(uscc, body.Name!.Trim(), body.Industry!.Trim(), body.IndustryCode, null, body.Scale!,
            body.LandAreaMu!.Value, body.EstablishedOn, body.LandGrantedOn, body.FloorAreaM2, body.FootprintM2);
        var outcome = await grain.ReviseProfileAsync(profile, body.Reason, Actor.Of(http));
        switch (outcome.Status)
        {
            case ProfileStatus.UnknownEnterprise:
                return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
            case ProfileStatus.ReasonRequired:
                return Problems.Field("reason", $"档案已有第{outcome.Revision}版，修订必须说明原因 (a revision must give a reason)");
        }
        var view = await grain.GetAsync();
        return TypedResults.Ok(EnterpriseResponse.From(view!, outcome.Status.ToString().ToLowerInvariant()));
    }
}
