namespace Carbon.Server.Ledger;

/// <summary>
/// A task or project of the plan (项目化、清单化): the targets it serves, its responsible unit, measures, reporting cadence,
/// period and stage goals (JSON: number, goal, due). Never changed: its progress is its reports.
/// </summary>
public sealed class PlanTaskRecord
{
    public required string Id { get; init; }
    public required string PlanId { get; init; }
    public required string Title { get; init; }
    /// <summary>"task" (任务) or "project" (项目).</summary>
    public required string Kind { get; init; }
    public required string Unit { get; init; }
    /// <summary>The plan targets it serves, by id, space-separated.</summary>
    public required string Targets { get; init; }
    public required string Measures { get; init; }
    public required string Cadence { get; init; }
    public DateOnly Starts { get; init; }
    public DateOnly Ends { get; init; }
    public required string StagesJson { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

/// <summary>A unit's report on a task for one period ("2026-10", "2026-Q3"), appended: status, % done, figures, obstacles, stages met.</summary>
public sealed class PlanTaskReportRecord
{
    public long Id { get; init; }
    public required string TaskId { get; init; }
    public required string Period { get; init; }
    public DateOnly On { get; init; }
    public required string Progress { get; init; }
    public decimal PercentDone { get; init; }
    public required string Figures { get; init; }
    public string? Obstacles { get; init; }
    /// <summary>Stage numbers this report says are met, space-separated.</summary>
    public string? StagesMet { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A firm's request (诉求直办): category and text as filed. Never changed: its routing, replies and closure are its steps.</summary>
public sealed class ServiceRequestRecord
{
    public required string Id { get; init; }
    public required string Uscc { get; init; }
    public required string Category { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public DateTimeOffset FiledAt { get; init; }
    public required string FiledBy { get; init; }
}

/// <summary>A step of a request, appended: filed, routed (to a unit), replied, closed (satisfied or not).</summary>
public sealed class ServiceRequestStepRecord
{
    public long Id { get; init; }
    public required string RequestId { get; init; }
    public required string Kind { get; init; }
    public required string State { get; init; }
    public string? Unit { get; init; }
    public required string Text { get; init; }
    public bool? Satisfied { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>A file attached to a request (by the firm or the unit replying), with its SHA-256.</summary>
public sealed class ServiceRequestAttachmentRecord
{
    public required string RequestId { get; init; }
    public required string Sha256 { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
}
