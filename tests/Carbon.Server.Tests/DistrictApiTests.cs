using System.Net;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>The district is every park plus the enterprises outside parks — checked on a service of its own.</summary>
public class DistrictApiTests : OwnService
{
    [Fact]
    public async Task District_figures_are_the_sum_of_parks_and_enterprises_outside_parks()
    {
        await Http.RegisterParkAsync("D-A");
        await Http.RegisterParkAsync("D-B");
        var a1 = TestUscc.Next();
        var a2 = TestUscc.Next();
        var b1 = TestUscc.Next();
        var none = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(a1, "D-A");
        await Http.RegisterEnterpriseAsync(a2, "D-A");
        await Http.RegisterEnterpriseAsync(b1, "D-B");
        await Http.RegisterEnterpriseAsync(none, null);
        // Electricity only, 2023-04, so the sum is easy by hand: 10 000 + 20 000 + 30 000 + 40 000 = 100 000 kWh
        // → 当量值 100 000 × 0.1229 = 12 290 kgce = 12.29 tce; CO2 100 MWh × 0.55 = 55 t; VA 4 × 250 = 1 000 万元.
        var kwh = new[] { 10_000m, 20_000m, 30_000m, 40_000m };
        var firms = new[] { a1, a2, b1, none };
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(firms[i], "2023-04", Api.Filing(kwh: kwh[i], gasM3: 0m))).StatusCode);
        }

        var district = await Eventually.JsonAsync(Http, "/api/district/metrics?year=2023", j => j.Dec("energyTce.calorific") == 12.29m);
        Assert.Equal(55m, district.Dec("co2T.electricity"));
        Assert.Equal(1_000m, district.Dec("valueAdded"));
        Assert.Equal(4, district["scope"]!["enterprises"]!.GetValue<int>());

        var parkA = await Eventually.JsonAsync(Http, "/api/parks/D-A/metrics?year=2023", j => j.Dec("energyTce.calorific") == 3.687m);
        var parkB = await Eventually.JsonAsync(Http, "/api/parks/D-B/metrics?year=2023", j => j.Dec("energyTce.calorific") == 3.687m);
        var outside = await (await Http.GetAsync($"/api/enterprises/{none}/metrics?year=2023")).JsonAsync();
        Assert.Equal(district.Dec("energyTce.calorific"),
            parkA.Dec("energyTce.calorific") + parkB.Dec("energyTce.calorific") + outside.Dec("energyTce.calorific"));
        Assert.Equal(district.Dec("co2T.total"), parkA.Dec("co2T.total") + parkB.Dec("co2T.total") + outside.Dec("co2T.total"));

        // A revision moves the district within the freshness target (1 s; polled here for up to 10 s on a loaded box).
        await Http.FileAsync(none, "2023-04", Api.Filing(kwh: 140_000m, gasM3: 0m, reason: "更正"));
        await Eventually.JsonAsync(Http, "/api/district/metrics?year=2023", j => j.Dec("energyTce.calorific") == 24.58m);
    }
}
