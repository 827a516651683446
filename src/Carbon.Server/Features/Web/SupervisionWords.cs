using Carbon.Domain.Supervision;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Web;

/// <summary>The supervision workflow's words on the pages: Chinese first, the API's token after.</summary>
public static class SupervisionWords
{
    public static string State(CaseState s) => s switch
    {
        CaseState.Planned => "计划中 planned",
        CaseState.Notified => "已通知 notified",
        CaseState.DocumentReview => "书面审查 document review",
        CaseState.OnSite => "现场检查 on site",
        CaseState.Hearing => "听取陈述 hearing",
        CaseState.AdviceIssued => "已出具建议书 advice issued",
        CaseState.RectificationOrdered => "限期整改 rectification ordered",
        CaseState.ReInspection => "复查 re-inspection",
        CaseState.Referred => "移送处罚 referred",
        CaseState.Closed => "已结案 closed",
        _ => "已撤销 withdrawn",
    };

    public static string Outcome(CaseOutcome o) => o switch
    {
        CaseOutcome.Compliant => "（合格）",
        CaseOutcome.Advised => "（建议）",
        CaseOutcome.Rectified => "（整改完成）",
        CaseOutcome.Penalised => "（处罚）",
        _ => "（撤销）",
    };

    public static string Mode(InspectionMode m) => m == InspectionMode.OnSite ? "现场 on site" : "书面 written";

    public static string Trigger(InspectionTrigger t) => t switch
    {
        InspectionTrigger.Plan => "计划 plan",
        InspectionTrigger.Complaint => "投诉 complaint",
        InspectionTrigger.Case => "案件 case",
        _ => "双随机 random",
    };

    public static string PlanKind(PlanKind k) => k switch
    {
        Grains.Contracts.PlanKind.Special => "专项",
        Grains.Contracts.PlanKind.KeyArea => "重点领域",
        Grains.Contracts.PlanKind.FollowUp => "整改复查",
        Grains.Contracts.PlanKind.Complaint => "投诉",
        _ => "双随机",
    };

    /// <summary>A plan kind as the ledger stores it (its kebab-case token).</summary>
    public static string PlanKind(string token) => PlanKind(SupervisionCaseGrain.Parse<PlanKind>(token));

    /// <summary>GB 17167-2006's three tiers.</summary>
    public static string Tier(MeterTier t) => t switch
    {
        MeterTier.Entry => "进出用能单位",
        MeterTier.Secondary => "主要次级用能单位",
        _ => "主要用能设备",
    };

    public static string Category(FindingCategory c) =>
        $"{c.ChineseName()} {System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(c.ToString()).Replace('-', ' ')}";
}
