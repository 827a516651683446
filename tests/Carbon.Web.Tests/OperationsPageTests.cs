using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>运行状况: a district official opens the operations page from the navigation and sees the silo, grain counts, hot grains and the ledger writer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsPageTests(CarbonSite site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task An_official_sees_the_silo_the_grains_and_the_ledger_writer()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("official", DistrictPageTests.Official);
        await page.OpenAsync("/firms", output);   // some grain calls for the hot-grain list
        await page.GetByRole(AriaRole.Link, new() { Name = "运行状况 Operations" }).ClickAsync();
        await page.ExpectPathAsync("/operations");

        await Expect(page.Locator("#silos tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#silos tbody tr").First).ToContainTextAsync("运行 active");
        Assert.True(await page.Locator("#grain-counts tbody tr").CountAsync() > 5, "activations of several grain types");
        await Expect(page.Locator("#grain-counts")).ToContainTextAsync("Carbon.Server.Grains.EnterpriseGrain");
        Assert.True(await page.Locator("#hot-grains tbody tr").CountAsync() > 0, "grains called in the last minute");
        await Expect(page.Locator("#ledger-writer")).ToContainTextAsync("提交次数 Commits");
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotAsync("operations", output);
    }
}
