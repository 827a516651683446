using System.Security.Claims;
using Carbon.Server.Accounts;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Plan;

public static class PlanEndpoints
{
    public static IEndpointRouteBuilder MapPlan(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/plan").WithTags("Plan 规划实施");
        group.MapGet("/tasks", ListAsync).WithName("ListPlanTasks")
            .WithSummary("任务清单 The plan's tasks and projects with their standing, completion by unit and every alert (?plan=)");
        group.MapPost("/tasks", CreateAsync).WithName("CreatePlanTask")
            .WithSummary("分解任务 A task or project: targets served, responsible unit, measures, cadence, period, stage goals");
        group.MapGet("/tasks/{id}", GetAsync).WithName("GetPlanTask").WithSummary("任务 A task with every report and its alerts");
        group.MapPost("/tasks/{id}/reports", ReportAsync).WithName("ReportOnPlanTask")
            .WithSummary("进展报送 The report for a month or quarter: status, % done, figures, obstacles, stage goals met");
        return api;
    }

    internal static async Task<Results<Ok<PlanTasksResponse>, ValidationProblem>> ListAsync(string? plan, PlanService service) =>
        service.Find(plan) is { } p ? TypedResults.Ok(await service.TasksAsync(p)) : UnknownPlan(service, plan);

    internal static async Task<Results<Created<PlanTaskResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(PlanTaskRequest body, PlanService service,
        IGrainFactory grains, ClaimsPrincipal user)
    {
        if (service.Find(body.Plan) is not { } plan)
        {
            return UnknownPlan(service, body.Plan);
        }
        if (body.Targets!.FirstOrDefault(t => plan.Targets.All(x => x.Id != t.Trim())) is { } unknown)
        {
            return Problems.Field("targets", $"规划 {plan.Id} 无目标 '{unknown}' (no such target; one of {string.Join(", ", plan.Targets.Select(t => t.Id))})");
        }
        var id = Guid.NewGuid().ToString("N");
        var answer = await grains.GetGrain<IPlanTaskGrain>(id).CreateAsync(body.ToCommand(plan.Id, user.RequiredCaller()));
        return answer.Result == ProgrammeResult.Done
            ? TypedResults.Created($"/api/plan/tasks/{id}", (await service.FindAsync(id))!)
            : Problem(answer);
    }

    internal static async Task<Results<Ok<PlanTaskResponse>, ProblemHttpResult>> GetAsync(string id, PlanService service) =>
        await service.FindAsync(id.ToLowerInvariant()) is { } t ? TypedResults.Ok(t) : NoTask(id);

    internal static async Task<Results<Ok<PlanTaskResponse>, ValidationProblem, ProblemHttpResult>> ReportAsync(string id, TaskReportRequest body,
        PlanService service, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (await service.FindAsync(id.ToLowerInvariant()) is null)
        {
            return NoTask(id);
        }
        var answer = await grains.GetGrain<IPlanTaskGrain>(id.ToLowerInvariant()).ReportAsync(body.ToCommand(user.RequiredCaller()));
        return answer.Result == ProgrammeResult.Done ? TypedResults.Ok((await service.FindAsync(id.ToLowerInvariant()))!) : Problem(answer);
    }

    private static ValidationProblem UnknownPlan(PlanService service, string? plan) =>
        Problems.Field("plan", $"未知规划 '{plan}' (unknown plan; one of {string.Join(", ", service.Plans.Select(p => p.Id))})");

    private static ProblemHttpResult NoTask(string id) => Problems.NotFound("id", $"无此任务 {id} (no such task)");

    private static ProblemHttpResult Problem(PlanTaskAnswer a) => Programme.ProgrammeEndpoints.Problem(a.Result, a.Field, a.Message);
}
