using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;

namespace Carbon.Server.Grains.Contracts;

// 节能监察 cases and plans: what the grains take and answer. The rules are the domain's (SupervisionWorkflow).

/// <summary>A finding as an inspector records it (the number is given by the case).</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.finding")]
public sealed record FindingInput(FindingCategory Category, string RuleRef, string Text, decimal? Measured, decimal? Limit, string? Unit, string[] Evidence);

/// <summary>A step to record on a case, by the caller.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.step-command")]
public sealed record CaseStepCommand(StepKind Kind, DateOnly On, string? Text, DateOnly? Date, string[]? Inspectors, bool? Passed, string? Number,
    FindingInput? Finding, string[]? Evidence, Caller Caller);

/// <summary>A new case: the firm, the year, how and why it is inspected, its plan and the inspectors a draw assigned.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.open")]
public sealed record OpenCase(Uscc Uscc, int Year, InspectionMode Mode, InspectionTrigger Trigger, string? PlanId, string[] AssignedInspectors,
    string? Reason, Caller Caller);

[GenerateSerializer, Immutable, Alias("carbon.sup.finding-view")]
public sealed record FindingView(int Number, FindingCategory Category, string RuleRef, string Text, decimal? Measured, decimal? Limit, string? Unit,
    string[] Evidence);

/// <summary>A recorded step: what, on which day, by whom in which role, and what it said.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.step")]
public sealed record StepView(StepKind Kind, DateOnly On, DateTimeOffset At, string Actor, Role ActorRole, string? Text, DateOnly? Date,
    string[]? Inspectors, bool? Passed, string? Number, int? Finding, string[]? Evidence);

[GenerateSerializer, Immutable, Alias("carbon.sup.alert")]
public sealed record AlertView(string Code, string Message, DateOnly Due, bool Overdue);

/// <summary>A case as a reader sees it: the firm, the state and the dates its timers run from, findings, steps, alerts, what may come next.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.case")]
public sealed record SupervisionCaseView(
    string Id,
    Uscc Uscc,
    string EnterpriseName,
    string? ParkCode,
    int Year,
    InspectionMode Mode,
    InspectionTrigger Trigger,
    string? PlanId,
    string[] AssignedInspectors,
    CaseState State,
    CaseOutcome? Outcome,
    DateOnly? NoticeOn,
    DateOnly? VisitOn,
    DateOnly? InspectionEndedOn,
    DateOnly? Deadline,
    bool Heard,
    bool ReportFiled,
    FindingView[] Findings,
    StepView[] Steps,
    AlertView[] Alerts,
    DateTimeOffset CreatedAt,
    string CreatedBy);

public enum CaseResult
{
    Ok,
    NotFound,
    UnknownEnterprise,
    Refused,
    Conflict,
}

/// <summary>A case command's answer: the case after it, or the field and reason it was refused.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.answer")]
public sealed record CaseAnswer(CaseResult Result, SupervisionCaseView? View, string? Field = null, string? Message = null);

/// <summary>An evidence file stored with a case: the hash that findings and reports cite.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.evidence")]
public sealed record EvidenceView(string Sha256, string FileName, string ContentType, long Length, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>Kinds of supervision plan: 专项, 重点领域, 整改复查 (last year's violators), 投诉, 双随机.</summary>
public enum PlanKind
{
    Special,
    KeyArea,
    FollowUp,
    Complaint,
    Random,
}

/// <summary>A firm a plan targets, why, how it is inspected and (for a draw) by whom.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.target")]
public sealed record PlanTarget(Uscc Uscc, string Reason, InspectionMode Mode, string[] Inspectors);

/// <summary>A plan to create: its cases are opened in the same transaction.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.create-plan")]
public sealed record CreatePlan(int Year, PlanKind Kind, string Name, PlanTarget[] Targets, long? Seed, string? DrawJson, Caller Caller);

[GenerateSerializer, Immutable, Alias("carbon.sup.plan")]
public sealed record PlanView(string Id, int Year, PlanKind Kind, string Name, long? Seed, string? DrawJson, DateTimeOffset CreatedAt, string CreatedBy,
    string[] CaseIds);

[GenerateSerializer, Immutable, Alias("carbon.sup.plan-answer")]
public sealed record PlanAnswer(CaseResult Result, PlanView? View, string? Field = null, string? Message = null);

/// <summary>A line of a firm's equipment list: type, model, rated power, how many.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.equipment")]
public sealed record EquipmentLine(string Type, string Model, decimal? PowerKw, int Count);

/// <summary>A line of a firm's meter register: energy kind, tier, points needing a meter, points with one.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.meters")]
public sealed record MeterLine(string Energy, Domain.Supervision.MeterTier Tier, int Required, int Equipped);

/// <summary>A firm's two registers as they stand: each list with its revision, who recorded it and when.</summary>
[GenerateSerializer, Immutable, Alias("carbon.sup.registers")]
public sealed record FirmRegistersView(Uscc Uscc, EquipmentLine[] Equipment, int EquipmentRevision, MeterLine[] Meters, int MetersRevision,
    DateTimeOffset? RecordedAt, string? RecordedBy);
