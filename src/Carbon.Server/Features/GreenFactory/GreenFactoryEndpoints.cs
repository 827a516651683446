using Carbon.Domain.Registry;
using System.Security.Claims;
using Carbon.Server.Accounts;
using Carbon.Server.Factors;
using Carbon.Server.Ledger;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.GreenFactory;

public static class GreenFactoryEndpoints
{
    public static IEndpointRouteBuilder MapGreenFactory(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/green-factory").WithTags("Green factory 绿色工厂");
        group.MapGet("/rule-sets", RuleSets).WithName("GreenFactoryRuleSets")
            .WithSummary("评价标准 The GB/T 36132 editions: basic requirements, categories, items to answer, computed indicators");
        group.MapPost("/applications", SubmitAsync).WithName("SubmitGreenFactoryApplication")
            .WithSummary("绿色工厂申报 Apply for a year under an edition; graded from the ledger and the answers, both editions side by side");
        group.MapGet("/applications", ListAsync).WithName("ListGreenFactoryApplications")
            .WithSummary("申报列表 The applications the caller may see, newest first, filtered by status");
        group.MapGet("/applications/{id}", GetAsync).WithName("GetGreenFactoryApplication")
            .WithSummary("申报详情 Status, grade, gap list, the other edition's grade and every step with actor and time");
        group.MapPost("/applications/{id}/verification", VerifyAsync).WithName("VerifyGreenFactoryApplication")
            .WithSummary("核查 A verifier accepts or rejects answered items");
        group.MapPost("/applications/{id}/decision", DecideAsync).WithName("DecideGreenFactoryApplication")
            .WithSummary("审批 The district approves (freezing the inputs) or rejects");
        group.MapPost("/applications/{id}/reinstatement", ReinstateAsync).WithName("ReinstateGreenFactoryApplication")
            .WithSummary("恢复发证 After its certificate was revoked, decide (with a reason) that the approval may give exactly one new one");
        group.MapGet("/register", GreenFactoryRegister.GetAsync).WithName("GreenFactoryRegister")
            .WithSummary("绿色工厂名录 Certified firms with their validity (?all=true includes revoked and expired)");
        return api;
    }

    internal static Ok<RuleSetResponse[]> RuleSets(GreenFactoryCatalog catalog) =>
        TypedResults.Ok(catalog.RuleSets.Values.OrderBy(s => s.Rules.Id).Select(RuleSetResponse.From).ToArray());

    internal static async Task<Results<Created<ApplicationView>, ProblemHttpResult>> SubmitAsync(
        ApplicationRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var id = Guid.NewGuid().ToString("N");
        var outcome = await grains.GetGrain<IGreenFactoryApplicationGrain>(id).SubmitAsync(new SubmitApplication(
            Uscc.Parse(body.Uscc!), body.Year!.Value, body.Edition!, string.IsNullOrWhiteSpace(body.Product) ? null : body.Product.Trim(),
            body.Answers!.Select(a => new Answer(a!.Item!, a.Met!.Value, a.Evidence?.Trim())).ToArray(), user.RequiredCaller()));
        return outcome.Result == ApplicationResult.Ok
            ? TypedResults.Created($"/api/green-factory/applications/{id}", outcome.View!)
            : Problem(outcome);
    }

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        Ok(await Grain(grains, id).GetAsync(user.RequiredCaller()));

    /// <summary>The applications the caller may see: its firms' (filer), its parks' firms', the district's, or those assigned to it (evaluator).</summary>
    internal static async Task<Results<Ok<ApplicationListRow[]>, ValidationProblem>> ListAsync(string? status, GreenFactoryReads reads, ClaimsPrincipal user)
    {
        string[] statuses = ["submitted", "verifying", "approved", "rejected"];
        if (status is not null && !statuses.Contains(status))
        {
            return Problems.Field("status", $"status 为 {string.Join(", ", statuses)} 之一 (status is one of these)");
        }
        var caller = user.RequiredCaller();
        return TypedResults.Ok((await reads.ListApplicationsAsync())
            .Where(a => (status is null || a.Status == status)
                        && caller.CanReadApplication(a.Id, Carbon.Domain.Registry.Uscc.Parse(a.Uscc), a.ParkCode))
            .ToArray());
    }

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> VerifyAsync(
        string id, VerificationRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var outcome = await Grain(grains, id).VerifyAsync(
            body.Decisions!.Select(d => new Decision(d!.Item!, d.Accepted!.Value, d.Comment?.Trim())).ToArray(), user.RequiredCaller());
        return outcome.Result == ApplicationResult.Ok ? TypedResults.Ok(outcome.View!) : Problem(outcome);
    }

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> DecideAsync(
        string id, DecisionRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var outcome = await Grain(grains, id).DecideAsync(body.Approve!.Value, body.Comment?.Trim(), user.RequiredCaller());
        return outcome.Result == ApplicationResult.Ok ? TypedResults.Ok(outcome.View!) : Problem(outcome);
    }

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> ReinstateAsync(
        string id, ReinstatementRequest body, IGrainFactory grains, ClaimsPrincipal user) =>
        Ok(await Grain(grains, id).ReinstateAsync(body.Reason!.Trim(), user.RequiredCaller()));

    private static IGreenFactoryApplicationGrain Grain(IGrainFactory grains, string id) =>
        grains.GetGrain<IGreenFactoryApplicationGrain>(id.Length == 32 && id.All(Uri.IsHexDigit) ? id : "0");

    private static Results<Ok<ApplicationView>, ProblemHttpResult> Ok(ApplicationOutcome outcome) =>
        outcome.Result == ApplicationResult.Ok ? TypedResults.Ok(outcome.View!) : Problem(outcome);

    private static ProblemHttpResult Problem(ApplicationOutcome o) => o.Result switch
    {
        ApplicationResult.NotFound or ApplicationResult.UnknownEnterprise => Problems.NotFound(o.Field!, o.Message!),
        ApplicationResult.Conflict => Problems.Conflict(o.Field!, o.Message!),
        _ => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [o.Field!] = [o.Message!] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "输入有误 (the request has invalid fields)",
        }),
    };
}
