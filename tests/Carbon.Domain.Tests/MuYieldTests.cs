using Carbon.Domain.MuYield;

namespace Carbon.Domain.Tests;

public class MuYieldTests
{
    private static readonly IReadOnlyDictionary<string, Tariff> NoTariffs = new Dictionary<string, Tariff>();

    private static readonly ClassRule Shares = new(ClassBasis.RankShare,
    [
        new ClassBand("A", 0.20m, null), new ClassBand("B", 0.80m, null), new ClassBand("C", 0.95m, null), new ClassBand("D", 1.00m, null),
    ]);

    /// <summary>黄岩区 2022 evaluation: weights 30/20/20/10/10/10 (规上) and 50/50 (规下) with the published benchmarks.</summary>
    public static MuYieldMethod Huangyan(decimal? cap = null) => new("huangyan-2022", "黄岩", "test",
    [
        new PopulationRule("above", "规上", EnterpriseScale.Above, null, null,
        [
            Given(MuYieldIndicator.TaxPerMu, 30m, 24.097m, cap),
            Given(MuYieldIndicator.ValueAddedPerMu, 20m, 136.16m, cap),
            Given(MuYieldIndicator.ValueAddedPerEnergy, 20m, 2.694m, cap),
            Given(MuYieldIndicator.ValueAddedPerEmission, 10m, 4929.81m, cap, MissingDataRule.PopulationAverage),
            Given(MuYieldIndicator.LabourProductivity, 10m, 18.14m, cap),
            Given(MuYieldIndicator.RdIntensity, 10m, 0.0302m, cap),
        ], Shares),
        new PopulationRule("below", "规下", EnterpriseScale.Below, null, null,
        [
            Given(MuYieldIndicator.TaxPerMu, 50m, 11.5932m, cap),
            Given(MuYieldIndicator.TaxPerElectricity, 50m, 0.2352m, cap),
        ], Shares),
    ], new ExemptionRule(["D44", "D45", "D46"], 2, 3), NoTariffs);

    private static IndicatorRule Given(MuYieldIndicator i, decimal weight, decimal benchmark, decimal? cap,
        MissingDataRule missing = MissingDataRule.NotEvaluated) =>
        new(i, weight, new BenchmarkRule(BenchmarkKind.Given, benchmark), cap, missing);

    public static MuYieldInputs Firm(string uscc, EnterpriseScale scale = EnterpriseScale.Above, decimal land = 20m,
        decimal tax = 600m, decimal va = 3_000m, decimal energy = 1_000m, decimal? pollutants = 0.5m, decimal employeeMonths = 1_800m,
        decimal rd = 120m, decimal revenue = 10_000m, decimal kwh = 1_000_000m, int months = 12, string? industryCode = null,
        DateOnly? established = null, DateOnly? landGranted = null, string? park = null) =>
        new(uscc, "企业" + uscc, "制造", industryCode, park, scale, land, established, landGranted, months, tax, va, revenue, rd,
            employeeMonths, kwh, energy, pollutants);

    [Fact]
    public void Huangyan_reproduces_a_firms_score_from_the_published_benchmarks()
    {
        // 规上 firm: land 20 亩, tax 600, VA 3 000 万元, 1 000 tce (等价值), 0.5 t pollutants, 150 staff (1 800 person-months),
        // R&D 120 of revenue 10 000. Hand calculation, score = weight × value / benchmark:
        //   亩均税收       600/20 = 30      → 30 × 30 / 24.097      = 37.349048
        //   亩均增加值     3000/20 = 150    → 20 × 150 / 136.16     = 22.032902
        //   单位能耗增加值 3000/1000 = 3    → 20 × 3 / 2.694        = 22.271715
        //   单位排放增加值 3000/0.5 = 6000  → 10 × 6000 / 4929.81   = 12.170854
        //   全员劳动生产率 3000/150 = 20    → 10 × 20 / 18.14       = 11.025358
        //   R&D占比        120/10000 = 0.012 → 10 × 0.012 / 0.0302 =  3.973510
        //   total                                                  = 108.823388
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022, [Firm("F1")]);
        var firm = Assert.Single(result.Firms);
        decimal[] expected = [37.349048m, 22.032902m, 22.271715m, 12.170854m, 11.025358m, 3.973510m];
        Assert.Equal(expected, firm.Indicators.Select(i => Math.Round(i.Score, 6)));
        Assert.Equal(108.823388m, Math.Round(firm.TotalScore, 6));
        Assert.Equal(30m, firm.Indicators[0].Value);
        Assert.Equal(20m, firm.Indicators[4].Value);
    }

    [Fact]
    public void A_firm_without_the_data_an_indicator_needs_is_listed_never_scored_zero()
    {
        // A lessee with no land of its own: 亩均税收 = 50 / 0 cannot be computed. It is listed with the reason, not put in
        // class D on a score of 0 for its per-mu indicators.
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022, [Firm("L1", EnterpriseScale.Below, land: 0m, tax: 50m), Firm("F1")]);
        Assert.DoesNotContain(result.Firms, f => f.Inputs.Uscc == "L1");
        var listed = Assert.Single(result.NotEvaluated);
        Assert.Equal("L1", listed.Inputs.Uscc);
        Assert.Contains("亩均税收", listed.Reason);
        Assert.Contains("租赁", listed.Reason);
    }

    [Fact]
    public void Where_a_method_says_so_classes_are_given_within_each_industry_group()
    {
        // Five machinery firms (C34) and five textile firms (C18); every textile firm scores below every machinery firm.
        // Ranked as one population, A (top 20 % = 2) goes to machinery only; within industry groups each group of 5 has its
        // own A (0.2 × 5 = 1): the best textile firm is an A among textile firms.
        var firms = Enumerable.Range(0, 5).Select(i => Firm($"M{i}", tax: 600m + i, industryCode: "C3441"))
            .Concat(Enumerable.Range(0, 5).Select(i => Firm($"T{i}", tax: 100m + i, industryCode: "C1811"))).ToList();
        var whole = MuYieldEvaluator.Evaluate(Huangyan(), 2022, firms);
        Assert.DoesNotContain(whole.Firms, f => f.Inputs.Uscc.StartsWith('T') && f.Class == "A");
        var grouped = Huangyan() is var h ? h with { Populations = [h.Populations[0] with { Classes = Shares with { ByIndustryGroup = true } }, h.Populations[1]] } : null;
        var byIndustry = MuYieldEvaluator.Evaluate(grouped!, 2022, firms);
        var bestTextile = byIndustry.Firms.Single(f => f.Inputs.Uscc == "T4");
        Assert.Equal(("A", 1, 5), (bestTextile.Class, bestTextile.Rank!.Value, bestTextile.RankedInPopulation));
    }

    [Fact]
    public void A_lessee_is_evaluated_per_leased_mu_in_a_population_of_its_own()
    {
        // No land of its own, 2 亩 leased, tax 20 万元, 400 000 kWh = 40 万kWh: 亩均税收 20/2 = 10; 单位电耗税收 20/40 = 0.5.
        // With a lessee population it is ranked there, not among the 规下 firms; the per-mu indicators use the leased area.
        var lessees = new PopulationRule("lessee", "租赁企业", EnterpriseScale.Below, null, null,
            [Given(MuYieldIndicator.TaxPerMu, 50m, 11.5932m, null), Given(MuYieldIndicator.TaxPerElectricity, 50m, 0.2352m, null)], Shares,
            Lessees: true);
        var method = Huangyan() is var h ? h with { Populations = [lessees, .. h.Populations] } : null;
        var lessee = Firm("L2", EnterpriseScale.Below, land: 0m, tax: 20m, kwh: 400_000m) with { LeasedAreaMu = 2m };
        var firm = Assert.Single(MuYieldEvaluator.Evaluate(method!, 2022, [lessee]).Firms);
        Assert.Equal("lessee", firm.PopulationId);
        Assert.Equal(10m, firm.Indicators[0].Value);
        Assert.Equal(0.5m, firm.Indicators[1].Value);
    }

    [Fact]
    public void Huangyan_scores_a_small_firm_on_tax_per_mu_and_per_electricity()
    {
        // 规下: land 5 亩, tax 50 万元, 1 000 000 kWh = 100 万kWh.
        //   亩均税收 50/5 = 10 → 50 × 10 / 11.5932 = 43.128731;  单位电耗税收 50/100 = 0.5 → 50 × 0.5 / 0.2352 = 106.292517
        //   total 149.421248
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022, [Firm("S1", EnterpriseScale.Below, land: 5m, tax: 50m)]);
        Assert.Equal(149.421248m, Math.Round(Assert.Single(result.Firms).TotalScore, 6));
    }

    [Fact]
    public void A_firm_without_pollutant_data_gets_the_population_average_score_on_that_indicator()
    {
        // F1 has 0.5 t (12.170854 points), F2 1.0 t (10 × 3000/1.0 / 4929.81 = 6.085427); F3 reports none:
        // it gets the average of the two, (12.170854… + 6.085427…) / 2 = 9.128141.
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022,
            [Firm("F1"), Firm("F2", pollutants: 1.0m), Firm("F3", pollutants: null)]);
        var f3 = result.Firms.Single(f => f.Inputs.Uscc == "F3").Indicators[3];
        Assert.True(f3.Missing);
        Assert.Null(f3.Value);
        Assert.Equal(9.128141m, Math.Round(f3.Score, 6));
    }

    [Fact]
    public void A_cap_limits_an_indicator_to_k_times_its_weight()
    {
        // Tax 6 000 on 20 亩 = 300 万元/亩: uncapped 30 × 300 / 24.097 = 373.49; with cap 2 it is 2 × 30 = 60.
        var result = MuYieldEvaluator.Evaluate(Huangyan(cap: 2m), 2022, [Firm("F1", tax: 6_000m)]);
        var tax = Assert.Single(result.Firms).Indicators[0];
        Assert.True(tax.Capped);
        Assert.Equal(60m, tax.Score);
    }

    [Theory]
    // Position p of n is in the first band with p ≤ share × n: A ≤ 0.2n, B ≤ 0.8n, C ≤ 0.95n, else D.
    [InlineData(10, "AABBBBBBCD")]                    // A 2 (20 %), B 6, C 1 (9.5 → 9), D 1
    [InlineData(20, "AAAABBBBBBBBBBBBCCCD")]          // 4 / 12 / 3 / 1
    [InlineData(3, "BBD")]                            // 0.6 → no A; 2.4 → B 2; 2.85 → no C; D 1
    [InlineData(1, "D")]                              // one firm: 1 > 0.95 → D
    [InlineData(5, "ABBBD")]                          // 1 / 3 / 0 / 1
    public void Classes_follow_the_rank_shares_exactly(int n, string expected)
    {
        var firms = Enumerable.Range(0, n).Select(i => Firm($"F{i:D3}", tax: 1_000m - i * 10m)).ToArray();
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022, firms);
        var classes = string.Concat(result.Firms.OrderBy(f => f.Rank).Select(f => f.Class));
        Assert.Equal(expected, classes);
    }

    [Fact]
    public void Ties_are_broken_by_the_heaviest_indicator_then_by_uscc_so_shares_stay_exact()
    {
        // Ten identical firms tie on every score: the USCC order decides, and still exactly 2 A, 6 B, 1 C, 1 D.
        var firms = Enumerable.Range(0, 10).Select(i => Firm($"T{9 - i}")).ToArray();
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022, firms);
        Assert.Equal(["T0", "T1"], result.Firms.Where(f => f.Class == "A").Select(f => f.Inputs.Uscc).Order());
        Assert.Equal(new Dictionary<string, int> { ["A"] = 2, ["B"] = 6, ["C"] = 1, ["D"] = 1 }, result.Populations[0].ClassCounts);

        // Same total, different composition (weights 60 and 40, benchmarks 1): X = 60 × 1 + 40 × 0.5 = 80,
        // Y = 60 × 0.5 + 40 × 1.25 = 80. X has the higher score on the heaviest indicator, so X ranks first.
        var method = new MuYieldMethod("tie", "tie", "test",
        [
            new PopulationRule("all", "all", EnterpriseScale.Above, null, null,
            [
                Given(MuYieldIndicator.TaxPerMu, 60m, 1m, null),
                Given(MuYieldIndicator.RdIntensity, 40m, 1m, null),
            ], Shares),
        ], new ExemptionRule([], null, null), NoTariffs);
        var tie = MuYieldEvaluator.Evaluate(method, 2022,
            [Firm("Y", land: 1m, tax: 0.5m, rd: 1.25m, revenue: 1m), Firm("X", land: 1m, tax: 1m, rd: 0.5m, revenue: 1m)]);
        Assert.Equal(80m, tie.Firms[0].TotalScore);
        Assert.Equal(80m, tie.Firms[1].TotalScore);
        Assert.Equal(["X", "Y"], tie.Firms.OrderBy(f => f.Rank).Select(f => f.Inputs.Uscc));
    }

    [Fact]
    public void Exempt_firms_are_scored_but_get_no_class_and_do_not_count_in_the_shares()
    {
        var firms = new[]
        {
            Firm("U1", industryCode: "D4411"),                                    // 电力生产: public utility
            Firm("N1", established: new DateOnly(2021, 6, 1)),                    // < 2 years at 2022-12-31
            Firm("L1", landGranted: new DateOnly(2020, 3, 1)),                    // < 3 years at 2022-12-31
            Firm("OK", established: new DateOnly(2020, 12, 31)),                  // exactly 2 years: graded
        };
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022, firms);
        Assert.Contains("公用事业", result.Firms.Single(f => f.Inputs.Uscc == "U1").ExemptReason);
        Assert.Contains("新成立", result.Firms.Single(f => f.Inputs.Uscc == "N1").ExemptReason);
        Assert.Contains("新供地", result.Firms.Single(f => f.Inputs.Uscc == "L1").ExemptReason);
        Assert.All(result.Firms.Where(f => f.ExemptReason is not null), f =>
        {
            Assert.Null(f.Class);
            Assert.Null(f.Rank);
            Assert.True(f.TotalScore > 0m);
        });
        var ok = result.Firms.Single(f => f.Inputs.Uscc == "OK");
        Assert.Equal(1, ok.RankedInPopulation);
        Assert.NotNull(ok.Class);
    }

    [Fact]
    public void Firms_missing_months_are_listed_not_scored()
    {
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022, [Firm("F1"), Firm("P1", months: 11)],
            new Dictionary<string, IReadOnlyList<int>> { ["P1"] = [12] });
        Assert.Single(result.Firms);
        var listed = Assert.Single(result.NotEvaluated);
        Assert.Equal("P1", listed.Inputs.Uscc);
        Assert.Equal([12], listed.MissingMonths);
    }

    [Fact]
    public void A_population_mean_benchmark_is_the_mean_of_the_graded_firms_values()
    {
        // Benchmark = mean of 亩均税收 over the population: (30 + 10) / 2 = 20 → F1 scores 100 × 30/20 = 150, F2 50.
        var method = new MuYieldMethod("mean", "mean", "test",
        [
            new PopulationRule("all", "all", EnterpriseScale.Above, null, null,
                [new IndicatorRule(MuYieldIndicator.TaxPerMu, 100m, new BenchmarkRule(BenchmarkKind.PopulationMean, null), null, MissingDataRule.Zero)],
                Shares),
        ], new ExemptionRule([], null, null), NoTariffs);
        var result = MuYieldEvaluator.Evaluate(method, 2022, [Firm("F1", tax: 600m), Firm("F2", tax: 200m)]);
        Assert.Equal(20m, result.Populations[0].Benchmarks[0].Value);
        Assert.Equal(150m, result.Firms.Single(f => f.Inputs.Uscc == "F1").TotalScore);
        Assert.Equal(50m, result.Firms.Single(f => f.Inputs.Uscc == "F2").TotalScore);
    }

    [Fact]
    public void Parks_rank_by_tax_per_mu_over_their_land()
    {
        // P1: (600 + 600) / (20 + 20) = 30 万元/亩; P2: 900 / 20 = 45 → P2 first.
        var result = MuYieldEvaluator.Evaluate(Huangyan(), 2022,
            [Firm("A1", park: "P1"), Firm("A2", park: "P1"), Firm("B1", park: "P2", tax: 900m), Firm("C1")]);
        Assert.Equal(["P2", "P1"], result.Parks.Select(p => p.ParkCode));
        Assert.Equal(30m, result.Parks[1].TaxPerMu);
        Assert.Equal(45m, result.Parks[0].TaxPerMu);
    }

    [Fact]
    public void The_same_inputs_always_give_the_same_result()
    {
        var firms = Enumerable.Range(0, 50).Select(i => Firm($"F{i:D2}", tax: 100m + i * 37 % 11 * 50m)).ToArray();
        var a = MuYieldEvaluator.Evaluate(Huangyan(), 2022, firms);
        var b = MuYieldEvaluator.Evaluate(Huangyan(), 2022, firms.Reverse().ToArray());
        Assert.Equal(a.Firms.Select(f => (f.Inputs.Uscc, f.TotalScore, f.Rank, f.Class)).OrderBy(x => x.Uscc),
            b.Firms.Select(f => (f.Inputs.Uscc, f.TotalScore, f.Rank, f.Class)).OrderBy(x => x.Uscc));
    }
}
