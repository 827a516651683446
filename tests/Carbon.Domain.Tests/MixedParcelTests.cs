using Carbon.Domain.MuYield;
using static Carbon.Domain.Tests.MuYieldTests;

namespace Carbon.Domain.Tests;

/// <summary>混合型企业: firms on one parcel are evaluated alone and merged (黄岩区 2022 亩均评价办法).</summary>
public class MixedParcelTests
{
    private static readonly ClassRule Shares = new(ClassBasis.RankShare,
    [
        new ClassBand("A", 0.20m, null), new ClassBand("B", 0.80m, null), new ClassBand("C", 0.95m, null), new ClassBand("D", 1.00m, null),
    ]);

    private static readonly IReadOnlyDictionary<string, Tariff> Tariffs = new Dictionary<string, Tariff>
    {
        ["A"] = new(0m, 0m, 0m, 0m, 100m), ["B"] = new(0m, 0m, 0m, 0m, 50m),
        ["C"] = new(0.05m, 0m, 0m, 0m, 0m), ["D"] = new(0.10m, 0m, 0m, 0m, 0m),
    };

    /// <summary>One indicator per population, 亩均税收 with weight 100 against a given benchmark: score = 100 × 亩均税收 / benchmark.</summary>
    private static MuYieldMethod TaxPerMu(ClassSource classFrom = ClassSource.Merged, MissingDataRule emissions = MissingDataRule.Zero,
        decimal emissionWeight = 0m) => new("parcels", "parcels", "test",
    [
        new PopulationRule("above", "规上", EnterpriseScale.Above, null, null,
            emissionWeight == 0m
                ? [Tax(100m, 10m)]
                : [Tax(100m - emissionWeight, 10m), new IndicatorRule(MuYieldIndicator.ValueAddedPerEmission, emissionWeight,
                    new BenchmarkRule(BenchmarkKind.Given, 1_000m), null, emissions)],
            Shares),
        new PopulationRule("below", "规下", EnterpriseScale.Below, null, null, [Tax(100m, 5m)], Shares),
    ], new ExemptionRule(["D44"], 2, 3), Tariffs, classFrom);

    private static IndicatorRule Tax(decimal weight, decimal benchmark) =>
        new(MuYieldIndicator.TaxPerMu, weight, new BenchmarkRule(BenchmarkKind.Given, benchmark), null, MissingDataRule.NotEvaluated);

    private static MuYieldInputs On(string parcel, MuYieldInputs firm) => firm with { ParcelGroup = parcel };

    /// <summary>
    /// Six 规上 firms; P1 and P2 share parcel GB-7. Score = 100 × 亩均税收 / 10 = 10 × 亩均税收.
    /// <code>
    ///   firm   land  tax   亩均税收          score
    ///   X1     20   1000   50                500
    ///   P1     10    400   40                400   ┐ parcel GB-7
    ///   P2     30    150    5                 50   ┘
    ///   X2     20    600   30                300
    ///   X3     20    400   20                200
    ///   X4     20    200   10                100
    ///   GB-7   40    550   550 / 40 = 13.75  137.5 (合并: Σ tax / Σ land, not the mean of 40 and 5)
    /// </code>
    /// Today, six firms ranked alone (A ≤ 0.2 × 6 = 1.2, B ≤ 4.8, C ≤ 5.7, D the rest):
    /// X1 A, P1 B, X2 B, X3 B, X4 C, P2 D.
    /// Merged sets the class: the group stands in place of P1 and P2, five entries (A ≤ 1, B ≤ 4, C ≤ 4.75, D the rest):
    /// X1 500 A, X2 300 B, X3 200 B, GB-7 137.5 B (4th of 5), X4 100 D → counts A 1, B 3, C 0, D 1.
    /// P1 and P2 take GB-7's class B. Their own classes, each in place of GB-7 (five entries, nobody moved):
    /// P1 400 is 2nd of 5 → B; P2 50 is 5th of 5 → D. So P1 is B (own B), P2 is B (own D).
    /// </summary>
    private static MuYieldInputs[] GB7() =>
    [
        Firm("X1", land: 20m, tax: 1_000m),
        On("GB-7", Firm("P1", land: 10m, tax: 400m)),
        On("GB-7", Firm("P2", land: 30m, tax: 150m)),
        Firm("X2", land: 20m, tax: 600m),
        Firm("X3", land: 20m, tax: 400m),
        Firm("X4", land: 20m, tax: 200m),
    ];

    [Fact]
    public void Two_firms_on_one_parcel_are_evaluated_alone_and_merged_and_both_take_the_merged_class()
    {
        var result = MuYieldEvaluator.Evaluate(TaxPerMu(), 2022, GB7());
        FirmEvaluation F(string uscc) => result.Firms.Single(f => f.Inputs.Uscc == uscc);

        var group = Assert.Single(result.ParcelGroups);
        Assert.Equal("GB-7", group.Code);
        Assert.Equal(["P1", "P2"], group.Members.Select(m => m.Uscc));
        Assert.Equal((40m, 550m), (group.Inputs.LandAreaMu, group.Inputs.TaxPaid));
        Assert.Equal(13.75m, group.Indicators[0].Value);
        Assert.Equal(137.5m, group.TotalScore);
        Assert.Equal(("above", 4, 5, "B", true), (group.PopulationId, group.Rank!.Value, group.RankedInPopulation, group.Class, group.SetsClass));

        // Alone: each on its own data and land; the class is the group's.
        Assert.Equal((400m, 2, 5, "B", "B", ClassSource.Merged), (F("P1").TotalScore, F("P1").Rank!.Value, F("P1").RankedInPopulation,
            F("P1").AloneClass, F("P1").Class, F("P1").ClassFrom!.Value));
        Assert.Equal((50m, 5, 5, "D", "B", ClassSource.Merged), (F("P2").TotalScore, F("P2").Rank!.Value, F("P2").RankedInPopulation,
            F("P2").AloneClass, F("P2").Class, F("P2").ClassFrom!.Value));
        Assert.Same(group, F("P2").ParcelGroup);
        Assert.Equal(50m, F("P2").Tariff!.LandUseTaxReliefPercent);                  // B's tariff, not D's

        // Firms on parcels of their own: ranked among five entries, the group counted once.
        Assert.Equal(["A", "B", "B", "D"], new[] { "X1", "X2", "X3", "X4" }.Select(u => F(u).Class));
        Assert.Equal([1, 2, 3, 5], new[] { "X1", "X2", "X3", "X4" }.Select(u => F(u).Rank!.Value));
        Assert.All(new[] { "X1", "X2", "X3", "X4" }, u => Assert.Equal((ClassSource.Alone, (ParcelGroupEvaluation?)null),
            (F(u).ClassFrom!.Value, F(u).ParcelGroup)));
        var above = result.Populations[0];
        Assert.Equal((6, 5, 1), (above.Evaluated, above.Ranked, above.MergedGroups));
        Assert.Equal(new Dictionary<string, int> { ["A"] = 1, ["B"] = 3, ["C"] = 0, ["D"] = 1 }, above.ClassCounts);
    }

    [Fact]
    public void Without_the_merged_evaluation_the_weaker_firm_on_the_parcel_would_be_a_D()
    {
        // Today's behaviour, where a parcel group is not modelled: P2 alone is 6th of 6, class D. With GB-7 merged it is B.
        var withoutGroup = MuYieldEvaluator.Evaluate(TaxPerMu(), 2022, GB7().Select(f => f with { ParcelGroup = null }).ToArray());
        var alone = withoutGroup.Firms.Single(f => f.Inputs.Uscc == "P2");
        Assert.Equal(("D", 6), (alone.Class, alone.Rank!.Value));
        Assert.Empty(withoutGroup.ParcelGroups);

        var merged = MuYieldEvaluator.Evaluate(TaxPerMu(), 2022, GB7());
        Assert.Equal("B", merged.Firms.Single(f => f.Inputs.Uscc == "P2").Class);
    }

    [Fact]
    public void Where_the_method_says_alone_the_firms_keep_their_own_classes_and_the_group_is_shown_beside_them()
    {
        // Ranked as today (six firms): P1 B (2nd), P2 D (6th). GB-7 in place of P1 and P2 is 4th of 5 → B, shown, not applied.
        var result = MuYieldEvaluator.Evaluate(TaxPerMu(ClassSource.Alone), 2022, GB7());
        var p2 = result.Firms.Single(f => f.Inputs.Uscc == "P2");
        Assert.Equal((6, 6, "D", "D", ClassSource.Alone), (p2.Rank!.Value, p2.RankedInPopulation, p2.AloneClass, p2.Class, p2.ClassFrom!.Value));
        Assert.Equal("B", result.Firms.Single(f => f.Inputs.Uscc == "P1").Class);
        Assert.Equal("C", result.Firms.Single(f => f.Inputs.Uscc == "X4").Class);
        var group = Assert.Single(result.ParcelGroups);
        Assert.Equal((4, 5, "B", false), (group.Rank!.Value, group.RankedInPopulation, group.Class, group.SetsClass));
        Assert.Same(group, p2.ParcelGroup);
        Assert.Equal((6, 0), (result.Populations[0].Ranked, result.Populations[0].MergedGroups));
    }

    [Fact]
    public void A_group_with_a_firm_above_designated_size_is_ranked_among_firms_above_it()
    {
        // A (规上, 10 亩, tax 300) and B (规下, 10 亩, tax 50) share a parcel. Merged: 规上, 350 / 20 = 17.5 → 175 among 规上.
        // 规上: Y1 400, Y2 200, AB 175, Y3 100 → 4 entries: B B B D. A alone in place of AB: 300, 2nd of 4 → B.
        // 规下 (benchmark 5): Z1 8 → 160, Z2 4 → 80; B alone 50/10 = 5 → 100 joins them as one more: 2nd of 3 → B.
        var result = MuYieldEvaluator.Evaluate(TaxPerMu(), 2022,
        [
            On("AB", Firm("A", land: 10m, tax: 300m)), On("AB", Firm("B", EnterpriseScale.Below, land: 10m, tax: 50m)),
            Firm("Y1", land: 10m, tax: 400m), Firm("Y2", land: 10m, tax: 200m), Firm("Y3", land: 10m, tax: 100m),
            Firm("Z1", EnterpriseScale.Below, land: 10m, tax: 80m), Firm("Z2", EnterpriseScale.Below, land: 10m, tax: 40m),
        ]);
        var group = Assert.Single(result.ParcelGroups);
        Assert.Equal((EnterpriseScale.Above, "above", 175m, 3, "B"), (group.Inputs.Scale, group.PopulationId, group.TotalScore!.Value,
            group.Rank!.Value, group.Class));
        var b = result.Firms.Single(f => f.Inputs.Uscc == "B");
        Assert.Equal(("below", 100m, 2, 3, "B", ClassSource.Merged), (b.PopulationId, b.TotalScore, b.Rank!.Value, b.RankedInPopulation,
            b.AloneClass, b.ClassFrom!.Value));
        Assert.Equal((4, 1), (result.Populations[0].Ranked, result.Populations[0].MergedGroups));
        Assert.Equal((3, 2, 0), (result.Populations[1].Evaluated, result.Populations[1].Ranked, result.Populations[1].MergedGroups));
    }

    [Fact]
    public void Exempt_firms_are_not_merged_and_a_parcel_with_one_graded_firm_has_no_merged_evaluation()
    {
        var result = MuYieldEvaluator.Evaluate(TaxPerMu(), 2022,
        [
            On("GB-9", Firm("P1", land: 10m, tax: 400m)),
            On("GB-9", Firm("N1", land: 10m, tax: 100m, established: new DateOnly(2022, 3, 1))),   // 新成立: exempt
            Firm("X1", land: 10m, tax: 200m),
        ]);
        Assert.Empty(result.ParcelGroups);
        var p1 = result.Firms.Single(f => f.Inputs.Uscc == "P1");
        Assert.Equal((ClassSource.Alone, (ParcelGroupEvaluation?)null), (p1.ClassFrom!.Value, p1.ParcelGroup));
        Assert.Null(result.Firms.Single(f => f.Inputs.Uscc == "N1").Class);
    }

    [Fact]
    public void A_group_whose_merged_figures_lack_an_indicators_data_is_listed_with_the_reason_and_its_firms_keep_their_own_classes()
    {
        // 规上 needs 单位排放增加值 (not-evaluated when missing); the 规下 member reports no pollutants, so the merged Σ is
        // unknown. Alone, each is scored (规下 has no emission indicator).
        var result = MuYieldEvaluator.Evaluate(TaxPerMu(emissions: MissingDataRule.NotEvaluated, emissionWeight: 20m), 2022,
        [
            On("GB-3", Firm("A", land: 10m, tax: 300m)), On("GB-3", Firm("B", EnterpriseScale.Below, land: 10m, tax: 50m, pollutants: null)),
        ]);
        var group = Assert.Single(result.ParcelGroups);
        Assert.Null(group.TotalScore);
        Assert.Null(group.Class);
        Assert.Contains("单位排放增加值", group.NotEvaluatedReason);
        Assert.Null(group.Inputs.PollutantsT);
        Assert.All(result.Firms, f =>
        {
            Assert.Equal(ClassSource.Alone, f.ClassFrom);
            Assert.Equal(f.AloneClass, f.Class);
            Assert.Same(group, f.ParcelGroup);
        });
    }

    [Fact]
    public void Merging_sums_the_members_and_takes_the_main_members_industry()
    {
        // Staff: 1 800 + 600 person-months over 12 months = 150 + 50 = 200; pollutants known for both: 0.5 + 0.25.
        var merged = ParcelGroups.Merge("GB-1",
        [
            Firm("M1", land: 10m, va: 1_000m, employeeMonths: 1_800m, industryCode: "C1811"),
            Firm("M2", EnterpriseScale.Below, land: 5m, va: 2_000m, employeeMonths: 600m, pollutants: 0.25m, industryCode: "C3441"),
        ]);
        Assert.Equal((EnterpriseScale.Above, 15m, 3_000m, 200m, 0.75m, "C3441"),
            (merged.Scale, merged.EvaluatedLandMu, merged.ValueAdded, merged.AverageEmployees, merged.PollutantsT!.Value, merged.IndustryCode));
        Assert.Equal("GB-1", merged.ParcelGroup);
    }
}
