using Carbon.Server.Ledger;
using Carbon.Domain.Supervision;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Web;

/// <summary>The supervision workflow's words on the pages: Chinese first, the API's token after.</summary>
public static class SupervisionWords
{
    public static string State(CaseState s) => $"{s.ChineseName()} {SupervisionWorkflow.Token(s).Replace('-', ' ')}";

    public static string Outcome(CaseOutcome o) => $"（{o.ChineseName()}）";

    public static string Mode(InspectionMode m) => m == InspectionMode.OnSite ? "现场 on site" : "书面 written";

    public static string Trigger(InspectionTrigger t) => $"{t.ChineseName()} {(t == InspectionTrigger.Random ? "random" : t.ToString().ToLowerInvariant())}";

    public static string PlanKind(PlanKind k) => k switch
    {
        Grains.Contracts.PlanKind.Special => "专项",
        Grains.Contracts.PlanKind.KeyArea => "重点领域",
        Grains.Contracts.PlanKind.FollowUp => "整改复查",
        Grains.Contracts.PlanKind.Complaint => "投诉",
        _ => "双随机",
    };

    /// <summary>A plan kind as the ledger stores it (its kebab-case token).</summary>
    public static string PlanKind(string token) => PlanKind(EnumTokens.Parse<PlanKind>(token));

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
