using System.Net;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>Nothing filed is lost: stop the host, start a new one on the same data directory, read the same answers.</summary>
public class RestartTests
{
    [Fact]
    public async Task A_new_host_on_the_same_data_directory_reads_identical_metrics_and_history()
    {
        using var folder = new TempFolder();
        var uscc = TestUscc.Next();
        var outside = TestUscc.Next();
        string[] urls =
        [
            $"/api/enterprises/{uscc}/metrics?year=2023&trace=true",
            $"/api/enterprises/{uscc}/filings/2023-03",
            $"/api/enterprises/{uscc}",
            "/api/parks/R-PARK",
            "/api/parks/R-PARK/metrics?year=2023&trace=true",
            "/api/district/metrics?year=2023&throughMonth=6",
        ];
        var before = new Dictionary<string, string>();

        await using (var first = new CarbonApp(folder.Path))
        {
            var http = await first.OfficialAsync();
            Assert.Equal(HttpStatusCode.Created, (await http.RegisterParkAsync("R-PARK")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await http.RegisterEnterpriseAsync(uscc, "R-PARK")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await http.RegisterEnterpriseAsync(outside, null)).StatusCode);
            foreach (var month in new[] { "2020-03", "2023-01", "2023-02", "2023-03" })
            {
                Assert.Equal(HttpStatusCode.Created, (await http.FileAsync(uscc, month, Api.Filing())).StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, (await http.FileAsync(uscc, "2023-03", Api.Filing(kwh: 123_456.7m, reason: "更正"))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await http.FileAsync(outside, "2023-03", Api.Filing(kwh: 5_000m))).StatusCode);

            // Park and district follow asynchronously; wait until they hold everything before taking the snapshot.
            await Eventually.JsonAsync(http, "/api/district/metrics?year=2023&throughMonth=6",
                j => j["monthsFiled"]!.AsArray().Count == 3 && j.Dec("waterM3") == 2_000m);
            await Eventually.JsonAsync(http, "/api/parks/R-PARK/metrics?year=2023", j => j.Dec("waterM3") == 1_500m);
            foreach (var url in urls)
            {
                before[url] = await (await http.GetAsync(url)).Content.ReadAsStringAsync();
            }
        }

        Assert.True(File.Exists(Path.Combine(folder.Path, "carbon.db")), "the ledger lives in the configured data directory");

        await using (var second = new CarbonApp(folder.Path))
        {
            var http = await second.OfficialAsync();
            foreach (var url in urls)
            {
                var response = await http.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(before[url], await response.Content.ReadAsStringAsync());
            }
            // And it keeps going: the next revision is 3, not 1.
            var correction = Api.Filing(kwh: 1m, reason: "再次更正");
            correction["confirm"] = true;                          // 1 kWh against 100 000 a month: a figure to confirm
            correction["note"] = "停产检修，仅照明用电";
            var next = await http.FileAsync(uscc, "2023-03", correction);
            Assert.Equal(3, (await next.JsonAsync())["revision"]!.GetValue<int>());
        }
    }
}
