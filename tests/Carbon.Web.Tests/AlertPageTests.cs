using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>预警 in the browser: the district's barometer and lists by park and level; a filer explains one of its own alerts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertPageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Official = DemoAccounts.All.Single(a => a.UserName == "official").Password;
    private static readonly string Filer = DemoAccounts.All.Single(a => a.UserName == "filer").Password;

    [BrowserFact]
    public async Task An_official_sees_the_barometer_and_the_lists_by_park_and_a_filer_explains_its_own_alert()
    {
        // 2025 against 2024: the district's barometer, and the parks' table.
        var official = await site.NewPageAsync();
        await official.SignInAsync("official", Official);
        await official.OpenAsync("/alerts?year=2025", output);
        await Expect(official.Locator("#alerts")).ToContainTextAsync("双控晴雨表");
        await Expect(official.Locator("#alerts")).ToContainTextAsync("全区");
        await Expect(official.Locator("#by-park")).ToBeVisibleAsync();
        await official.ScreenshotAsync("alerts", output);

        // This year: the demo's filings end in 2025, so the filer's months are due and not filed (应报未报); it explains one.
        var filer = await site.NewPageAsync();
        await filer.SignInAsync("filer", Filer);
        // The front page tells the firm it has alerts to answer, and leads to them.
        await filer.OpenAsync("/", output);
        await Expect(filer.Locator(".alerts-due").First).ToContainTextAsync("尚未说明");
        await filer.Locator(".alerts-due a").First.ClickAsync();
        await filer.ExpectPathAsync("/alerts");
        var row = filer.Locator("#alerts tbody tr", new() { HasText = "应报未报" }).Filter(new() { HasText = DemoDistrict.Names[0] }).First;
        await Expect(row).ToBeVisibleAsync();
        await row.Locator("input[name=NoteText]").FillAsync("系统迁移中，本月起按时报送（浏览器测试）");
        await row.GetByRole(AriaRole.Button, new() { Name = "提交 Send" }).ClickAsync();
        await Expect(filer.Locator("#message")).ToContainTextAsync("已提交");
        await Expect(filer.Locator("#alerts")).ToContainTextAsync("系统迁移中，本月起按时报送");
        // A filer sees no district or park barometer and no other firm.
        await Expect(filer.Locator("#alerts")).Not.ToContainTextAsync("全区");
    }
}
