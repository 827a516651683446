using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

public class TargetsApiTests : OwnService
{
    private async Task FirmAsync(string? park, string scale, decimal land, decimal tax2020, decimal tax2023)
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/enterprises",
            new { uscc, name = "企业", industry = "机械", parkCode = park, scale, landAreaMu = land })).StatusCode);
        foreach (var (year, tax, kwh, water) in new[] { (2020, tax2020, 100_000m, 100m), (2023, tax2023, 80_000m, 85m) })
        {
            for (var m = 1; m <= 12; m++)
            {
                var body = new
                {
                    energy = new[] { new { carrier = "electricity", quantity = kwh, unit = "kWh" } },
                    waterM3 = water, outputValue = 1_000m, valueAdded = 250m, revenue = 900m, taxPaid = tax, employees = 50, rdExpense = 5m,
                };
                Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, $"{year}-{m:D2}", body)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Targets_report_baseline_latest_progress_and_projection_honestly()
    {
        await Http.RegisterParkAsync("T-PARK");
        await FirmAsync("T-PARK", "above", 20m, 10m, 20m);   // 规上 A: tax 120 (2020), 240 (2023), 20 亩
        await FirmAsync(null, "above", 30m, 20m, 30m);       // 规上 B: tax 240, 360, 30 亩
        await FirmAsync("T-PARK", "below", 5m, 1m, 1m);      // 规下 C
        var r = await (await Http.GetAsync("/api/district/targets?year=2023")).JsonAsync();
        JsonNode Target(string id) => r["targets"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == id)!;

        // 规上亩均税收: 2020 (120 + 240)/(20 + 30) = 7.2; 2023 (240 + 360)/50 = 12. Progress 4.8/41.8 = 0.114833;
        // projection 7.2 + 4.8 × 5/3 = 15.2 < 49 → off track.
        var tax = Target("tax-per-mu-above");
        Assert.Equal(7.2m, tax.Dec("baseline"));
        Assert.Equal(12m, tax.Dec("latest"));
        Assert.Equal(0.114833m, tax.Dec("progress"));
        Assert.Equal(15.2m, tax.Dec("projection"));
        Assert.Equal("off-track", tax["status"]!.GetValue<string>());
        Assert.Equal(1m, tax.Dec("coverage"));

        // Water, all firms: 100 → 85 m³ a month: −15 %; projection 0.15 × 5/3 = 0.25 ≥ 0.10 → on track.
        var water = Target("water-use");
        Assert.Equal(0.15m, water.Dec("latest"));
        Assert.Equal("on-track", water["status"]!.GetValue<string>());

        // 规上 energy intensity (等价值, comparable prices): 1 − (80 000 × 0.3007)/(100 000 × 0.3055) × 109.1561/100 = 0.140472;
        // projection 0.140472 × 5/3 = 0.234119 ≥ 0.16 → on track.
        var energy = Target("energy-intensity-above");
        Assert.Equal(0.140472m, energy.Dec("latest"));
        Assert.Equal(0.234119m, energy.Dec("projection"));
        Assert.Equal("on-track", energy["status"]!.GetValue<string>());
        Assert.Equal("comparable-2020", r["priceBasis"]!.GetValue<string>());
        // CO2, one grid factor for both years (the default policy): 1 − 0.8 × 1.091561 = 0.126751 — the same as energy
        // would be at one coal rate: only the firms' own change counts, not the grid's.
        Assert.Equal(0.126751m, Target("co2-intensity-above").Dec("latest"));

        // In parks: 2 of 3 = 0.666667, with no history to project from; by value added (3 000 万元 each in 2023) 6 000 ÷ 9 000.
        var parks = Target("firms-in-parks");
        Assert.Equal(0.666667m, parks.Dec("latest"));
        Assert.Contains("按2023年增加值计 66.666667%", parks["note"]!.GetValue<string>());
        Assert.Equal("no-baseline", parks["status"]!.GetValue<string>());

        // Green factories come from the certificate register: none issued yet, so 0 (and no history to project from).
        var green = Target("green-factories");
        Assert.Equal(0m, green.Dec("latest"));
        Assert.Equal("no-baseline", green["status"]!.GetValue<string>());

        // Land freed: no parcel disposed of, so 0 亩 of the 5 000 since 2020 — off track, and the note says what counts.
        var land = Target("land-reclaimed");
        Assert.Equal((0m, "off-track"), (land.Dec("latest"), land["status"]!.GetValue<string>()));
        Assert.Contains("处置完成", land["note"]!.GetValue<string>());
        // The campaigns count closed rectification cases: none yet.
        Assert.Equal(0m, Target("scattered-polluting").Dec("latest"));
    }

    [Fact]
    public async Task A_bad_query_names_the_parameter()
    {
        await (await Http.GetAsync("/api/district/targets?year=1999")).AssertProblemAsync(HttpStatusCode.BadRequest, "year");
        await (await Http.GetAsync("/api/district/targets?year=2023&plan=x")).AssertProblemAsync(HttpStatusCode.BadRequest, "plan");
    }
}
