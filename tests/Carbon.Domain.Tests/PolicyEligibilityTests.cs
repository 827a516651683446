using Carbon.Domain.Policies;

namespace Carbon.Domain.Tests;

/// <summary>惠企政策 matching: every rule explained, a near miss said as what would qualify, an open case disqualifies.</summary>
public sealed class PolicyEligibilityTests
{
    private static readonly EligibilityRule[] Rules =
    [
        new(RuleKind.ClassAtLeast, Value: "B"),
        new(RuleKind.Scale, Value: "above"),
        new(RuleKind.Industry, Values: ["C34", "C38"]),
        new(RuleKind.NoOpenCases),
        new(RuleKind.Confirm, Text: "近三年无重大安全生产事故"),
    ];

    private static readonly PolicyFacts Good = new("A", "above", "C3411", "YZ-ETDZ", false, 0.05m, 0, 480m, 3_000m);

    [Fact]
    public void A_firm_meeting_every_rule_is_eligible_with_the_confirmation_left_to_it()
    {
        var result = Eligibility.Evaluate(Rules, Good);
        Assert.Equal(EligibilityStatus.Eligible, result.Status);
        Assert.Equal([RuleOutcome.Met, RuleOutcome.Met, RuleOutcome.Met, RuleOutcome.Met, RuleOutcome.ToConfirm], result.Rules.Select(r => r.Outcome));
    }

    [Fact]
    public void One_rule_short_is_a_near_miss_that_says_what_would_qualify()
    {
        var result = Eligibility.Evaluate(Rules, Good with { Class = "C" });
        Assert.Equal(EligibilityStatus.NearMiss, result.Status);
        Assert.Contains("qualifies when class B or better", result.Missing!.Reason);
        Assert.Equal(EligibilityStatus.NotEligible, Eligibility.Evaluate(Rules, Good with { Class = "C", Scale = "below" }).Status);
        // Not evaluated: the class is unknown, which is not met — still a near miss, and it says so.
        Assert.Equal(RuleOutcome.Unknown, Eligibility.Evaluate(Rules, Good with { Class = null }).Missing!.Outcome);
    }

    [Fact]
    public void An_open_case_disqualifies_even_when_it_is_the_only_rule_broken()
    {
        var result = Eligibility.Evaluate(Rules, Good with { OpenCases = 1 });
        Assert.Equal(EligibilityStatus.NotEligible, result.Status);
        Assert.Contains("不得享受", result.Rules.Single(r => r.Rule.Kind == RuleKind.NoOpenCases).Reason);
    }

    /// <summary>
    /// 5 % of 480 万元 tax = 24 万元, above the 20 万元 cap: 20; 5 % of 3 000 万元 value added = 150. A fixed 10 万元 is 10 whatever the base. An intensity fall of
    /// exactly 3 % meets "at least 3 %".
    /// </summary>
    [Fact]
    public void A_benefit_is_the_amount_or_the_rate_of_its_base_within_its_cap()
    {
        Assert.Equal(20m, new Benefit(null, 0.05m, "tax-paid", 20m).For(Good));
        Assert.Equal(150m, new Benefit(null, 0.05m, "value-added", null).For(Good));
        Assert.Equal(10m, new Benefit(10m, null, null, null).For(Good));
        Assert.Equal(RuleOutcome.Met, Eligibility.Evaluate([new(RuleKind.IntensityReduction, AtLeast: 0.03m)], Good with { IntensityReduction = 0.03m }).Rules[0].Outcome);
    }

    [Fact]
    public void A_title_on_the_profile_meets_a_rule_that_asks_for_it_and_its_absence_is_a_near_miss()
    {
        var rules = new EligibilityRule[] { new(RuleKind.Designation, Values: ["specialized-sme", "little-giant"]), new(RuleKind.Scale, Value: "above") };
        var listed = Eligibility.Evaluate(rules, Good with { Designations = [Registry.Designation.HighTech, Registry.Designation.LittleGiant] });
        Assert.Equal(EligibilityStatus.Eligible, listed.Status);
        Assert.Contains("专精特新“小巨人”企业", listed.Rules[0].Reason);
        // A 高新技术企业 only: the one rule missing, said as what would qualify.
        var near = Eligibility.Evaluate(rules, Good with { Designations = [Registry.Designation.HighTech] });
        Assert.Equal(EligibilityStatus.NearMiss, near.Status);
        Assert.Contains("限专精特新中小企业或专精特新“小巨人”企业", near.Missing!.Reason);
        Assert.Equal(EligibilityStatus.NearMiss, Eligibility.Evaluate(rules, Good).Status);
    }
}
