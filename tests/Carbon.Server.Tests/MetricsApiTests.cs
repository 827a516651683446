using System.Net;
using System.Text.Json.Nodes;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

[Collection(ApiCollection.Name)]
public class MetricsApiTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    /// <summary>Enterprise A: Jan–Feb 2020 and Jan–Feb 2023; enterprise B (same park): Jan 2023 only.</summary>
    private async Task<(string A, string B, string Park)> SeedAsync()
    {
        var park = "P-MET-" + Guid.NewGuid().ToString("N")[..6];
        await Http.RegisterParkAsync(park);
        var a = TestUscc.Next();
        var b = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(a, park);
        await Http.RegisterEnterpriseAsync(b, park);
        foreach (var m in new[] { "2020-01", "2020-02" })
        {
            Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(a, m, Api.Filing(kwh: 100_000m, gasM3: 10_000m, water: 500m, valueAdded: 250m))).StatusCode);
        }
        foreach (var m in new[] { "2023-01", "2023-02" })
        {
            Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(a, m, Api.Filing(kwh: 90_000m, gasM3: 9_000m, water: 450m, valueAdded: 300m, output: 1_200m))).StatusCode);
        }
        var onlyPower = Api.Filing(kwh: 50_000m, gasM3: 0m, water: 100m, valueAdded: 100m, output: 400m);
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(b, "2023-01", onlyPower)).StatusCode);
        return (a, b, park);
    }

    [Fact]
    public async Task Enterprise_metrics_match_the_hand_calculation()
    {
        var (a, _, _) = await SeedAsync();
        var m = await (await Http.GetAsync($"/api/enterprises/{a}/metrics?year=2023&throughMonth=2")).JsonAsync();

        // 2023 Jan–Feb: 180 000 kWh, 18 000 m³ gas, 900 m³ water, value added 600 万元.
        // 当量值: 180 000 × 0.1229 = 22 122 kgce; gas by the heating value its CO2 uses (工业其他行业 389.31 GJ/万m³):
        // 1.8 万m³ × 389.31 = 700.758 GJ ÷ 29.307 GJ/tce = 23.910943 tce → 46.032943 tce.
        // 等价值: 2023 has no coal rate, nearest 2022 = 300.7 gce/kWh: 180 000 × 0.3007 = 54.126 tce + 23.910943 → 78.036943 tce.
        Assert.Equal(46.032943m, m.Dec("energyTce.calorific"));
        Assert.Equal(78.036943m, m.Dec("energyTce.equivalent"));
        Assert.Equal("ee.2022", m["factors"]!["electricityEquivalent"]!["factorId"]!.GetValue<string>());
        Assert.True(m["factors"]!["electricityEquivalent"]!["substitute"]!.GetValue<bool>());
        // The rate is the published supply (供电) rate, which GB/T 2589's generation (发电) rate is not: the row says so.
        Assert.Contains("供电", m["factors"]!["electricityEquivalent"]!["edition"]!.GetValue<string>());

        // CO2: 180 MWh × 0.5500 (华东 2023) = 99 t;
        //   gas 1.8 万m³ × 389.31 = 700.758 GJ × 0.0153 × 0.99 = 10.614381426 tC × 44/12 = 38.919398562 t.
        Assert.Equal(99m, m.Dec("co2T.electricity"));
        Assert.Equal(38.919399m, m.Dec("co2T.combustion"));
        Assert.Equal(137.919399m, m.Dec("co2T.total"));
        Assert.Equal(900m, m.Dec("waterM3"));
        Assert.Equal(600m, m.Dec("valueAdded"));

        // Comparable 2020 prices: P(2023) = 109.1561 → 600 × 100 / 109.1561 = 549.671525 万元.
        Assert.Equal("comparable-2020", m["priceBasis"]!.GetValue<string>());
        Assert.Equal(549.671525m, m.Dec("valueAddedAtPriceBasis"));
        // Intensities: 78.036943 / 549.6715… = 0.14197; 46.032943 / 549.67 = 0.083746; 137.9194 / 549.67 = 0.250912; 900 / 549.67 = 1.637342.
        Assert.Equal("equivalent", m["energyBasis"]!.GetValue<string>());
        Assert.Equal(0.14197m, m.Dec("intensity.energyTcePer10kYuan"));
        Assert.Equal(0.083746m, m.Dec("intensity.energyCalorificTcePer10kYuan"));
        Assert.Equal(0.250912m, m.Dec("intensity.co2TPer10kYuan"));
        Assert.Equal(1.637342m, m.Dec("intensity.waterM3Per10kYuan"));

        // Baseline 2020 Jan–Feb: 200 000 kWh at 305.5 gce/kWh = 61.1 tce + gas 2 万m³ × 389.31 ÷ 29.307 = 26.567714 tce
        // → 87.667714 tce;
        // 2020's own CO2: 200 MWh × 0.5992 (华东 2021, the nearest published year, flagged) = 119.84 t + gas 43.24377618 t
        // = 163.08377618 t; VA 500.
        Assert.Equal(87.667714m, m.Dec("baseline.energyTce.equivalent"));
        Assert.Equal(119.84m, m.Dec("baseline.co2T.electricity"));
        Assert.Equal(163.083776m, m.Dec("baseline.co2T.total"));
        Assert.Equal(0.175335m, m.Dec("baseline.intensity.energyTcePer10kYuan"));
        Assert.Equal(2021, m["baseline"]!["factors"]!["grid"]!["usedYear"]!.GetValue<int>());
        Assert.True(m["baseline"]!["factors"]!["grid"]!["substitute"]!.GetValue<bool>());

        // Compared with one fixed grid factor (the default policy): 2020's 200 MWh at 2023's 0.5500 = 110 t + 43.24377618
        // = 153.24377618 t, so I₂₀₂₀ = 0.306488 and the CO2 reduction shows only the firm's own change.
        Assert.Equal("fixed", m["comparison"]!["gridPolicy"]!.GetValue<string>());
        Assert.Equal("grid.east-china.2023", m["comparison"]!["baselineGrid"]!["factorId"]!.GetValue<string>());
        Assert.Equal(153.243776m, m.Dec("comparison.baselineCo2T"));

        // Reductions 1 − I/I₂₀₂₀: energy 1 − 0.14197014/0.17533543 = 0.190294; CO2 1 − 0.250912/0.306488 = 0.181329
        // (= water's: activity fell 10 % on 10 % more comparable value added); water 1 − 1.637342/2 = 0.181329.
        Assert.Equal(0.190294m, m.Dec("reductionVs2020.energyIntensity"));
        // The fuels' heating values: the firm's guideline family, and per fuel the default row and the average NCV used.
        Assert.Equal("other-industry-2015", m["fuels"]!["family"]!.GetValue<string>());
        var gas = m["fuels"]!["lines"]!.AsArray().Single()!;
        Assert.Equal("ncv.natural-gas.other-industry-2015", gas["defaultNcvFactor"]!.GetValue<string>());
        Assert.Equal(389.31m, gas["averageNcv"]!.GetValue<decimal>());
        Assert.Equal(0.181329m, m.Dec("reductionVs2020.co2Intensity"));
        Assert.Equal(0.181329m, m.Dec("reductionVs2020.waterIntensity"));
        Assert.StartsWith("cn-default-", m["factorSet"]!.GetValue<string>());
        Assert.Null(m["trace"]);
    }

    [Fact]
    public async Task A_year_without_its_price_index_is_compared_provisionally_never_at_current_prices()
    {
        // 2025 has no published index in the shipped set: 2024's (106.7547) stands in and the figures say provisional.
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null);
        await Http.FileAsync(uscc, "2020-04", Api.Filing());
        await Http.FileAsync(uscc, "2025-04", Api.Filing());
        var m = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2025&throughMonth=4")).JsonAsync();
        Assert.Equal("comparable-2020", m["priceBasis"]!.GetValue<string>());
        Assert.True(m["priceIndex"]!["provisional"]!.GetValue<bool>());
        Assert.Equal(2024, m["priceIndex"]!["year"]!.GetValue<int>());
        Assert.Equal(234.181727m, m.Dec("valueAddedAtPriceBasis"));          // 250 × 100 / 106.7547 = 234.1817269
        var targets = await (await Http.GetAsync("/api/district/targets?year=2025")).JsonAsync();
        Assert.True(targets["priceProvisional"]!.GetValue<bool>());
        Assert.Contains(targets["targets"]!.AsArray(), t => t!["provisional"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rooftop_pv_is_reported_apart_and_never_makes_consumption_negative()
    {
        // 10 000 kWh bought, 200 000 generated on the roof, 150 000 sent to the grid (see RenewableTests): 1.229 tce.
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null);
        var month = Api.Filing();
        month["energy"] = new object[]
        {
            new { carrier = "electricity", quantity = 10_000m, unit = "kWh" },
            new { carrier = "renewable-generation", quantity = 200_000m, unit = "kWh" },
            new { carrier = "exported-electricity", quantity = 150_000m, unit = "kWh" },
        };
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2022-03", month)).StatusCode);
        var m = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2022&throughMonth=3")).JsonAsync();
        Assert.Equal(1.229m, m.Dec("energyTce.calorific"));
        Assert.Equal(5.617m, m.Dec("co2T.total"));
        Assert.Equal(150_000m, m.Dec("electricity.exportedKwh"));
        Assert.Equal(0m, m.Dec("electricity.deductedKwh"));
        Assert.Equal(200_000m, m.Dec("electricity.renewableGeneratedKwh"));
        Assert.Equal(50_000m, m.Dec("electricity.renewableSelfUsedKwh"));
    }

    [Fact]
    public async Task Metrics_give_the_gross_and_the_dual_control_energy()
    {
        // 10 000 m³ of gas, 4 000 as raw material (see DualControlTests): gross 389.31 GJ ÷ 29.307 = 13.283857 tce,
        // 原料用能 155.724 GJ ÷ 29.307 = 5.313543, 双控 7.970314 tce.
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null);
        var month = Api.Filing();
        month["energy"] = new object[] { new { carrier = "natural-gas", quantity = 10_000m, unit = "m3", feedstock = 4_000m } };
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2022-05", month)).StatusCode);
        var m = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2022&throughMonth=5")).JsonAsync();
        Assert.Equal(13.283857m, m.Dec("energyTce.calorific"));
        Assert.Equal(5.313543m, m.Dec("dualControl.feedstockTce"));
        Assert.Equal(7.970314m, m.Dec("dualControl.energyTce.calorific"));
        Assert.Equal(4_000m, (await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2022-05")).JsonAsync())["current"]!["energy"]![0]!.Dec("feedstock"));

        month["energy"] = new object[] { new { carrier = "electricity", quantity = 10m, unit = "kWh", feedstock = 1m } };
        await (await Http.FileAsync(uscc, "2022-06", month)).AssertProblemAsync(HttpStatusCode.BadRequest, "energy[0].feedstock");
        month["energy"] = new object[] { new { carrier = "natural-gas", quantity = 10m, unit = "m3", feedstock = 11m } };
        await (await Http.FileAsync(uscc, "2022-06", month)).AssertProblemAsync(HttpStatusCode.BadRequest, "energy[0].feedstock");
    }

    [Fact]
    public async Task Year_to_date_compares_the_same_months_of_2020_and_lists_missing_months()
    {
        var (a, _, _) = await SeedAsync();
        var jan = await (await Http.GetAsync($"/api/enterprises/{a}/metrics?year=2023&throughMonth=1")).JsonAsync();
        Assert.Equal(1, jan["months"]!.GetValue<int>());
        Assert.Equal(1, jan["baseline"]!["months"]!.GetValue<int>());
        // 2023-01 alone: 90 000 × 0.1229 = 11.061 tce + 0.9 万m³ × 389.31 GJ ÷ 29.307 = 11.955471 tce → 23.016471 tce.
        Assert.Equal(23.016471m, jan.Dec("energyTce.calorific"));

        var year = await (await Http.GetAsync($"/api/enterprises/{a}/metrics?year=2023")).JsonAsync();
        Assert.Equal(12, year["throughMonth"]!.GetValue<int>());
        Assert.Equal(2, year["months"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(3, 10), year["missingMonths"]!.AsArray().Select(x => x!.GetValue<int>()));
    }

    [Fact]
    public async Task The_trace_explains_every_figure_down_to_the_factor_and_clause()
    {
        var (a, _, _) = await SeedAsync();
        var m = await (await Http.GetAsync($"/api/enterprises/{a}/metrics?year=2023&throughMonth=2&trace=true")).JsonAsync();
        var terms = m["trace"]!["current"]!.AsArray();
        decimal Sum(string figure) => terms.Where(t => t!["figure"]!.GetValue<string>() == figure).Sum(t => t!.Dec("result"));
        Assert.Equal(m.Dec("energyTce.calorific"), Sum("energy.calorific"));
        Assert.Equal(m.Dec("energyTce.equivalent"), Sum("energy.equivalent"));
        Assert.Equal(m.Dec("co2T.electricity"), Sum("co2.electricity"));

        var power = terms.Single(t => t!["figure"]!.GetValue<string>() == "energy.calorific" && t["carrier"]!.GetValue<string>() == "electricity")!;
        Assert.Equal(180_000m, power.Dec("quantity"));
        Assert.Equal("sc.electricity", power["factors"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(0.1229m, power["factors"]![0]!.Dec("value"));
        Assert.Contains("GB/T 2589", power["clause"]!.GetValue<string>());
        Assert.DoesNotContain("2589-2020", power["clause"]!.GetValue<string>());          // the coefficient is the 2008 table's
        Assert.Contains("2589-2008", power["factors"]![0]!["edition"]!.GetValue<string>());
        var equivalent = terms.Single(t => t!["figure"]!.GetValue<string>() == "energy.equivalent" && t["carrier"]!.GetValue<string>() == "electricity")!;
        Assert.Contains("供电", equivalent["note"]!.GetValue<string>());
        var gas = terms.Single(t => t!["figure"]!.GetValue<string>() == "co2.combustion")!;
        Assert.Contains("GB/T 32150-2015", gas["clause"]!.GetValue<string>());
        Assert.Equal(3, gas["factors"]!.AsArray().Count);

        var filings = m["trace"]!["filings"]!.AsArray().Select(f => f!["month"]!.GetValue<string>()).ToArray();
        Assert.Equal(["2023-01", "2023-02", "2020-01", "2020-02"], filings);
    }

    [Fact]
    public async Task A_park_sums_its_members()
    {
        var (_, _, park) = await SeedAsync();
        // A 2023 Jan–Feb 46.032943 tce + B 2023-01 50 000 kWh × 0.1229 = 6.145 tce → 52.177943 tce; water 900 + 100.
        var m = await Eventually.JsonAsync(Http, $"/api/parks/{park}/metrics?year=2023&throughMonth=2",
            j => j.Dec("energyTce.calorific") == 52.177943m);
        Assert.Null(m["fuels"]!["family"]);   // a park's firms each keep their own family
        Assert.Equal(1_000m, m.Dec("waterM3"));
        Assert.Equal(700m, m.Dec("valueAdded"));
        Assert.Equal(2, m["scope"]!["enterprises"]!.GetValue<int>());
        Assert.Equal("park", m["scope"]!["kind"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "year")]
    [InlineData("year=abc", "year")]
    [InlineData("year=2019", "year")]
    [InlineData("year=2027", "year")]
    [InlineData("year=2023&throughMonth=13", "throughMonth")]
    [InlineData("year=2023&trace=maybe", "trace")]
    public async Task Bad_queries_name_the_parameter(string query, string field)
    {
        var (a, _, _) = await SeedAsync();
        await (await Http.GetAsync($"/api/enterprises/{a}/metrics?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Metrics_of_unknown_enterprises_and_parks_are_404()
    {
        await (await Http.GetAsync($"/api/enterprises/{TestUscc.Next()}/metrics?year=2023")).AssertProblemAsync(HttpStatusCode.NotFound, "uscc");
        await (await Http.GetAsync("/api/parks/NOPE/metrics?year=2023")).AssertProblemAsync(HttpStatusCode.NotFound, "code");
    }
}
