using Carbon.Domain.Registry;

namespace Carbon.Domain.Policies;

/// <summary>What an eligibility rule of a business-support policy (惠企政策) looks at.</summary>
public enum RuleKind
{
    /// <summary>The firm's class in the latest 亩均 evaluation is this class or better (A best).</summary>
    ClassAtLeast,
    /// <summary>规上 ("above") or 规下 ("below").</summary>
    Scale,
    /// <summary>The firm's industry code starts with one of these (GB/T 4754: "C34" admits "C3411").</summary>
    Industry,
    /// <summary>The firm is in one of these parks.</summary>
    Park,
    /// <summary>The firm holds a valid green-factory certificate.</summary>
    GreenFactory,
    /// <summary>Energy per 万元 of value added fell by at least this share from the year before the last to the last (0.03 = 3 %).</summary>
    IntensityReduction,
    /// <summary>Disqualifying: the firm has an open rectification or 节能监察 case.</summary>
    NoOpenCases,
    /// <summary>The firm holds one of these titles on its profile (<see cref="Registry.Designation"/> tokens: "little-giant", "high-tech" …).</summary>
    Designation,
    /// <summary>A condition Carbon cannot check (e.g. "no major safety accident"): the applicant confirms it, an official checks it.</summary>
    Confirm,
}

/// <summary>
/// One rule: its kind and what it asks — a class (<see cref="RuleKind.ClassAtLeast"/>), a scale, industry prefixes or parks
/// (<see cref="Values"/>), a least reduction (<see cref="AtLeast"/>), or the words to confirm (<see cref="Text"/>).
/// </summary>
public sealed record EligibilityRule(RuleKind Kind, string? Value = null, IReadOnlyList<string>? Values = null, decimal? AtLeast = null, string? Text = null);

/// <summary>
/// What Carbon knows of a firm for matching: its class in the latest 亩均 run (null: not evaluated), scale, industry code,
/// park, whether it holds a valid green-factory certificate, its energy-intensity reduction last year (null: not
/// computable), its open cases, and last year's tax paid and value added (万元), the bases a benefit's rate applies to.
/// </summary>
public sealed record PolicyFacts(string? Class, string Scale, string? IndustryCode, string? ParkCode, bool GreenFactory, decimal? IntensityReduction,
    int OpenCases, decimal TaxPaid, decimal ValueAdded, IReadOnlyCollection<Designation>? Designations = null);

public enum RuleOutcome
{
    Met,
    NotMet,
    /// <summary>The figure the rule needs is not known: not met.</summary>
    Unknown,
    /// <summary>A condition for the applicant to confirm.</summary>
    ToConfirm,
}

/// <summary>A rule's outcome for a firm, with the reason in words (Chinese first, then English).</summary>
public sealed record RuleResult(EligibilityRule Rule, RuleOutcome Outcome, string Reason);

public enum EligibilityStatus
{
    /// <summary>Every rule Carbon can check is met (conditions to confirm remain for the application).</summary>
    Eligible,
    /// <summary>All but one rule met, and that one not a disqualification: the firm is told what would make it eligible.</summary>
    NearMiss,
    NotEligible,
}

/// <summary>A firm against a policy: the status and every rule's outcome; for a near miss, the one rule that stands between.</summary>
public sealed record EligibilityResult(EligibilityStatus Status, IReadOnlyList<RuleResult> Rules)
{
    public RuleResult? Missing => Status == EligibilityStatus.NearMiss ? Rules.Single(r => r.Outcome is RuleOutcome.NotMet or RuleOutcome.Unknown) : null;
}

/// <summary>
/// Matching firms to policies (惠企政策精准推送): every rule held against the firm's facts and explained, a near miss said
/// as what would qualify it, and an open case a disqualification (the district's rule, stated in the policy as data).
/// </summary>
public static class Eligibility
{
    private static readonly string[] Classes = ["A", "B", "C", "D"];

    public static EligibilityResult Evaluate(IReadOnlyList<EligibilityRule> rules, PolicyFacts f)
    {
        var results = rules.Select(r => Check(r, f)).ToList();
        var unmet = results.Where(r => r.Outcome is RuleOutcome.NotMet or RuleOutcome.Unknown).ToList();
        var status = unmet.Count == 0 ? EligibilityStatus.Eligible
            : unmet.Count == 1 && unmet[0].Rule.Kind != RuleKind.NoOpenCases ? EligibilityStatus.NearMiss
            : EligibilityStatus.NotEligible;
        return new EligibilityResult(status, results);
    }

    private static RuleResult Check(EligibilityRule r, PolicyFacts f) => r.Kind switch
    {
        RuleKind.ClassAtLeast => f.Class is not { } c || Array.IndexOf(Classes, c) < 0
            ? new(r, RuleOutcome.Unknown, $"无亩均评价类别；{r.Value} 类及以上可享受 (not evaluated; qualifies when class {r.Value} or better)")
            : Array.IndexOf(Classes, c) <= Array.IndexOf(Classes, r.Value)
                ? new(r, RuleOutcome.Met, $"亩均评价 {c} 类，要求 {r.Value} 类及以上 (class {c}, {r.Value} or better asked)")
                : new(r, RuleOutcome.NotMet, $"亩均评价 {c} 类；{r.Value} 类及以上可享受 (class {c}; qualifies when class {r.Value} or better)"),
        RuleKind.Scale => f.Scale == r.Value
            ? new(r, RuleOutcome.Met, $"{Scale(f.Scale)}企业 ({f.Scale})")
            : new(r, RuleOutcome.NotMet, $"{Scale(f.Scale)}企业；限{Scale(r.Value)}企业 (for {r.Value} firms only)"),
        RuleKind.Industry => f.IndustryCode is not { } code
            ? new(r, RuleOutcome.Unknown, "无行业代码 (no industry code on the profile)")
            : (r.Values ?? []).Any(p => code.StartsWith(p, StringComparison.Ordinal))
                ? new(r, RuleOutcome.Met, $"行业 {code} 在 {string.Join("、", r.Values ?? [])} 之内 (industry within)")
                : new(r, RuleOutcome.NotMet, $"行业 {code} 不在 {string.Join("、", r.Values ?? [])} 之内 (industry outside)"),
        RuleKind.Park => f.ParkCode is { } park && (r.Values ?? []).Contains(park, StringComparer.Ordinal)
            ? new(r, RuleOutcome.Met, $"位于 {park} (in the park)")
            : new(r, RuleOutcome.NotMet, $"限 {string.Join("、", r.Values ?? [])} 园区内企业 (for firms in these parks)"),
        RuleKind.GreenFactory => f.GreenFactory
            ? new(r, RuleOutcome.Met, "持有有效绿色工厂证书 (a valid green-factory certificate)")
            : new(r, RuleOutcome.NotMet, "获评绿色工厂后可享受 (qualifies once certified a green factory)"),
        RuleKind.IntensityReduction => f.IntensityReduction is not { } d
            ? new(r, RuleOutcome.Unknown, "缺少两年的能耗与增加值，无法计算降幅 (two years' energy and value added are needed)")
            : d >= r.AtLeast
                ? new(r, RuleOutcome.Met, $"单位增加值能耗下降 {Percent(d)}，要求 ≥ {Percent(r.AtLeast ?? 0m)} (fell {Percent(d)})")
                : new(r, RuleOutcome.NotMet, $"单位增加值能耗下降 {Percent(d)}；≥ {Percent(r.AtLeast ?? 0m)} 可享受 (qualifies at a fall of {Percent(r.AtLeast ?? 0m)})"),
        RuleKind.Designation => Held(r, f) is { } held
            ? new(r, RuleOutcome.Met, $"已认定为{held.ChineseName()} (listed as {held.Token()})")
            : new(r, RuleOutcome.NotMet, $"限{Named(r.Values)}；认定后可享受 (for firms on these lists; qualifies once listed)"),
        RuleKind.NoOpenCases => f.OpenCases == 0
            ? new(r, RuleOutcome.Met, "无在办整治或监察案件 (no open case)")
            : new(r, RuleOutcome.NotMet, $"有 {f.OpenCases} 件在办整治或监察案件，不得享受 (disqualified by an open case)"),
        _ => new(r, RuleOutcome.ToConfirm, $"须申请人承诺：{r.Text} (to be confirmed by the applicant)"),
    };

    private static string Scale(string? s) => s == "above" ? "规上" : "规下";

    private static string Named(IReadOnlyList<string>? tokens) =>
        string.Join("或", (tokens ?? []).Select(t => Designations.TryParse(t, out var d) ? d.ChineseName() : t));

    private static Designation? Held(EligibilityRule r, PolicyFacts f) =>
        (f.Designations ?? []).Cast<Designation?>().FirstOrDefault(d => (r.Values ?? []).Contains(d!.Value.Token()));

    private static string Percent(decimal share) => $"{Math.Round(share * 100m, 2)}%";
}

/// <summary>
/// A policy's benefit (兑现标准): a fixed amount, or a rate of a base (last year's tax paid or value added), capped; in 万元.
/// </summary>
public sealed record Benefit(decimal? Amount, decimal? Rate, string? RateBase, decimal? Cap)
{
    /// <summary>What a firm would receive: the fixed amount, else rate × base, never above the cap (never below 0).</summary>
    public decimal For(PolicyFacts f)
    {
        var value = Amount ?? (Rate ?? 0m) * (RateBase == "value-added" ? f.ValueAdded : f.TaxPaid);
        return Math.Max(0m, Cap is { } cap ? Math.Min(cap, value) : value);
    }
}
