using Carbon.Domain.Registry;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Parks;

public static class ParkEndpoints
{
    public static IEndpointRouteBuilder MapParks(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/parks").WithTags("Parks 园区");
        group.MapPost("/", RegisterAsync).WithName("RegisterPark").WithSummary("登记园区 Register a park");
        group.MapGet("/{code}", GetAsync).WithName("GetPark").WithSummary("园区信息 A park and its members' count and land");
        return api;
    }

    internal static async Task<Results<Created<ParkResponse>, ProblemHttpResult>> RegisterAsync(
        RegisterParkRequest body, IGrainFactory grains, HttpContext http)
    {
        var grain = grains.GetGrain<IParkGrain>(body.Code!);
        var status = await grain.RegisterAsync(new ParkProfile(body.Code!, body.Name!.Trim(), body.Kind!), Actor.Of(http));
        if (status == RegistrationStatus.AlreadyRegistered)
        {
            return Problems.Conflict("code", $"园区 {body.Code} 已登记 (park {body.Code} is already registered)");
        }
        var view = await grain.GetAsync();
        return TypedResults.Created($"/api/parks/{body.Code}", ParkResponse.From(view!));
    }

    internal static async Task<Results<Ok<ParkResponse>, ProblemHttpResult>> GetAsync(string code, IGrainFactory grains)
    {
        var view = ParkCodes.IsValid(code)
            ? await grains.GetGrain<IParkGrain>(code).GetAsync()
            : null;
        return view is null
            ? Problems.NotFound("code", $"未登记园区 {code} (no park registered with code {code})")
            : TypedResults.Ok(ParkResponse.From(view));
    }
}
