using Carbon.Domain.Access;
using Carbon.Domain.Policies;
using Carbon.Domain.Registry;
using Carbon.Domain.Targets;

namespace Carbon.Server.Grains.Contracts;

/// <summary>A task (任务) or a project (项目) of the plan.</summary>
public enum PlanTaskKind
{
    Task,
    Project,
}

/// <summary>A task to put on the plan's list: what, who, which targets it serves, measures, reporting cadence, period, stage goals.</summary>
[GenerateSerializer, Immutable, Alias("carbon.plan.create-task")]
public sealed record CreatePlanTask(string PlanId, string Title, PlanTaskKind Kind, string Unit, string[] Targets, string Measures, ReportCadence Cadence,
    DateOnly Starts, DateOnly Ends, StageGoal[] Stages, Caller Caller);

/// <summary>A unit's report for one period: status, % done, figures, obstacles and the stage goals met.</summary>
[GenerateSerializer, Immutable, Alias("carbon.plan.report")]
public sealed record ReportOnTask(string Period, DateOnly On, TaskProgress Progress, decimal PercentDone, string Figures, string? Obstacles, int[] StagesMet,
    Caller Caller);

[GenerateSerializer, Immutable, Alias("carbon.plan.report-view")]
public sealed record TaskReportView(string Period, DateOnly On, TaskProgress Progress, decimal PercentDone, string Figures, string? Obstacles, int[] StagesMet,
    string Actor, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("carbon.plan.task-view")]
public sealed record PlanTaskView(string Id, string PlanId, string Title, PlanTaskKind Kind, string Unit, string[] Targets, string Measures, ReportCadence Cadence,
    DateOnly Starts, DateOnly Ends, StageGoal[] Stages, DateTimeOffset CreatedAt, string CreatedBy, TaskReportView[] Reports);

[GenerateSerializer, Immutable, Alias("carbon.plan.task-answer")]
public sealed record PlanTaskAnswer(ProgrammeResult Result, PlanTaskView? Task, string? Field = null, string? Message = null);

/// <summary>A firm files a request (诉求): category, title and text.</summary>
[GenerateSerializer, Immutable, Alias("carbon.request.file")]
public sealed record FileRequest(Uscc Uscc, RequestCategory Category, string Title, string Text, Caller Caller);

/// <summary>A step on a request: routed to a unit, the unit's reply, or closed (whether the firm is satisfied).</summary>
[GenerateSerializer, Immutable, Alias("carbon.request.step")]
public sealed record RequestStepCommand(RequestStep Step, string? Unit, string Text, bool? Satisfied, Caller Caller);

[GenerateSerializer, Immutable, Alias("carbon.request.step-view")]
public sealed record RequestStepView(RequestStep Step, RequestState State, string? Unit, string Text, bool? Satisfied, string Actor, DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("carbon.request.view")]
public sealed record ServiceRequestView(string Id, Uscc Uscc, RequestCategory Category, string Title, string Text, DateTimeOffset FiledAt, string FiledBy,
    RequestState State, string? Unit, RequestStepView[] Steps, EvidenceView[] Attachments);

[GenerateSerializer, Immutable, Alias("carbon.request.answer")]
public sealed record RequestAnswer(ProgrammeResult Result, ServiceRequestView? Request, string? Field = null, string? Message = null);
