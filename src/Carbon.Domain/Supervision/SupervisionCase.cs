using Carbon.Domain.Access;
using Carbon.Domain.Registry;

namespace Carbon.Domain.Supervision;

/// <summary>书面监察 (documents only) or 现场监察 (a visit) — 《节能监察办法》 (NDRC 2016 令第33号).</summary>
public enum InspectionMode
{
    Written,
    OnSite,
}

/// <summary>
/// Why a firm is inspected. A complaint (投诉), a case investigation (案件) and a random check (双随机抽查) need no
/// five-day notice before an on-site visit; a planned inspection (计划) does.
/// </summary>
public enum InspectionTrigger
{
    Plan,
    Complaint,
    Case,
    Random,
}

/// <summary>Where a case stands (the states of issue 11's workflow).</summary>
public enum CaseState
{
    Planned,
    Notified,
    DocumentReview,
    OnSite,
    Hearing,
    AdviceIssued,
    RectificationOrdered,
    ReInspection,
    Referred,
    Closed,
    Withdrawn,
}

/// <summary>How a closed case ended.</summary>
public enum CaseOutcome
{
    Compliant,
    Advised,
    Rectified,
    Penalised,
    Withdrawn,
}

/// <summary>What a finding is about (《工业节能监察办法（征求意见稿）》 Art. 5 and the 节约能源法 duties).</summary>
public enum FindingCategory
{
    /// <summary>单位产品能耗 above the quota standard's limit.</summary>
    Quota,
    /// <summary>Equipment on a 淘汰 catalogue still in use.</summary>
    PhasedOutEquipment,
    /// <summary>Meters below GB 17167-2006's equipping rates, or its mandatory clauses unmet.</summary>
    Metering,
    /// <summary>能源管理岗位 / 负责人 not set up (节约能源法 Art. 55).</summary>
    EnergyManager,
    /// <summary>能源利用状况报告 not filed or untrue (节约能源法 Art. 53).</summary>
    AnnualReport,
    /// <summary>节能审查意见 not complied with.</summary>
    EnergyReview,
    /// <summary>Energy statistics and records (能源统计, 台账).</summary>
    Statistics,
}

/// <summary>The Chinese names of the workflow's words, as documents and pages print them.</summary>
public static class FindingCategories
{
    public static string ChineseName(this CaseState s) => s switch
    {
        CaseState.Planned => "计划中",
        CaseState.Notified => "已通知",
        CaseState.DocumentReview => "书面审查",
        CaseState.OnSite => "现场检查",
        CaseState.Hearing => "听取陈述",
        CaseState.AdviceIssued => "已出具建议书",
        CaseState.RectificationOrdered => "限期整改",
        CaseState.ReInspection => "复查",
        CaseState.Referred => "移送处罚",
        CaseState.Closed => "已结案",
        _ => "已撤销",
    };

    public static string ChineseName(this CaseOutcome o) => o switch
    {
        CaseOutcome.Compliant => "合格",
        CaseOutcome.Advised => "建议",
        CaseOutcome.Rectified => "整改完成",
        CaseOutcome.Penalised => "处罚",
        _ => "撤销",
    };

    public static string ChineseName(this InspectionMode m) => m == InspectionMode.OnSite ? "现场" : "书面";

    public static string ChineseName(this InspectionTrigger t) => t switch
    {
        InspectionTrigger.Plan => "计划",
        InspectionTrigger.Complaint => "投诉",
        InspectionTrigger.Case => "案件",
        _ => "双随机",
    };

    public static string ChineseName(this FindingCategory c) => c switch
    {
        FindingCategory.Quota => "能耗限额",
        FindingCategory.PhasedOutEquipment => "淘汰设备",
        FindingCategory.Metering => "能源计量",
        FindingCategory.EnergyManager => "能源管理岗位",
        FindingCategory.AnnualReport => "能源利用状况报告",
        FindingCategory.EnergyReview => "节能审查",
        _ => "能源统计",
    };
}

/// <summary>
/// A finding against a rule of the reference data (<paramref name="RuleRef"/>: the quota row, catalogue item or clause),
/// with what was measured and the limit, and the evidence files (by SHA-256) behind it.
/// </summary>
public sealed record Finding(
    int Number,
    FindingCategory Category,
    string RuleRef,
    string Text,
    decimal? Measured,
    decimal? Limit,
    string? Unit,
    IReadOnlyList<string> Evidence);

/// <summary>The kinds of step a case records, each with its actor, date and reason (the ledger keeps them in order).</summary>
public enum StepKind
{
    Opened,
    Notified,
    DocumentReview,
    OnSite,
    Finding,
    Hearing,
    Statement,
    Compliant,
    Advice,
    Order,
    AdviceClosed,
    RectificationReport,
    ReInspection,
    ReInspected,
    Referred,
    ReferralClosed,
    Withdrawn,
}

/// <summary>
/// One step of a case. <paramref name="On"/> is the day it took effect (a visit's day, a notice's day) and
/// <paramref name="Date"/> the other date a step names: the visit day a notice announces, the deadline an order sets.
/// </summary>
public sealed record CaseStep(
    StepKind Kind,
    DateOnly On,
    string Actor,
    Role ActorRole,
    string? Text = null,
    DateOnly? Date = null,
    IReadOnlyList<string>? Inspectors = null,
    bool? Passed = null,
    string? Number = null,
    Finding? Finding = null,
    IReadOnlyList<string>? Evidence = null);

/// <summary>A case's fixed facts: the firm, why and how it is inspected, under which plan.</summary>
public sealed record CaseHeader(string Id, Uscc Uscc, int Year, InspectionMode Mode, InspectionTrigger Trigger, string? PlanId);

/// <summary>
/// A supervision case (监察案件) as its steps make it: the state, the dates the timers run from, the findings. Built only
/// by <see cref="SupervisionWorkflow"/>, which refuses a step the rules do not allow.
/// </summary>
public sealed record SupervisionCase(
    CaseHeader Header,
    CaseState State,
    IReadOnlyList<CaseStep> Steps,
    IReadOnlyList<Finding> Findings,
    DateOnly? NoticeOn,
    DateOnly? VisitOn,
    DateOnly? InspectionEndedOn,
    DateOnly? Deadline,
    bool Heard,
    bool ReportFiled,
    CaseOutcome? Outcome)
{
    public bool IsOpen => State is not (CaseState.Closed or CaseState.Withdrawn);

    /// <summary>A new case in <see cref="CaseState.Planned"/>.</summary>
    public static SupervisionCase Open(CaseHeader header, CaseStep opened) =>
        new(header, CaseState.Planned, [opened], [], null, null, null, null, false, false, null);
}
