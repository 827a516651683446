using System.Text.Json;
using Carbon.Domain.Supervision;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Supervision;

/// <summary>POST /api/supervision/cases: a case outside a plan (a complaint, a case investigation, a single check).</summary>
public sealed record OpenCaseRequest(string? Uscc, int? Year, InspectionMode? Mode, InspectionTrigger? Trigger, string? Reason);

/// <summary>
/// POST /api/supervision/cases/{id}/steps: one step of the workflow. <c>on</c> is the day it took effect; <c>date</c> the
/// visit day a notice announces or the deadline an order sets; <c>inspectors</c> those on site; <c>passed</c> the
/// re-inspection's conclusion; <c>number</c> the penalty decision's number; evidence by SHA-256 of uploaded files.
/// </summary>
public sealed record StepRequest(StepKind? Kind, DateOnly? On, string? Text, DateOnly? Date, List<string?>? Inspectors, bool? Passed, string? Number,
    FindingRequest? Finding, List<string?>? Evidence);

public sealed record FindingRequest(FindingCategory? Category, string? RuleRef, string? Text, decimal? Measured, decimal? Limit, string? Unit,
    List<string?>? Evidence);

/// <summary>POST /api/supervision/plans: a plan with the firms it targets (a case is opened for each).</summary>
public sealed record PlanRequest(int? Year, PlanKind? Kind, string? Name, List<PlanTargetRequest?>? Targets);

public sealed record PlanTargetRequest(string? Uscc, string? Reason, InspectionMode? Mode);

/// <summary>
/// POST /api/supervision/plans/draw: a 双随机 plan — <c>firms</c> drawn from the registered firms (of a park, if given) and
/// <c>inspectorsPerFirm</c> (default 2) from the inspector roster for each, reproducible from <c>seed</c> (drawn if absent).
/// </summary>
public sealed record DrawRequest(int? Year, string? Name, int? Firms, long? Seed, string? ParkCode, InspectionMode? Mode, int? InspectorsPerFirm);

/// <summary>POST /api/supervision/plans/follow-up: the year's 整改复查 plan of last year's violators and cases still open.</summary>
public sealed record FollowUpRequest(int? Year, string? Name);

/// <summary>POST /api/supervision/conflicts: the calling inspector declares a conflict of interest with a firm (回避).</summary>
public sealed record ConflictRequest(string? Uscc, string? Reason);

/// <summary>POST /api/supervision/checks: a firm's declared equipment and meter register, checked against the catalogues and GB 17167.</summary>
public sealed record ChecksRequest(List<EquipmentRequest?>? Equipment, List<MeterRequest?>? Meters);

public sealed record EquipmentRequest(string? Type, string? Model, decimal? PowerKw, int? Count);

/// <summary>PUT /api/enterprises/{uscc}/equipment: the firm's whole equipment list (设备台账), as GET returns it, and why it changed.</summary>
public sealed record EquipmentRegisterRequest(List<EquipmentRequest?>? Lines, string? Reason);

/// <summary>PUT /api/enterprises/{uscc}/meters: the firm's whole meter register, as GET returns it, and why it changed.</summary>
public sealed record MeterRegisterRequest(List<MeterRequest?>? Lines, string? Reason);

/// <summary>The equipment list with its revision, and the lines that match a phased-out catalogue item.</summary>
public sealed record EquipmentRegisterResponse(EquipmentLine[] Lines, int Revision, DateTimeOffset? RecordedAt, string? RecordedBy, PhasedOutResponse[] PhasedOut);

/// <summary>The meter register with its revision, and the tiers below GB 17167-2006's equipping rates.</summary>
public sealed record MeterRegisterResponse(MeterLine[] Lines, int Revision, DateTimeOffset? RecordedAt, string? RecordedBy, MeteringGapResponse[] Gaps);

public sealed record MeterRequest(string? Energy, MeterTier? Tier, int? Required, int? Equipped);

/// <summary>A case in a list: whose, why, where it stands, its deadline and alerts.</summary>
public sealed record CaseRow(string Id, string Uscc, string Name, string? ParkCode, int Year, InspectionMode Mode, InspectionTrigger Trigger,
    string? PlanId, CaseState State, CaseOutcome? Outcome, DateOnly? Deadline, int Findings, AlertView[] Alerts, DateTimeOffset CreatedAt);

/// <summary>
/// 年度监察报告: cases, inspections carried out (书面 or 现场) and visits, cases by state, findings by category, orders,
/// advice, rectified, referred, the rectification rate (rectified ÷ orders settled; null before any is) and overdue limits.
/// </summary>
public sealed record SupervisionReport(int Year, int Cases, int Inspected, int Visited, Dictionary<string, int> ByState,
    Dictionary<string, int> FindingsByCategory, int Orders, int Advice, int Rectified, int Referred, decimal? RectificationRate, int Overdue)
{
    /// <summary>The summary on the wire: states and categories keyed by their kebab-case tokens.</summary>
    public static SupervisionReport From(SupervisionSummary s) => new(s.Year, s.Cases, s.Inspected, s.Visited,
        s.ByState.ToDictionary(p => SupervisionWorkflow.Token(p.Key), p => p.Value),
        s.FindingsByCategory.ToDictionary(p => JsonNamingPolicy.KebabCaseLower.ConvertName(p.Key.ToString()), p => p.Value),
        s.Orders, s.Advice, s.Rectified, s.Referred, s.RectificationRate, s.Overdue);
}

/// <summary>A firm the data suggests inspecting, and why (each reason in words).</summary>
public sealed record Proposal(string Uscc, string Name, string? ParkCode, decimal EnergyTce, decimal? IntensityChange, string[] Reasons);

/// <summary>A quota check of a case's firm: the quota, the months and figures, the grade reached and whether it exceeds the limit.</summary>
public sealed record QuotaCheckResponse(string QuotaId, string Standard, string Product, string Status, int Months, decimal Energy, decimal Output,
    decimal Value, string Unit, int? Grade, decimal Limit, bool Exceeds, string Trace);

public sealed record PhasedOutResponse(string Type, string Model, decimal? PowerKw, int Count, string ItemId, string Batch, string Document, string ItemType);

public sealed record MeteringGapResponse(string Energy, string Name, MeterTier Tier, decimal Found, decimal Minimum, string Standard);

public sealed record ChecksResponse(PhasedOutResponse[] PhasedOut, MeteringGapResponse[] Metering);

public sealed record RulesResponse(QuotaRuleResponse[] Quotas, PhasedOutRuleResponse[] PhasedOut, MeteringRate[] Metering, string MeteringStandard);

public sealed record QuotaRuleResponse(string Id, string Standard, string Title, string Product, string EnergyUnit, string ProductUnit, decimal? Grade1,
    decimal Grade2, decimal Grade3, string Status, string Source);

public sealed record PhasedOutRuleResponse(string Id, string Batch, string Document, string Category, string Type, string[] Models, decimal? PowerMinKw,
    decimal? PowerMaxKw);

public sealed record ConflictResponse(string Inspector, string Uscc, string Reason, DateTimeOffset DeclaredAt);
