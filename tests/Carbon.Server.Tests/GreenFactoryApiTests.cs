using Carbon.Domain.Access;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>The green-factory workflow through the API: apply, grade both editions, verify, approve, freeze.</summary>
public class GreenFactoryApiTests : OwnService
{
    /// <summary>
    /// 机械 (C3441) firm, 20 亩 = 13 333.33 m², floor area 20 000 m², footprint 6 000 m². 2020: 250 000 kWh and VA 250 a month;
    /// 2024: 200 000 kWh, VA 300, output 1 000 万元 and 100 t of 钢结构件 a month.
    /// </summary>
    private async Task<string> FirmAsync()
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/enterprises", new
        {
            uscc, name = "宁波绿色钢构有限公司", industry = "机械装备", industryCode = "C3441", parkCode = (string?)null, scale = "above",
            landAreaMu = 20m, floorAreaM2 = 20_000m, footprintM2 = 6_000m,
        })).StatusCode);
        foreach (var (year, kwh, va) in new[] { (2020, 250_000m, 250m), (2024, 200_000m, 300m) })
        {
            for (var m = 1; m <= 12; m++)
            {
                var body = new
                {
                    energy = new[] { new { carrier = "electricity", quantity = kwh, unit = "kWh" } },
                    waterM3 = 200m, outputValue = 1_000m, valueAdded = va, revenue = 1_000m, taxPaid = 40m, employees = 60, rdExpense = 20m,
                    products = new[] { new { name = "钢结构件", quantity = 100m, unit = "t" } },
                };
                Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, $"{year}-{m:D2}", body)).StatusCode);
            }
        }
        return uscc;
    }

    private async Task<JsonNode> RuleSetAsync(string id) =>
        (await (await Http.GetAsync("/api/green-factory/rule-sets")).JsonAsync()).AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;

    /// <summary>Claims every basic requirement and qualitative item of an edition, with evidence.</summary>
    private async Task<object[]> AllAnswersAsync(string edition)
    {
        var set = await RuleSetAsync(edition);
        var basic = set["basic"]!.AsArray().Select(b => b!["id"]!.GetValue<string>());
        var qualitative = set["items"]!.AsArray().Where(i => i!["metric"] is null).Select(i => i!["id"]!.GetValue<string>());
        return basic.Concat(qualitative).Select(id => (object)new { item = id, met = true, evidence = $"{id} 佐证材料编号 2024-001" }).ToArray();
    }

    private static JsonNode Item(JsonNode grade, string id) => grade["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task AnApplication_is_graded_from_the_ledger_and_the_answers_in_both_editions()
    {
        var uscc = await FirmAsync();
        var answers = await AllAnswersAsync("gbt36132-2025");
        var response = await Http.PostAsJsonAsync("/api/green-factory/applications",
            new { uscc, year = 2024, edition = "gbt36132-2025", product = "钢结构件", answers });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var app = await response.JsonAsync();
        var grade = app["grade"]!;
        Assert.Equal("claimed", grade["basis"]!.GetValue<string>());

        // 容积率 20 000 / 13 333.33 = 1.5 → 35 × (0.6 + 0.4 × (1.5 − 1.0)/(2.0 − 1.0)) = 28.
        Assert.Equal(1.5m, Item(grade, "li.floor-area-ratio").Dec("value"));
        Assert.Equal(28m, Item(grade, "li.floor-area-ratio").Dec("earned"));
        // 建筑密度 6 000 / 13 333.33 = 0.45 → 25 × (0.6 + 0.4 × 0.15/0.20) = 22.5.
        Assert.Equal(22.5m, Item(grade, "li.building-density").Dec("earned"));
        // 单位用地面积产值 12 000 / 20 = 600 → 40 × (0.6 + 0.4 × 300/500) = 33.6. Dimension: (28 + 22.5 + 33.6)/100 × 15 = 12.615.
        Assert.Equal(33.6m, Item(grade, "li.output-per-land").Dec("earned"));
        var land = grade["categories"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "land-intensive")!;
        Assert.Equal(12.615m, land.Dec("score"));
        // 单位产值综合能耗: 2 400 000 kWh × 0.3007 = 721.68 tce / 12 000 万元 = 0.06014 ≤ 引领值 0.20 → full 30.
        Assert.Equal(0.06014m, Item(grade, "lc.energy-output").Dec("value"));
        Assert.Equal(30m, Item(grade, "lc.energy-output").Dec("earned"));
        Assert.Contains("721.68 tce", Item(grade, "lc.energy-output")["source"]!.GetValue<string>());
        // 单位产品综合能耗 721.68 / 1 200 t = 0.6014 tce/t, worse than the 基准值 0.35 → 0, and a gap with the change to make.
        Assert.Equal(0.6014m, Item(grade, "lc.energy-product").Dec("value"));
        Assert.Equal(0m, Item(grade, "lc.energy-product").Dec("earned"));
        var gaps = grade["gaps"]!.AsArray();
        var gap = gaps.Single(g => g!["item"]!.GetValue<string>() == "lc.energy-product")!;
        Assert.Equal("由 0.6014 降至 0.2 (引领值，满分)", gap["action"]!.GetValue<string>());
        // Gaps are ordered by gain: 25/100 × 30 = 7.5 for this one is the largest.
        Assert.Equal("lc.energy-product", gaps[0]!["item"]!.GetValue<string>());
        Assert.Equal(7.5m, gaps[0]!.Dec("gain"));
        // CO2 intensity 2024 vs 2020 at comparable prices, one grid factor for both years (2024 has none: 2023's 0.5500):
        // 1 − (1 320 / (3 600 × 100/106.7547)) / (3 000 MWh × 0.5500 / 3 000) = 0.288302 ≥ 0.25 → 25.
        Assert.Equal(0.288302m, Item(grade, "lc.co2-reduction").Dec("value"));
        Assert.Equal(25m, Item(grade, "lc.co2-reduction").Dec("earned"));

        // Side by side: the 2018 edition graded with the same firm; its qualitative items were not answered, so it is not eligible.
        var y2018 = app["otherEditions"]!.AsArray().Single()!;
        Assert.Equal("GB/T 36132-2018", y2018["edition"]!.GetValue<string>());
        Assert.False(y2018["eligible"]!.GetValue<bool>());
        Assert.Contains(y2018["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("一票否决"));
        Assert.True(grade["eligible"]!.GetValue<bool>(), string.Join("; ", grade["reasons"]!.AsArray()));
    }

    [Fact]
    public async Task VerifyApprove_and_theApproved_inputs_stay_frozen()
    {
        var uscc = await FirmAsync();
        var answers = await AllAnswersAsync("gbt36132-2025");
        var app = await (await Http.PostAsJsonAsync("/api/green-factory/applications",
            new { uscc, year = 2024, edition = "gbt36132-2025", product = "钢结构件", answers })).JsonAsync();
        var id = app["id"]!.GetValue<string>();

        // Approval before verification is refused.
        await (await Http.PostAsJsonAsync($"/api/green-factory/applications/{id}/decision", new { approve = true }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "approve");

        // The verifier rejects one mandatory item: the verified grade is then not eligible, and approval is refused.
        var items = answers.Select(a => (string)a.GetType().GetProperty("item")!.GetValue(a)!).ToList();
        // The third-party evaluator the application is assigned to (核查员李四) records the verification.
        var evaluator = await App.ClientAsync("verifier-li", Role.Evaluator, applications: [id]);
        var verified = await (await evaluator.PostAsJsonAsync($"/api/green-factory/applications/{id}/verification",
            new { decisions = items.Select(i => new { item = i, accepted = i != "cp.compliance", comment = i == "cp.compliance" ? "排污许可证已过期" : null }) }))
            .JsonAsync();
        Assert.Equal("verifying", verified["status"]!.GetValue<string>());
        Assert.Equal("verified", verified["grade"]!["basis"]!.GetValue<string>());
        Assert.False(verified["grade"]!["eligible"]!.GetValue<bool>());
        Assert.Contains("核查未通过", Item(verified["grade"]!, "cp.compliance")["source"]!.GetValue<string>());
        await (await Http.PostAsJsonAsync($"/api/green-factory/applications/{id}/decision", new { approve = true }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "approve");

        // A second verification accepts it after correction; now the district approves.
        await Http.PostAsJsonAsync($"/api/green-factory/applications/{id}/verification",
            new { decisions = new[] { new { item = "cp.compliance", accepted = true, comment = "已换发排污许可证" } } });
        var approved = await (await Http.PostAsJsonAsync($"/api/green-factory/applications/{id}/decision",
            new { approve = true, comment = "同意认定" })).JsonAsync();
        Assert.Equal("approved", approved["status"]!.GetValue<string>());
        Assert.True(approved["frozen"]!.GetValue<bool>());
        var total = approved["grade"]!.Dec("totalScore");
        Assert.Equal(["submitted", "verified", "verified", "approved"], approved["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal("verifier-li", approved["events"]![1]!["actor"]!.GetValue<string>());

        // A later revision of the ledger does not move an approved application.
        var more = new
        {
            energy = new[] { new { carrier = "electricity", quantity = 900_000m, unit = "kWh" } },
            waterM3 = 200m, outputValue = 1_000m, valueAdded = 300m, revenue = 1_000m, taxPaid = 40m, employees = 60, rdExpense = 20m,
            products = new[] { new { name = "钢结构件", quantity = 100m, unit = "t" } },
            reason = "补报用电",
        };
        Assert.Equal(HttpStatusCode.OK, (await Http.FileAsync(uscc, "2024-06", more)).StatusCode);
        var again = await (await Http.GetAsync($"/api/green-factory/applications/{id}")).JsonAsync();
        Assert.Equal(total, again["grade"]!.Dec("totalScore"));
        Assert.Equal(0.06014m, Item(again["grade"]!, "lc.energy-output").Dec("value"));

        // And nothing more can be done to it.
        await (await Http.PostAsJsonAsync($"/api/green-factory/applications/{id}/decision", new { approve = false, comment = "x" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "id");
    }

    [Fact]
    public async Task BadApplications_name_the_field()
    {
        var uscc = await FirmAsync();
        var bad = await Http.PostAsJsonAsync("/api/green-factory/applications", new
        {
            uscc, year = 2024, edition = "gbt36132-2030",
            answers = new object[]
            {
                new { item = "li.floor-area-ratio", met = true, evidence = "x" },
                new { item = "no.such.item", met = true, evidence = "x" },
                new { item = "basic.legal", met = true },
            },
        });
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "edition");
        Assert.Contains("由台账计算", await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "answers[0].item"));
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "answers[1].item");
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "answers[2].evidence");
        await (await Http.PostAsJsonAsync("/api/green-factory/applications",
            new { uscc = TestUscc.Next(), year = 2024, edition = "gbt36132-2018", answers = Array.Empty<object>() }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "uscc");
        await (await Http.GetAsync("/api/green-factory/applications/0123456789abcdef0123456789abcdef")).AssertProblemAsync(HttpStatusCode.NotFound, "id");
    }
}
