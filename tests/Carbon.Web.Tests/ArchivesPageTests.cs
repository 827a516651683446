using System.IO.Compression;
using System.Text.Json.Nodes;
using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>年度归档: an auditor opens the archives page from the navigation, downloads the demo's 2025 archive and finds it whole.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ArchivesPageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Auditor = DemoAccounts.All.Single(a => a.UserName == "auditor").Password;

    [BrowserFact]
    public async Task An_auditor_downloads_a_years_signed_archive()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("auditor", Auditor);
        await page.OpenAsync("/firms", output);
        await page.GetByRole(AriaRole.Link, new() { Name = "年度归档 Archives" }).ClickAsync();
        await page.ExpectPathAsync("/archives");
        await Expect(page.Locator("#verify-steps li")).Not.ToHaveCountAsync(0);   // how to check it with openssl
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotAsync("archives", output);

        await page.Locator("#year").SelectOptionAsync("2025");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "下载归档 Download" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"carbon-archive-{Guid.NewGuid():N}.zip");
        try
        {
            await download.SaveAsAsync(file);
            output.WriteLine($"{download.SuggestedFilename}: {new FileInfo(file).Length:N0} bytes");
            using var zip = ZipFile.OpenRead(file);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("manifest.json", names);
            Assert.Contains("manifest.sig", names);
            Assert.Contains("filings.jsonl", names);
            using var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var json = JsonNode.Parse(await manifest.ReadToEndAsync())!;
            Assert.Equal(2025, json["year"]!.GetValue<int>());
            using var filings = new StreamReader(zip.GetEntry("filings.jsonl")!.Open());
            var lines = (await filings.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(lines >= 200 * 12, $"the demo district's 2025 filings, every revision: {lines}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
