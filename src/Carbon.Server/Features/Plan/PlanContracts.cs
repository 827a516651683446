using Carbon.Domain.Targets;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Plan;

/// <summary>A stage goal as sent: number, goal, due day.</summary>
public sealed record StageGoalRequest(int? Number, string? Goal, DateOnly? Due);

/// <summary>
/// POST /api/plan/tasks: a task or project of the plan (项目化、清单化) — the targets it serves (plan target ids), the
/// responsible unit, measures, reporting cadence (monthly / quarterly), its period and stage goals.
/// </summary>
public sealed record PlanTaskRequest(string? Plan, string? Title, PlanTaskKind? Kind, string? Unit, string[]? Targets, string? Measures,
    ReportCadence? Cadence, DateOnly? Starts, DateOnly? Ends, StageGoalRequest[]? Stages)
{
    public CreatePlanTask ToCommand(string plan, Domain.Access.Caller caller) => new(plan, Title!, Kind!.Value, Unit!, Targets!.Select(t => t.Trim()).ToArray(),
        Measures!, Cadence!.Value, Starts!.Value, Ends!.Value,
        (Stages ?? []).Select(s => new StageGoal(s.Number!.Value, s.Goal!, s.Due!.Value)).ToArray(), caller);
}

/// <summary>POST /api/plan/tasks/{id}/reports: the report for one period — status, % done, figures, obstacles, stage goals met.</summary>
public sealed record TaskReportRequest(string? Period, DateOnly? On, TaskProgress? Progress, decimal? PercentDone, string? Figures, string? Obstacles,
    int[]? StagesMet)
{
    public ReportOnTask ToCommand(Domain.Access.Caller caller) =>
        new(Period!, On!.Value, Progress!.Value, PercentDone!.Value, Figures!, Obstacles, StagesMet ?? [], caller);
}

/// <summary>A task with where it stands today: done, % done and status of the latest report, its alerts, the names of its targets.</summary>
public sealed record PlanTaskResponse(PlanTaskView Task, bool Done, decimal? PercentDone, TaskProgress? Latest, TaskAlert[] Alerts, string[] TargetNames);

/// <summary>A responsible unit's tasks: how many, done, on schedule (no alert), slipping (a stage goal late), reports overdue, mean % done.</summary>
public sealed record UnitProgress(string Unit, int Tasks, int Done, int OnSchedule, int Slipping, int OverdueReports, decimal? MeanPercentDone);

/// <summary>An alert with its task.</summary>
public sealed record PlanAlert(string TaskId, string Title, string Unit, TaskAlertKind Kind, string What, DateOnly Due, int DaysLate);

/// <summary>The plan's task list as of a day: every task with its standing, completion by unit, and every alert (most late first).</summary>
public sealed record PlanTasksResponse(string Plan, string PlanName, DateOnly AsOf, int ReportDueDay, PlanTaskResponse[] Tasks, UnitProgress[] Units,
    PlanAlert[] Alerts);

public sealed class StageGoalRequestValidator : AbstractValidator<StageGoalRequest>
{
    public StageGoalRequestValidator()
    {
        RuleFor(s => s.Number).NotNull().InclusiveBetween(1, 99);
        RuleFor(s => s.Goal).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(s => s.Due).NotNull();
    }
}

public sealed class PlanTaskRequestValidator : AbstractValidator<PlanTaskRequest>
{
    public PlanTaskRequestValidator()
    {
        RuleFor(r => r.Plan).MaximumLength(64).CleanText();
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.Kind).NotNull().WithMessage("kind 为 task 或 project");
        RuleFor(r => r.Unit).NotEmpty().MaximumLength(100).CleanText();
        RuleFor(r => r.Targets).NotEmpty().WithMessage("至少关联一个规划目标 targets (the targets it serves)")
            .Must(t => t is null || (t.Length <= 20 && t.Distinct().Count() == t.Length)).WithMessage("至多 20 个，不重复 (at most 20, distinct)");
        RuleForEach(r => r.Targets).NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9_-]+$");
        RuleFor(r => r.Measures).NotEmpty().MaximumLength(2000).CleanText(multiline: true);
        RuleFor(r => r.Cadence).NotNull().WithMessage("cadence 为 monthly 或 quarterly");
        RuleFor(r => r.Starts).NotNull().Must(d => d is null || d.Value.Year is >= 2000 and <= 2100).WithMessage("starts 在 2000 至 2100 年间");
        RuleFor(r => r.Ends).NotNull().GreaterThanOrEqualTo(r => r.Starts).When(r => r.Starts is not null).WithMessage("ends 不早于 starts")
            .Must((r, e) => e is null || r.Starts is not { Year: >= 2000 and <= 2100 } s || e <= s.AddYears(10)).WithMessage("至多十年 (within ten years)");
        RuleFor(r => r.Stages).Must(s => s is null || s.Length <= 20).WithMessage("至多 20 个阶段目标 (at most 20 stages)")
            .Must(s => s is null || s.Select(x => x?.Number).Distinct().Count() == s.Length).WithMessage("阶段编号不重复 (distinct numbers)");
        RuleForEach(r => r.Stages).NotNull().SetValidator(new StageGoalRequestValidator());
        RuleForEach(r => r.Stages).Must((r, s) => s?.Due is not { } d || r.Starts is null || r.Ends is null || (d >= r.Starts && d <= r.Ends))
            .WithMessage("阶段目标日期在任务期内 (a stage is due within the task)");
    }
}

public sealed class TaskReportRequestValidator : AbstractValidator<TaskReportRequest>
{
    public TaskReportRequestValidator()
    {
        RuleFor(r => r.Period).NotEmpty().Matches("^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$").WithMessage("period 为 YYYY-MM（按月）或 YYYY-Qn（按季）");
        RuleFor(r => r.On).NotNull();
        RuleFor(r => r.Progress).NotNull().WithMessage("progress 为 on-schedule、behind 或 done");
        RuleFor(r => r.PercentDone).NotNull().InclusiveBetween(0m, 100m).WithMessage("percentDone 为 0–100");
        RuleFor(r => r.Figures).NotEmpty().MaximumLength(2000).CleanText(multiline: true).WithName("figures");
        RuleFor(r => r.Obstacles).MaximumLength(2000).CleanText(multiline: true);
        RuleFor(r => r.Obstacles).NotEmpty().When(r => r.Progress == TaskProgress.Behind).WithMessage("滞后须说明困难和问题 obstacles (say what holds it up)");
        RuleFor(r => r.StagesMet).Must(s => s is null || (s.Length <= 20 && s.All(n => n is >= 1 and <= 99))).WithMessage("阶段编号 1–99");
    }
}
