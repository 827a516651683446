using System.Security.Claims;
using Carbon.Domain.Registry;
using Carbon.Server.Accounts;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Parks;

public static class ParkEndpoints
{
    public static IEndpointRouteBuilder MapParks(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/parks").WithTags("Parks 园区");
        group.MapPost("/", RegisterAsync).WithName("RegisterPark").WithSummary("登记园区 Register a park");
        group.MapGet("/", ListAsync).WithName("ListParks").WithSummary("园区列表 The parks the caller may see, with members' count and land");
        group.MapGet("/{code}", GetAsync).WithName("GetPark").WithSummary("园区信息 A park and its members' count and land");
        return api;
    }

    internal static async Task<Results<Created<ParkResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterParkRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var grain = grains.GetGrain<IParkGrain>(body.Code!);
        var caller = user.RequiredCaller();
        var status = await grain.RegisterAsync(new ParkProfile(body.Code!, body.Name!.Trim(), body.Kind!), caller);
        if (status == RegistrationStatus.AlreadyRegistered)
        {
            return Problems.Conflict("code", $"园区 {body.Code} 已登记 (park {body.Code} is already registered)");
        }
        if (status == RegistrationStatus.NotAllowed)
        {
            return Problems.Forbidden("只有区经信局可登记园区 (only the district registers parks)");
        }
        var view = await grain.GetAsync(caller);
        return TypedResults.Created($"/api/parks/{body.Code}", ParkResponse.From(view!));
    }

    internal static async Task<Results<Ok<ParkResponse>, ProblemHttpResult>> GetAsync(string code, IGrainFactory grains, ClaimsPrincipal user)
    {
        var view = ParkCodes.IsValid(code)
            ? await grains.GetGrain<IParkGrain>(code).GetAsync(user.RequiredCaller())
            : null;
        return view is null
            ? Problems.NotFound("code", $"未登记园区 {code} (no park registered with code {code})")
            : TypedResults.Ok(ParkResponse.From(view));
    }

    /// <summary>Every park the caller may see (a park administrator: its own), in code order.</summary>
    internal static async Task<Ok<ParkResponse[]>> ListAsync(RegistryReads registry, IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        var parks = (await registry.LoadParksAsync()).Where(p => caller.CanReadPark(p.Code)).ToList();
        var views = await Task.WhenAll(parks.Select(p => grains.GetGrain<IParkGrain>(p.Code).GetAsync(caller)));
        return TypedResults.Ok(views.OfType<ParkView>().Select(ParkResponse.From).ToArray());
    }
}
