using System.Security.Claims;
using Carbon.Domain.Access;
using Carbon.Server.Accounts;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Evaluations;

public static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluations(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/evaluations").WithTags("Evaluations 亩均评价");
        group.MapPost("/", RunAsync).WithName("RunEvaluation")
            .WithSummary("运行亩均评价 Evaluate every registered firm for a year with a method; the run is stored and never changes");
        group.MapGet("/", ListAsync).WithName("ListEvaluations").WithSummary("评价记录 Every run, newest first");
        group.MapGet("/{id}", GetAsync).WithName("GetEvaluation")
            .WithSummary("评价汇总 Counts per class, benchmarks used, firms not evaluated, parks ranked");
        group.MapGet("/{id}/enterprises", EnterprisesAsync).WithName("EvaluationEnterprises")
            .WithSummary("企业评价列表 Paged, sortable by score, filterable by class, park, industry and population");
        group.MapGet("/{id}/enterprises/{uscc}", EnterpriseAsync).WithName("EvaluationEnterprise")
            .WithSummary("一企一单 Each indicator (value, benchmark, weight, score, rank, trace), class and tariff");
        group.MapGet("/{id}/parks", ParksAsync).WithName("EvaluationParks").WithSummary("园区亩均 Parks' 亩均税收 and 亩均增加值, ranked");
        api.MapGet("/evaluation-methods", Methods).WithTags("Evaluations 亩均评价").WithName("EvaluationMethods")
            .WithSummary("评价办法 The methods loaded from factors/methods");
        return api;
    }

    /// <summary>Runs the evaluation; a new run changes the classes policies look at, so the firms that have become eligible are told.</summary>
    internal static async Task<Results<Created<EvaluationSummary>, ProblemHttpResult>> RunAsync(RunEvaluationRequest body, IGrainFactory grains,
        Policies.PolicyService policies, ClaimsPrincipal user)
    {
        var id = Guid.NewGuid().ToString("N");
        if (await grains.GetGrain<IEvaluationGrain>(id).RunAsync(body.Year!.Value, body.Method!, user.RequiredCaller()) is not { } summary)
        {
            return Problems.Forbidden("只有区经信局可运行评价 (only the district runs evaluations)");
        }
        await policies.NotifyAsync();
        return TypedResults.Created($"/api/evaluations/{id}", summary);
    }

    internal static async Task<Ok<EvaluationRunHeader[]>> ListAsync(EvaluationReads ledger) =>
        TypedResults.Ok((await ledger.ListRunsAsync()).ToArray());

    internal static async Task<Results<Ok<EvaluationSummary>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        await Grain(grains, id).GetSummaryAsync(user.RequiredCaller()) is { } summary ? TypedResults.Ok(summary) : NotFound(id);

    internal static async Task<Results<Ok<EvaluationPage>, ProblemHttpResult>> EnterprisesAsync(
        string id, [AsParameters] EvaluationListQuery query, IGrainFactory grains, ClaimsPrincipal user)
    {
        var page = await Grain(grains, id).QueryAsync(new EvaluationQuery(
            query.Page ?? 1, query.PageSize ?? 50,
            query.Sort ?? "-score", query.Class, query.Park, query.Industry, query.Population), user.RequiredCaller());
        return page is null ? NotFound(id) : TypedResults.Ok(page);
    }

    internal static async Task<Results<Ok<EvaluationFirmDetail>, ProblemHttpResult>> EnterpriseAsync(string id, string uscc, IGrainFactory grains,
        ClaimsPrincipal user)
    {
        var grain = Grain(grains, id);
        if (await grain.GetSummaryAsync(Runs) is null)   // that a run exists is no secret; its firms are
        {
            return NotFound(id);
        }
        return await grain.GetFirmAsync(uscc, user.RequiredCaller()) is { } firm
            ? TypedResults.Ok(firm)
            : Problems.NotFound("uscc", $"本次评价未包含企业 {uscc}，或其数据不全未参评 (firm {uscc} was not evaluated in run {id}; see notEvaluated)");
    }

    internal static async Task<Results<Ok<ParkRankView[]>, ProblemHttpResult>> ParksAsync(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        await Grain(grains, id).GetParksAsync(user.RequiredCaller()) is { } parks ? TypedResults.Ok(parks) : NotFound(id);

    private static readonly Caller Runs = Caller.System("evaluations");

    internal static Ok<MethodResponse[]> Methods(MethodCatalog methods) =>
        TypedResults.Ok(methods.Methods.Values.Select(m => new MethodResponse(m.Method.Id, m.Method.Name, m.Version, m.File.Status!,
            m.File.Source!, m.Method.Populations.Select(p => $"{p.Id} {p.Name}").ToArray(), m.Method.MixedParcelClassFrom)).ToArray());

    private static IEvaluationGrain Grain(IGrainFactory grains, string id) =>
        grains.GetGrain<IEvaluationGrain>(IsRunId(id) ? id : "0");

    private static bool IsRunId(string id) => id.Length == 32 && id.All(Uri.IsHexDigit);

    private static ProblemHttpResult NotFound(string id) =>
        Problems.NotFound("id", $"无此评价记录 {id} (no evaluation run {id})");
}
