using System.Security.Claims;
using Carbon.Server.Accounts;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Policies;

public static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicies(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/policies").WithTags("Policies 惠企政策");
        group.MapPost("/", PublishAsync).WithName("PublishPolicy")
            .WithSummary("发布政策 Title, document, validity, benefit and eligibility rules; eligible firms are told at once");
        group.MapGet("/", ListAsync).WithName("ListPolicies")
            .WithSummary("惠企政策 Every policy with the eligible firms' count and expected outlay (a filer: its own firms, rule by rule)");
        group.MapGet("/outlay", OutlayAsync).WithName("PolicyOutlay").WithSummary("兑现统计 Paid out by policy, park and 亩均 class");
        group.MapPost("/notify", NotifyAsync).WithName("NotifyPolicies")
            .WithSummary("重新匹配 Re-evaluate every open policy and tell the firms that have become eligible (also after a run and daily)");
        group.MapGet("/{policy}", GetAsync).WithName("GetPolicy")
            .WithSummary("政策 Its rules, the firms eligible and near (each rule explained, what would qualify), expected outlay, applications");
        group.MapPost("/{policy}/applications", ApplyAsync).WithName("ApplyForPolicy")
            .WithSummary("一键申报 An eligible firm applies with the amount and facts from its data, confirming the conditions Carbon cannot check");
        group.MapPost("/{policy}/applications/{id}/steps", RecordAsync).WithName("RecordPolicyApplicationStep")
            .WithSummary("审核与兑现 Approve, reject (with the reason) or record the payout");
        return api;
    }

    internal static async Task<Results<Created<PolicyResponse>, ValidationProblem, ProblemHttpResult>> PublishAsync(PolicyRequest body, PolicyService service,
        IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        var answer = await grains.GetGrain<IPolicyGrain>(body.Id!).PublishAsync(body.ToCommand(caller));
        if (answer.Result != ProgrammeResult.Done)
        {
            return Problem(answer);
        }
        await service.NotifyAsync();
        return TypedResults.Created($"/api/policies/{body.Id}", (await service.FindAsync(body.Id!, caller))!);
    }

    internal static async Task<Ok<PolicyResponse[]>> ListAsync(PolicyService service, ClaimsPrincipal user) =>
        TypedResults.Ok((await service.ListAsync(user.RequiredCaller())).ToArray());

    internal static async Task<Ok<OutlayResponse>> OutlayAsync(PolicyService service, ClaimsPrincipal user) =>
        TypedResults.Ok(await service.OutlayAsync(user.RequiredCaller()));

    internal static async Task<Ok<NotifyResponse>> NotifyAsync(PolicyService service) => TypedResults.Ok(new NotifyResponse(await service.NotifyAsync()));

    internal static async Task<Results<Ok<PolicyResponse>, ProblemHttpResult>> GetAsync(string policy, PolicyService service, ClaimsPrincipal user) =>
        await service.FindAsync(policy, user.RequiredCaller()) is { } p ? TypedResults.Ok(p) : NoPolicy(policy);

    internal static async Task<Results<Created<PolicyApplicationView>, ValidationProblem, ProblemHttpResult>> ApplyAsync(string policy, ApplyRequest body,
        PolicyService service, ClaimsPrincipal user)
    {
        if (!Grains.GrainGuards.ParcelCode.IsMatch(policy))
        {
            return NoPolicy(policy);
        }
        var answer = await service.ApplyAsync(policy, body.Uscc!.Value, body.Confirm == true, user.RequiredCaller());
        return answer.Result == ProgrammeResult.Done
            ? TypedResults.Created($"/api/policies/{policy}", answer.Policy!.Applications.Single(a => a.Id == answer.ApplicationId))
            : Problem(answer);
    }

    internal static async Task<Results<Ok<PolicyApplicationView>, ValidationProblem, ProblemHttpResult>> RecordAsync(string policy, string id,
        ApplicationStepRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (!Grains.GrainGuards.ParcelCode.IsMatch(policy) || id.Length != 32 || !id.All(char.IsAsciiHexDigit))
        {
            return Problems.NotFound("id", $"无此申报 {id} (no such application)");
        }
        var answer = await grains.GetGrain<IPolicyGrain>(policy).RecordAsync(new PolicyApplicationCommand(id.ToLowerInvariant(), body.Step!.Value, body.On!.Value,
            body.Text!, body.Amount, user.RequiredCaller()));
        return answer.Result == ProgrammeResult.Done ? TypedResults.Ok(answer.Policy!.Applications.Single(a => a.Id == answer.ApplicationId)) : Problem(answer);
    }

    private static ProblemHttpResult NoPolicy(string id) => Problems.NotFound("policy", $"无此政策 {id} (no such policy)");

    private static ProblemHttpResult Problem(PolicyAnswer a) => Programme.ProgrammeEndpoints.Problem(a.Result, a.Field, a.Message, "policy");
}

/// <summary>How many messages a re-evaluation left.</summary>
public sealed record NotifyResponse(int Messages);
