using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>亩均 evaluation through the API, on a service of its own so the registered population is known exactly.</summary>
public class EvaluationApiTests : OwnService
{
    /// <summary>
    /// The firm of the hand calculation, per month of 2023: tax 50, VA 250 (output 1 000), revenue 800, R&amp;D 10 万元,
    /// 200 000 kWh, 150 staff, COD 0.04 t. A year: tax 600, VA 3 000, revenue 9 600, R&amp;D 120, 2 400 000 kWh, 0.48 t.
    /// </summary>
    private static Dictionary<string, object?> Month(decimal tax = 50m, decimal va = 250m, decimal kwh = 200_000m) => new()
    {
        ["energy"] = new object[] { new { carrier = "electricity", quantity = kwh, unit = "kWh" } },
        ["waterM3"] = 100m, ["outputValue"] = 1_000m, ["valueAdded"] = va, ["revenue"] = 800m, ["taxPaid"] = tax,
        ["employees"] = 150, ["rdExpense"] = 10m, ["pollutants"] = new { codT = 0.04m },
    };

    private async Task<string> FirmAsync(string? park, string scale = "above", decimal land = 20m, int months = 12,
        string industryCode = "C3441", decimal tax = 50m, string? parcelGroup = null)
    {
        var uscc = TestUscc.Next();
        var response = await Http.PostAsJsonAsync("/api/enterprises", new
        {
            uscc, name = "企业" + uscc[^4..], industry = "机械装备", industryCode, parkCode = park, scale, landAreaMu = land,
            establishedOn = "2010-01-01", parcelGroup,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        for (var m = 1; m <= months; m++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, $"2023-{m:D2}", Month(tax: tax))).StatusCode);
        }
        return uscc;
    }

    private async Task<JsonNode> RunAsync(string method = "huangyan-2022", int year = 2023)
    {
        var response = await Http.PostAsJsonAsync("/api/evaluations", new { year, method });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task Both_methods_are_loaded()
    {
        var methods = (await (await Http.GetAsync("/api/evaluation-methods")).JsonAsync()).AsArray();
        Assert.Equal(["district-default", "huangyan-2022"], methods.Select(m => m!["id"]!.GetValue<string>()).Order());
        Assert.Equal("VERIFIED-2nd", methods.Single(m => m!["id"]!.GetValue<string>() == "huangyan-2022")!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Huangyan_scores_a_firm_from_its_filings_as_by_hand()
    {
        await Http.RegisterParkAsync("E-P1");
        var firm = await FirmAsync("E-P1");
        var run = await RunAsync();
        var detail = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises/{firm}")).JsonAsync();

        // 2 400 000 kWh at the 2023 等价值 (2022's 300.7 gce/kWh stands in) = 721.68 tce. Scores, weight × value / benchmark:
        //   亩均税收 600/20 = 30 → 37.349048;  亩均增加值 3000/20 = 150 → 22.032902
        //   单位能耗增加值 3000/721.68 = 4.156967 → 20 × 4.156967 / 2.694 = 30.860929
        //   单位排放增加值 3000/0.48 = 6250 → 10 × 6250 / 4929.81 = 12.677973
        //   全员劳动生产率 3000/150 = 20 → 11.025358;  R&D占比 120/9600 = 0.0125 → 10 × 0.0125 / 0.0302 = 4.139073
        //   total 118.085283
        decimal[] scores = [37.349048m, 22.032902m, 30.860929m, 12.677973m, 11.025358m, 4.139073m];
        Assert.Equal(scores, detail["indicators"]!.AsArray().Select(i => i!.Dec("score")));
        Assert.Equal(118.085283m, detail["firm"]!.Dec("totalScore"));
        Assert.Equal(721.68m, detail["inputs"]!.Dec("energyEquivalentTce"));
        var energy = detail["indicators"]![2]!;
        Assert.Equal(4.156967m, energy.Dec("value"));
        Assert.Equal(2.694m, energy.Dec("benchmark"));
        Assert.Contains("721.68 tce", energy["trace"]!.GetValue<string>());
        Assert.Contains("档案第1版", detail["indicators"]![0]!["trace"]!.GetValue<string>());
        // One firm in its population: position 1 of 1 is past 0.95 × 1, so by the share rule it is D, with D's tariff.
        Assert.Equal("D", detail["firm"]!["class"]!.GetValue<string>());
        Assert.Equal(0.10m, detail["tariff"]!.Dec("electricityYuanPerKwh"));
        Assert.Equal("UNVERIFIED", detail["tariff"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Incomplete_firms_are_listed_exempt_firms_get_no_class_and_shares_hold()
    {
        var firms = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            firms.Add(await FirmAsync(null, tax: 40m + i));                    // distinct scores: tax 480 … 588 a year
        }
        var partial = await FirmAsync(null, months: 11);
        var utility = await FirmAsync(null, industryCode: "D4412");
        var small = await FirmAsync(null, scale: "below", land: 5m);
        var run = await RunAsync();

        var listed = run["notEvaluated"]!.AsArray().Single()!;
        Assert.Equal(partial, listed["uscc"]!.GetValue<string>());
        Assert.Equal([12], listed["missingMonths"]!.AsArray().Select(m => m!.GetValue<int>()));

        var above = run["populations"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "above")!;
        Assert.Equal(11, above["evaluated"]!.GetValue<int>());
        Assert.Equal(10, above["ranked"]!.GetValue<int>());
        Assert.Equal(1, above["exempt"]!.GetValue<int>());
        // 10 ranked: A positions ≤ 2, B ≤ 8, C ≤ 9.5, D the rest → 2 / 6 / 1 / 1.
        Assert.Equal(2, above["classCounts"]!["A"]!.GetValue<int>());
        Assert.Equal(6, above["classCounts"]!["B"]!.GetValue<int>());
        Assert.Equal(1, above["classCounts"]!["C"]!.GetValue<int>());
        Assert.Equal(1, above["classCounts"]!["D"]!.GetValue<int>());

        var u = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises/{utility}")).JsonAsync();
        Assert.Null(u["firm"]!["class"]);
        Assert.Contains("公用事业", u["firm"]!["exemptReason"]!.GetValue<string>());
        Assert.Null(u["tariff"]);

        var top = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises?class=A&sort=-score")).JsonAsync();
        Assert.Equal([firms[9], firms[8]], top["items"]!.AsArray().Select(i => i!["uscc"]!.GetValue<string>()));
        var page = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises?population=above&page=2&pageSize=4&sort=rank")).JsonAsync();
        Assert.Equal(11, page["total"]!.GetValue<int>());
        Assert.Equal([5, 6, 7, 8], page["items"]!.AsArray().Select(i => i!["rank"]!.GetValue<int>()));
        var below = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises/{small}")).JsonAsync();
        Assert.Equal("below", below["firm"]!["population"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_run_never_changes_and_a_rerun_sees_new_filings()
    {
        var firm = await FirmAsync(null);
        var first = await RunAsync();
        var before = await (await Http.GetAsync($"/api/evaluations/{first["id"]}/enterprises/{firm}")).Content.ReadAsStringAsync();

        var revised = Month(tax: 500m);
        revised["reason"] = "补缴税款";
        Assert.Equal(HttpStatusCode.OK, (await Http.FileAsync(firm, "2023-06", revised)).StatusCode);

        var after = await (await Http.GetAsync($"/api/evaluations/{first["id"]}/enterprises/{firm}")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
        var second = await RunAsync();
        var rerun = await (await Http.GetAsync($"/api/evaluations/{second["id"]}/enterprises/{firm}")).JsonAsync();
        Assert.Equal(1_050m, rerun["inputs"]!.Dec("taxPaid"));                   // 11 × 50 + 500
        Assert.Contains("6:2", rerun["inputs"]!["filingRevisions"]!.GetValue<string>());

        var runs = (await (await Http.GetAsync("/api/evaluations")).JsonAsync()).AsArray();
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public async Task Parks_are_ranked_by_tax_per_mu()
    {
        await Http.RegisterParkAsync("E-LOW");
        await Http.RegisterParkAsync("E-HIGH");
        await FirmAsync("E-LOW", tax: 20m);                                      // 240 / 20 亩 = 12 万元/亩
        await FirmAsync("E-HIGH", tax: 60m);                                     // 720 / 20 亩 = 36 万元/亩
        var run = await RunAsync();
        var parks = (await (await Http.GetAsync($"/api/evaluations/{run["id"]}/parks")).JsonAsync()).AsArray();
        Assert.Equal(["E-HIGH", "E-LOW"], parks.Select(p => p!["parkCode"]!.GetValue<string>()));
        Assert.Equal(36m, parks[0]!.Dec("taxPerMu"));
        Assert.Equal(150m, parks[0]!.Dec("valueAddedPerMu"));
    }

    [Fact]
    public async Task Bad_requests_name_the_field()
    {
        await (await Http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "nope" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "method");
        await (await Http.PostAsJsonAsync("/api/evaluations", new { year = 2019, method = "huangyan-2022" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "year");
        await (await Http.GetAsync("/api/evaluations/0123456789abcdef0123456789abcdef")).AssertProblemAsync(HttpStatusCode.NotFound, "id");
        var run = await RunAsync();
        await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises?pageSize=0&sort=best"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
    }

    [Fact]
    public async Task A_lessee_with_its_leased_area_on_the_profile_is_ranked_among_lessees_per_leased_mu()
    {
        var lessee = TestUscc.Next();
        var response = await Http.PostAsJsonAsync("/api/enterprises", new
        {
            uscc = lessee, name = "租赁企业", industry = "机械装备", industryCode = "C3441", scale = "below", landAreaMu = 0m,
            leasedAreaMu = 4m, establishedOn = "2010-01-01",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(4m, (await response.JsonAsync()).Dec("profile.leasedAreaMu"));
        for (var m = 1; m <= 12; m++)
        {
            await Http.FileAsync(lessee, $"2023-{m:D2}", Month());
        }
        await FirmAsync(null, scale: "below", land: 5m);

        // district-default: 12 × 50 = 600 万元 tax on 4 leased 亩 → 亩均税收 150, in the lessee population.
        var run = await RunAsync("district-default");
        var firm = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises/{lessee}")).JsonAsync();
        Assert.Equal("lessee", firm["firm"]!["population"]!.GetValue<string>());
        Assert.Equal(150m, firm["indicators"]![0]!.Dec("value"));
        Assert.Contains("租赁面积 4 亩", firm["indicators"]![0]!["trace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_firms_on_one_parcel_show_their_own_scores_and_the_merged_group_that_sets_their_class()
    {
        // Six 规上 firms with the same filings but for tax (per month) and land; P1 and P2 share parcel GB-7. Under 黄岩 2022
        // only 亩均税收 (30 / 24.097) and 亩均增加值 (20 / 136.16) differ between them (VA 3 000 a year each; the other four
        // indicators are ratios of figures every firm, and the merged pair, has in the same proportion): C = 58.70 for all.
        //   X1 20 亩, tax 720: 36/亩 → 44.82 + 150/亩 → 22.03          = C + 66.85
        //   X2 20 亩, tax 600: 30/亩 → 37.35 + 22.03                    = C + 59.38
        //   X3 20 亩, tax 480: 24/亩 → 29.88 + 22.03                    = C + 51.91
        //   X4 20 亩, tax 240: 12/亩 → 14.94 + 22.03                    = C + 36.97
        //   P1 10 亩, tax 600: 60/亩 → 74.70 + 300/亩 → 44.07           = C + 118.76
        //   P2 30 亩, tax 120:  4/亩 →  4.98 + 100/亩 → 14.69           = C + 19.67
        //   GB-7 40 亩, tax 720: 18/亩 → 22.41 + VA 6 000/40 = 150 → 22.03 = C + 44.44
        // Ranked with GB-7 in place of P1 and P2 (five entries: A ≤ 1, B ≤ 4, D the 5th): X1 A, X2 B, X3 B, GB-7 B, X4 D.
        // P1 and P2 take GB-7's B; alone, in GB-7's place, P1 would be 1st of 5 (A) and P2 5th of 5 (D).
        var x = new List<string>();
        foreach (var tax in new[] { 60m, 50m, 40m, 20m })
        {
            x.Add(await FirmAsync(null, tax: tax));
        }
        var p1 = await FirmAsync(null, land: 10m, tax: 50m, parcelGroup: "GB-7");
        var p2 = await FirmAsync(null, land: 30m, tax: 10m, parcelGroup: "GB-7");
        var run = await RunAsync();

        var group = run["parcelGroups"]!.AsArray().Single()!;
        Assert.Equal("GB-7", group["code"]!.GetValue<string>());
        Assert.Equal(new[] { p1, p2 }.Order(StringComparer.Ordinal), group["members"]!.AsArray().Select(m => m!["uscc"]!.GetValue<string>()));
        Assert.Equal(("above", 40m, 4, 5, "B", true), (group["population"]!.GetValue<string>(), group.Dec("landAreaMu"),
            group["rank"]!.GetValue<int>(), group["rankedInPopulation"]!.GetValue<int>(), group["class"]!.GetValue<string>(),
            group["setsClass"]!.GetValue<bool>()));
        var above = run["populations"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "above")!;
        Assert.Equal((6, 5, 1), (above["evaluated"]!.GetValue<int>(), above["ranked"]!.GetValue<int>(), above["mergedGroups"]!.GetValue<int>()));

        var first = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises/{p1}")).JsonAsync();
        var firm = first["firm"]!;
        Assert.Equal(("A", "B", "merged", 1, 5), (firm["aloneClass"]!.GetValue<string>(), firm["class"]!.GetValue<string>(),
            firm["classFrom"]!.GetValue<string>(), firm["rank"]!.GetValue<int>(), firm["rankedInPopulation"]!.GetValue<int>()));
        Assert.Equal("GB-7", firm["parcelGroup"]!["code"]!.GetValue<string>());
        Assert.Equal(60m, first["indicators"]![0]!.Dec("value"));                        // its own 亩均税收, 600 / 10
        Assert.Equal("GB-7", first["inputs"]!["parcelGroup"]!.GetValue<string>());
        var merged = first["parcelGroupIndicators"]!.AsArray();
        Assert.Equal(18m, merged[0]!.Dec("value"));                                        // Σ tax 720 / Σ land 40
        Assert.Contains("合并用地面积 40 亩", merged[0]!["trace"]!.GetValue<string>());
        Assert.InRange(group.Dec("totalScore") - merged.Sum(i => i!.Dec("score")), -0.00001m, 0.00001m);
        Assert.InRange(group.Dec("totalScore"), 103.14m, 103.15m);                         // C + 44.44
        Assert.Equal("B", first["tariff"]!["class"]!.GetValue<string>());

        var second = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises/{p2}")).JsonAsync();
        Assert.Equal(("D", "B", "merged"), (second["firm"]!["aloneClass"]!.GetValue<string>(), second["firm"]!["class"]!.GetValue<string>(),
            second["firm"]!["classFrom"]!.GetValue<string>()));
        var bystander = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises/{x[3]}")).JsonAsync();
        Assert.Equal(("D", "alone", 5), (bystander["firm"]!["class"]!.GetValue<string>(), bystander["firm"]!["classFrom"]!.GetValue<string>(),
            bystander["firm"]!["rank"]!.GetValue<int>()));
        Assert.Null(bystander["firm"]!["parcelGroup"]);
        Assert.Empty(bystander["parcelGroupIndicators"]!.AsArray());

        var classB = await (await Http.GetAsync($"/api/evaluations/{run["id"]}/enterprises?class=B&sort=uscc")).JsonAsync();
        Assert.Equal(new[] { x[1], x[2], p1, p2 }.Order(StringComparer.Ordinal), classB["items"]!.AsArray().Select(i => i!["uscc"]!.GetValue<string>()));
    }
}
