using Carbon.Domain.Registry;
using Carbon.Server.Demo;
using Carbon.Server.Features.Filings;
using Carbon.Server.Grains;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

public class DemoTests
{
    [Fact]
    public void Every_demo_filing_would_pass_the_api_validation()
    {
        // The demo goes straight into the ledger, so it must hold only what the API itself would accept.
        var validator = new FilingRequestValidator();
        var district = DemoDistrict.Generate().ToList();
        Assert.Equal(200, district.Count);
        Assert.Equal(200, district.Select(d => d.Identity.Uscc).Distinct().Count());
        foreach (var (record, _, filings) in district)
        {
            Assert.True(Uscc.TryParse(record.Uscc, out _, out var error), error);
            Assert.Equal(72, filings.Select(f => (f.Year, f.Month)).Distinct().Count());
            foreach (var f in filings)
            {
                var request = FilingRequest.From(f.ToDomain()) with { Reason = f.Reason };
                var result = validator.Validate(request);
                Assert.True(result.IsValid, $"{record.Uscc} {f.Year}-{f.Month:D2}: {result}");
            }
        }
    }

    [Fact]
    public void The_demo_is_deterministic()
    {
        var a = DemoDistrict.Generate().SelectMany(d => d.Filings).Take(500).Select(f => (f.Uscc, f.ValueAdded, f.Energy.Count)).ToList();
        var b = DemoDistrict.Generate().SelectMany(d => d.Filings).Take(500).Select(f => (f.Uscc, f.ValueAdded, f.Energy.Count)).ToList();
        Assert.Equal(a, b);
    }

    [Fact]
    public async Task Demo_seeds_an_empty_ledger_once_and_the_district_reads_real_figures()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?> { ["Carbon:Demo"] = "true" };
        int filings;
        await using (var app = new CarbonApp(folder.Path, settings: settings))
        {
            var http = await app.OfficialAsync();
            var district = await (await http.GetAsync("/api/district/metrics?year=2025")).JsonAsync();
            Assert.Equal(200, district["scope"]!["enterprises"]!.GetValue<int>());
            Assert.Equal(12, district["months"]!.GetValue<int>());
            Assert.True(district.Dec("energyTce.equivalent") > 0m);
            Assert.True(district.Dec("reductionVs2020.energyIntensity") > 0m, "the demo firms get more efficient over time");
            var park = await (await http.GetAsync($"/api/parks/{DemoDistrict.Parks[0].Code}")).JsonAsync();
            Assert.True(park["enterprises"]!.GetValue<int>() > 10);
            filings = await CountAsync(app);
            Assert.True(filings >= 200 * 72);

            // 混合型企业: the three firms on the shared parcel show up merged in an evaluation, as a new user would see.
            var run = await (await http.PostAsJsonAsync("/api/evaluations", new { year = 2025, method = "district-default" })).JsonAsync();
            var group = run["parcelGroups"]!.AsArray().Single()!;
            Assert.Equal(DemoDistrict.SharedParcel, group["code"]!.GetValue<string>());
            Assert.Equal(3, group["members"]!.AsArray().Count);
            Assert.Equal("above", group["population"]!.GetValue<string>());
            Assert.True(group["setsClass"]!.GetValue<bool>());
            var member = group["members"]![0]!["uscc"]!.GetValue<string>();
            var firm = await (await http.GetAsync($"/api/evaluations/{run["id"]}/enterprises/{member}")).JsonAsync();
            Assert.Equal(group["class"]!.GetValue<string>(), firm["firm"]!["class"]!.GetValue<string>());
            Assert.Equal("merged", firm["firm"]!["classFrom"]!.GetValue<string>());

            // The demo filer's 205-1 forms wait on the import page, checked, not written: January new, February refused.
            var jobs = await Eventually.ValueAsync(async () => (await (await http.GetAsync("/api/imports")).JsonAsync()).AsArray(), j => j.Count > 0);
            var job = await (await http.GetAsync($"/api/imports/{jobs[0]!["id"]}")).JsonAsync();
            Assert.Equal(("checked", 1, 1), (job["state"]!.GetValue<string>(), job["counts"]!["new"]!.GetValue<int>(), job["counts"]!["rejected"]!.GetValue<int>()));
            Assert.Equal(filings, await CountAsync(app));

            // The district's 晴雨表 for 2025, by hand from the district's figures: fall = 1 − (E₂₀₂₅ ÷ VA₂₀₂₅) ÷ (E₂₀₂₄ ÷ VA₂₀₂₄), energy
            // on 等价值 and value added at current prices, every month filed in both years; the level against the 3 % target.
            var m25 = await (await http.GetAsync("/api/district/metrics?year=2025")).JsonAsync();
            var m24 = await (await http.GetAsync("/api/district/metrics?year=2024")).JsonAsync();
            var fall = 1m - m25.Dec("energyTce.equivalent") / m25.Dec("valueAdded") / (m24.Dec("energyTce.equivalent") / m24.Dec("valueAdded"));
            var barometer = (await (await http.GetAsync("/api/alerts?year=2025&rule=barometer")).JsonAsync()).AsArray()
                .Single(x => x!["subjectKind"]!.GetValue<string>() == "district")!;
            Assert.Equal(decimal.Round(fall, 6), decimal.Round(barometer.Dec("value"), 6));
            Assert.Equal(fall >= 0.03m ? "green" : fall >= 0.027m ? "yellow" : "red", barometer["level"]!.GetValue<string>());

            // A key firm whose 晴雨表 was red last year is proposed for this year's supervision plan, and says why.
            var proposals = await Eventually.ValueAsync(async () => (await (await http.GetAsync("/api/supervision/proposals?year=2026")).JsonAsync()).AsArray(),
                p => p.Count > 0);
            Assert.Contains(proposals, p => p!["reasons"]!.AsArray().Any(r => r!.GetValue<string>().Contains("晴雨表红灯", StringComparison.Ordinal)));
        }
        await using (var again = new CarbonApp(folder.Path, settings: settings))
        {
            again.CreateClient();
            Assert.Equal(filings, await CountAsync(again));
        }
    }

    private static async Task<int> CountAsync(CarbonApp app)
    {
        await using var db = app.Services.GetRequiredService<ILedgerContextFactory>().Create();
        return await db.Filings.CountAsync();
    }
}
