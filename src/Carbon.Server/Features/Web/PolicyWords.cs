using Carbon.Domain.Policies;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Web;

/// <summary>Policies' words on the pages: Chinese first, then English.</summary>
public static class PolicyWords
{
    public static string Status(EligibilityStatus s) => s switch
    {
        EligibilityStatus.Eligible => "符合条件 eligible",
        EligibilityStatus.NearMiss => "差一项 near miss",
        _ => "不符合 not eligible",
    };

    public static string Step(PolicyStep s) => s switch
    {
        PolicyStep.Applied => "已申报 applied",
        PolicyStep.Approved => "已核准 approved",
        PolicyStep.Rejected => "未通过 rejected",
        _ => "已兑现 paid",
    };

    public static string Outcome(RuleOutcome o) => o switch
    {
        RuleOutcome.Met => "✓",
        RuleOutcome.ToConfirm => "○",
        _ => "✗",
    };

    public static string Benefit(decimal? amount, decimal? rate, string? rateBase, decimal? cap) =>
        (amount is { } a ? $"{a:0.##} 万元" : $"{rate * 100m:0.##}% × 上年{(rateBase == "value-added" ? "增加值" : "税收")}") + (cap is { } c ? $"，最高 {c:0.##} 万元" : "");
}
