using Carbon.Domain.GreenFactory;

namespace Carbon.Domain.Tests;

public class GreenFactoryTests
{
    private static readonly IReadOnlyDictionary<string, Thresholds> NoIndustry = new Dictionary<string, Thresholds>();

    /// <summary>A small 2018-style rule set: basic b1; C1 (60) energy ≤ 0.5 (必选 40), a1 (必选 30), a2 (可选 30); C2 (40) 容积率 ≥ 1.0 (50), a3 (50).</summary>
    private static GreenFactoryRuleSet Rules(QuantitativeScoring scoring = QuantitativeScoring.Binary) => new(
        "test", "test", "GB/T 36132-2018", "v", 80m, scoring, 0.6m,
        [new BasicRequirement("b1", "依法设立")],
        [
            new GradingCategory("c1", "能源与资源投入", 60m,
            [
                new GradingItem("q1", "单位产值综合能耗", ItemRequirement.Mandatory, 40m,
                    new QuantitativeRule("energy-per-output", MetricDirection.LowerIsBetter, new Thresholds(0.5m, 0.3m), NoIndustry)),
                new GradingItem("a1", "能源管理体系", ItemRequirement.Mandatory, 30m, null),
                new GradingItem("a2", "可再生能源", ItemRequirement.Optional, 30m, null),
            ]),
            new GradingCategory("c2", "用地集约化", 40m,
            [
                new GradingItem("q2", "容积率", ItemRequirement.Optional, 50m,
                    new QuantitativeRule("floor-area-ratio", MetricDirection.HigherIsBetter, new Thresholds(1.0m, 2.0m), NoIndustry)),
                new GradingItem("a3", "绿色物料", ItemRequirement.Optional, 50m, null),
            ]),
        ]);

    private static GreenFactoryFacts Facts(decimal energy = 0.42m, decimal far = 0.8m) => new("F", "厂", "C3441", 2024, null, null,
        new Dictionary<string, decimal?> { ["energy-per-output"] = energy, ["floor-area-ratio"] = far },
        new Dictionary<string, string> { ["energy-per-output"] = "ledger", ["floor-area-ratio"] = "registry" });

    private static Dictionary<string, ItemAnswer> Answers(bool? accepted = null, bool basic = true) => new()
    {
        ["b1"] = new ItemAnswer(basic, "营业执照", accepted, null),
        ["a1"] = new ItemAnswer(true, "GB/T 23331 证书", accepted, null),
        ["a2"] = new ItemAnswer(false, null, null, null),
        ["a3"] = new ItemAnswer(true, "采购台账", accepted, null),
    };

    [Fact]
    public void Binary_scoring_and_the_gap_list_by_hand()
    {
        // C1: energy 0.42 ≤ 0.5 → 40; a1 met → 30; a2 not → 0 ⇒ 70/100 × 60 = 42.
        // C2: 容积率 0.8 < 1.0 → 0; a3 met → 50 ⇒ 50/100 × 40 = 20. Total 62 < 80 → not eligible.
        // Gaps: 容积率 worth 40 × 50/100 = 20, a2 worth 60 × 30/100 = 18 — largest gain first.
        var g = GreenFactoryGrader.Grade(Rules(), Facts(), Answers(), GradeBasis.Claimed);
        Assert.Equal([42m, 20m], g.Categories.Select(c => c.Score));
        Assert.Equal(62m, g.TotalScore);
        Assert.False(g.Eligible);
        Assert.Contains(g.Reasons, r => r.Contains("低于通过分"));
        Assert.Equal(["q2", "a2"], g.Gaps.Select(x => x.ItemId));
        Assert.Equal([20m, 18m], g.Gaps.Select(x => x.Gain));
        Assert.Equal("由 0.8 提高到 1 (基准值)", g.Gaps[0].Action);
    }

    [Fact]
    public void Linear_scoring_between_benchmark_and_leading_value_is_capped_at_both_ends()
    {
        // Lower is better, benchmark 0.5, leading 0.3, 60 % at the benchmark:
        //   0.4 → 40 × (0.6 + 0.4 × (0.5 − 0.4)/(0.5 − 0.3)) = 40 × 0.8 = 32;  0.55 → 0;  0.5 → 24;  0.3 and 0.2 → 40.
        var t = new Thresholds(0.5m, 0.3m);
        decimal P(decimal v) => GreenFactoryGrader.Points(QuantitativeScoring.Linear, 0.6m, MetricDirection.LowerIsBetter, t, v, 40m);
        Assert.Equal(32m, P(0.4m));
        Assert.Equal(0m, P(0.55m));
        Assert.Equal(24m, P(0.5m));
        Assert.Equal(40m, P(0.3m));
        Assert.Equal(40m, P(0.2m));
        // Higher is better, 容积率 benchmark 1.0, leading 2.0: 1.5 → 50 × (0.6 + 0.4 × 0.5) = 40.
        Assert.Equal(40m, GreenFactoryGrader.Points(QuantitativeScoring.Linear, 0.6m, MetricDirection.HigherIsBetter, new Thresholds(1.0m, 2.0m), 1.5m, 50m));
    }

    [Fact]
    public void A_failed_basic_requirement_vetoes_whatever_the_score()
    {
        var facts = Facts(energy: 0.2m, far: 3m);
        var answers = Answers(basic: false);
        answers["a2"] = new ItemAnswer(true, "光伏", null, null);
        var g = GreenFactoryGrader.Grade(Rules(), facts, answers, GradeBasis.Claimed);
        Assert.Equal(100m, g.TotalScore);
        Assert.False(g.Eligible);
        Assert.Single(g.Reasons, r => r.Contains("一票否决"));
        Assert.True(g.Gaps[0].Blocking);
        Assert.Equal("b1", g.Gaps[0].ItemId);
    }

    [Fact]
    public void A_missed_mandatory_item_blocks_eligibility()
    {
        var answers = Answers();
        answers["a2"] = new ItemAnswer(true, "光伏", null, null);
        var g = GreenFactoryGrader.Grade(Rules(), Facts(energy: 0.6m, far: 3m), answers, GradeBasis.Claimed);
        // energy 0.6 > 0.5: the 必选 item earns 0. C1 = (0 + 30 + 30)/100 × 60 = 36; C2 = 100/100 × 40 = 40; total 76.
        Assert.Equal(76m, g.TotalScore);
        Assert.Contains(g.Reasons, r => r.Contains("必选要求未满足: 单位产值综合能耗"));
        var gap = g.Gaps.First();
        Assert.True(gap.Blocking);
        Assert.Equal("由 0.6 降至 0.5 (基准值)", gap.Action);
    }

    [Fact]
    public void Only_accepted_answers_count_once_grading_is_verified()
    {
        var claimed = GreenFactoryGrader.Grade(Rules(), Facts(far: 3m), Answers(), GradeBasis.Claimed);
        var unverified = GreenFactoryGrader.Grade(Rules(), Facts(far: 3m), Answers(), GradeBasis.Verified);
        var accepted = GreenFactoryGrader.Grade(Rules(), Facts(far: 3m), Answers(accepted: true), GradeBasis.Verified);
        var rejected = GreenFactoryGrader.Grade(Rules(), Facts(far: 3m), Answers(accepted: false), GradeBasis.Verified);
        // Claimed / accepted: C1 42 + C2 40 = 82 ≥ 80, everything mandatory met → eligible.
        Assert.Equal(82m, claimed.TotalScore);
        Assert.True(claimed.Eligible);
        Assert.True(accepted.Eligible);
        Assert.False(unverified.Eligible);
        Assert.False(rejected.Eligible);
        Assert.Contains("核查未通过", rejected.Basic[0].Source);
    }

    [Fact]
    public void An_industry_without_a_benchmark_earns_nothing_and_says_why()
    {
        var rule = new QuantitativeRule("energy-per-product", MetricDirection.LowerIsBetter, null,
            new Dictionary<string, Thresholds> { ["C26"] = new(1.2m, 0.8m, "t") });
        Assert.Null(rule.For("C3441"));
        Assert.Equal(1.2m, rule.For("C2651")!.Benchmark);
    }
}
