using System.Security.Claims;
using Carbon.Domain.Registry;
using Carbon.Server.Accounts;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Enterprises;

public static class EnterpriseEndpoints
{
    public static IEndpointRouteBuilder MapEnterprises(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/enterprises").WithTags("Enterprises 企业");
        group.MapPost("/", RegisterAsync).WithName("RegisterEnterprise").WithSummary("登记企业 Register an enterprise");
        group.MapGet("/", EnterpriseList.ListAsync).WithName("ListEnterprises")
            .WithSummary("企业列表 The firms the caller may see, filtered by park, industry, scale or a name/USCC fragment; paged");
        group.MapGet("/{uscc}", GetAsync).WithName("GetEnterprise")
            .WithSummary("企业档案 An enterprise's current profile, its revision history and the months it filed");
        group.MapPut("/{uscc}", ReviseAsync).WithName("ReviseEnterprise")
            .WithSummary("修订企业档案 Revise the profile (land, scale, dates…); a change needs a reason; the park is fixed");
        return api;
    }

    internal static async Task<Results<Created<EnterpriseResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterEnterpriseRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var uscc = Uscc.Parse(body.Uscc!);
        var grain = grains.Enterprise(uscc);
        var caller = user.RequiredCaller();
        var status = await grain.RegisterAsync(body.ToProfile(uscc, body.ParkCode), caller);
        if (status == RegistrationStatus.AlreadyRegistered)
        {
            return Problems.Conflict("uscc", $"企业 {body.Uscc} 已登记 (enterprise {body.Uscc} is already registered)");
        }
        if (status == RegistrationStatus.NotAllowed)
        {
            return Problems.Forbidden("只有区经信局可登记企业 (only the district registers firms)");
        }
        var view = await grain.GetAsync(caller);
        return TypedResults.Created($"/api/enterprises/{body.Uscc}", EnterpriseResponse.From(view!, "registered"));
    }

    internal static async Task<Results<Ok<EnterpriseResponse>, ProblemHttpResult>> GetAsync(Uscc uscc, IGrainFactory grains, ClaimsPrincipal user)
    {
        var view = await grains.Enterprise(uscc).GetAsync(user.RequiredCaller());
        return view is null
            ? Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})")
            : TypedResults.Ok(EnterpriseResponse.From(view));
    }

    internal static async Task<Results<Ok<EnterpriseResponse>, ValidationProblem, ProblemHttpResult>> ReviseAsync(
        Uscc uscc, ReviseEnterpriseRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var grain = grains.Enterprise(uscc);
        var caller = user.RequiredCaller();
        var outcome = await grain.ReviseProfileAsync(body.ToProfile(uscc, null), body.Reason, caller);
        switch (outcome.Status)
        {
            case ProfileStatus.UnknownEnterprise:
                return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
            case ProfileStatus.ReasonRequired:
                return Problems.Field("reason", $"档案已有第{outcome.Revision}版，修订必须说明原因 (a revision must give a reason)");
            case ProfileStatus.DesignationsByDistrict:
                return Problems.Field("designations", "认定类别由区经信局依据公布名单录入，企业不能修改 (titles are entered by the district from the published lists)");
        }
        var view = await grain.GetAsync(caller);
        return TypedResults.Ok(EnterpriseResponse.From(view!, outcome.Status.ToString().ToLowerInvariant()));
    }
}
