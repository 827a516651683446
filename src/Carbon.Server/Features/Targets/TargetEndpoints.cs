using Carbon.Server.Configuration;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Targets;

/// <summary>?year=YYYY[&amp;plan=id], as text for field errors.</summary>
public record TargetsQuery(int? Year, string? Plan);

/// <summary>?year=YYYY[&amp;plan=id][&amp;park=code]: the park whose firms to list ("-": outside parks).</summary>
public sealed record TrajectoryQuery(int? Year, string? Plan, string? Park) : TargetsQuery(Year, Plan);

public sealed class TrajectoryQueryValidator : AbstractValidator<TrajectoryQuery>
{
    public TrajectoryQueryValidator(TargetsService service, ReportingClock clock)
    {
        Include(new TargetsQueryValidator(service, clock));
        RuleFor(q => q.Park).MaximumLength(32).Matches("^[A-Za-z0-9_-]+$").When(q => q.Park is not null).WithMessage("park 为园区代码 (a park code)");
    }
}

public sealed class TargetsQueryValidator : AbstractValidator<TargetsQuery>
{
    public TargetsQueryValidator(TargetsService service, ReportingClock clock)
    {
        RuleFor(q => q.Year).NotNull().InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year)
            .WithMessage($"year 应为 {ReportingClock.FirstMonth.Year} 至今年 (year must be 2020..this year)");
        RuleFor(q => q.Plan).Must(p => p is null || service.Plans.Any(x => x.Id == p))
            .WithMessage(q => $"未知目标方案 '{q.Plan}' (unknown plan; one of {string.Join(", ", service.Plans.Select(p => p.Id))})");
    }
}

public static class TargetEndpoints
{
    public static IEndpointRouteBuilder MapTargets(this IEndpointRouteBuilder api)
    {
        api.MapGet("/district/targets", GetAsync).WithTags("Targets 规划目标").WithName("DistrictTargets")
            .WithSummary("规划目标进度 Each plan target: baseline, latest, target, progress, straight-line projection, on/off track");
        api.MapGet("/district/trajectory", TrajectoryAsync).WithTags("Targets 规划目标").WithName("DistrictTrajectory")
            .WithSummary("目标分解 The remaining gap on each quantitative target split among parks and firms by the target's rule, each against its trajectory (?year=, ?park=)");
        api.MapGet("/district/clusters", ClustersAsync).WithTags("Targets 规划目标").WithName("DistrictClusters")
            .WithSummary("产业集群与工业楼宇 The plan's clusters against their output targets and, with the industrial buildings, their 亩均 as one object (?year=)");
        return api;
    }

    internal static async Task<Ok<ClustersResponse>> ClustersAsync([AsParameters] TargetsQuery query, TargetsService targets, ClusterService service)
    {
        var plan = query.Plan is null ? targets.Plans[0] : targets.Plans.First(p => p.Id == query.Plan);
        return TypedResults.Ok(await service.ComputeAsync(plan, query.Year!.Value));
    }

    internal static async Task<Ok<TargetsResponse>> GetAsync([AsParameters] TargetsQuery query, TargetsService service)
    {
        var plan = query.Plan is null ? service.Plans[0] : service.Plans.First(p => p.Id == query.Plan);
        return TypedResults.Ok(await service.ComputeAsync(plan, query.Year!.Value));
    }

    internal static async Task<Ok<TrajectoryResponse>> TrajectoryAsync([AsParameters] TrajectoryQuery query, TargetsService targets, TrajectoryService service)
    {
        var plan = query.Plan is null ? targets.Plans[0] : targets.Plans.First(p => p.Id == query.Plan);
        return TypedResults.Ok(await service.SplitAsync(plan, query.Year!.Value, query.Park));
    }
}
