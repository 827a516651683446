using System.Net;
using System.Net.Http.Json;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>Fuel defaults follow the firm's industry; a measured heating value on a line wins and shows in the trace.</summary>
[Collection(ApiCollection.Name)]
public class FuelApiTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    private static Dictionary<string, object?> CoalAndDiesel()
    {
        var month = Api.Filing();
        month["energy"] = new object[]
        {
            new { carrier = "raw-coal", quantity = 50m, unit = "t", measuredNcv = 21.5m },
            new { carrier = "diesel", quantity = 10m, unit = "t" },
        };
        return month;
    }

    [Fact]
    public async Task A_measured_ncv_wins_round_trips_and_is_in_the_trace()
    {
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null);
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2023-04", CoalAndDiesel())).StatusCode);

        var filed = await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2023-04")).JsonAsync();
        Assert.Equal(21.5m, filed["current"]!["energy"]![0]!["measuredNcv"]!.GetValue<decimal>());
        Assert.Null(filed["current"]!["energy"]![1]!["measuredNcv"]);

        // 工业其他行业 (no industry code on this profile → the default family):
        //   coal 50 t × 21.5 GJ/t (measured) = 1 075 GJ ÷ 29.307 = 36.680656 tce; × 0.02618 × 0.93 × 44/12 = 95.969335 t
        //   diesel 10 t × 43.33 GJ/t = 433.3 GJ ÷ 29.307 = 14.784864 tce; × 0.0202 × 0.98 × 44/12 = 31.451225 t
        var m = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2023&throughMonth=4&trace=true")).JsonAsync();
        Assert.Equal(36.680656m + 14.784864m, m.Dec("energyTce.calorific"));
        Assert.Equal(95.969335m + 31.451225m, m.Dec("co2T.combustion"));
        var coal = m["fuels"]!["lines"]!.AsArray().Single(l => l!["carrier"]!.GetValue<string>() == "raw-coal")!;
        Assert.Equal(50m, coal["measuredQuantity"]!.GetValue<decimal>());
        Assert.Equal(21.5m, coal["averageNcv"]!.GetValue<decimal>());
        var term = m["trace"]!["current"]!.AsArray().Single(t => t!["figure"]!.GetValue<string>() == "co2.combustion"
                                                                  && t["carrier"]!.GetValue<string>() == "raw-coal")!;
        Assert.Contains("实测", term["note"]!.GetValue<string>());
        Assert.DoesNotContain(term["factors"]!.AsArray(), f => f!["id"]!.GetValue<string>().StartsWith("ncv.", StringComparison.Ordinal));
        var diesel = m["trace"]!["current"]!.AsArray().Single(t => t!["figure"]!.GetValue<string>() == "co2.combustion"
                                                                    && t["carrier"]!.GetValue<string>() == "diesel")!;
        Assert.Contains(diesel["factors"]!.AsArray(), f => f!["id"]!.GetValue<string>() == "ncv.diesel.other-industry-2015");
    }

    [Fact]
    public async Task A_measured_ncv_on_a_line_that_is_not_a_fuel_or_out_of_range_is_a_field_error()
    {
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null);
        var month = Api.Filing();
        month["energy"] = new object[] { new { carrier = "electricity", quantity = 1_000m, unit = "kWh", measuredNcv = 21.5m } };
        await (await Http.FileAsync(uscc, "2023-04", month)).AssertProblemAsync(HttpStatusCode.BadRequest, "energy[0].measuredNcv");
        month["energy"] = new object[] { new { carrier = "raw-coal", quantity = 1m, unit = "t", measuredNcv = 20908m } };   // kJ/kg, not GJ/t
        var problem = await (await Http.FileAsync(uscc, "2023-04", month)).AssertProblemAsync(HttpStatusCode.BadRequest, "energy[0].measuredNcv");
        Assert.Contains("GJ/t", problem);
    }

    [Fact]
    public async Task A_new_industry_moves_the_firm_to_its_family_and_the_park_follows()
    {
        var park = "P-FUEL-" + Guid.NewGuid().ToString("N")[..6];
        await Http.RegisterParkAsync(park);
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, park);
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2023-05", CoalAndDiesel())).StatusCode);
        var before = await Eventually.JsonAsync(Http, $"/api/parks/{park}/metrics?year=2023&throughMonth=5",
            j => j.Dec("co2T.combustion") == 95.969335m + 31.451225m);

        // Reclassified as a chemical firm (C2614): diesel on the first-batch table, 10 t × 42.652 GJ/t = 426.52 GJ
        // ÷ 29.307 = 14.553520 tce; × 0.0202 × 0.98 × 44/12 = 30.959096 t. Coal stays measured.
        var revised = await Http.PutAsJsonAsync($"/api/enterprises/{uscc}", new
        {
            name = "宁波测试制造有限公司", industry = "化学原料和化学制品制造业", scale = "above", landAreaMu = 50m, industryCode = "C2614",
            reason = "行业代码更正",
        });
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var firm = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2023&throughMonth=5")).JsonAsync();
        Assert.Equal("first-batch-2013", firm["fuels"]!["family"]!.GetValue<string>());
        Assert.Equal(95.969335m + 30.959096m, firm.Dec("co2T.combustion"));
        await Eventually.JsonAsync(Http, $"/api/parks/{park}/metrics?year=2023&throughMonth=5",
            j => j.Dec("co2T.combustion") == 95.969335m + 30.959096m);
        Assert.NotNull(before);
    }
}
