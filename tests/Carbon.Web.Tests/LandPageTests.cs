using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>
/// 工业用地 in the browser: the dashboard shows the demo's 标准地 due for its 达产 review; an official records it (it falls
/// short); a filer sees its firm's parcel only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LandPageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Official = DemoAccounts.All.Single(a => a.UserName == "official").Password;
    private static readonly string Filer = DemoAccounts.All.Single(a => a.UserName == "filer").Password;

    [BrowserFact]
    public async Task An_official_records_a_parcel_review_and_the_filer_sees_its_own_parcel()
    {
        var official = await site.NewPageAsync();
        await official.SignInAsync("official", Official);
        for (var i = 0; i < 40 && await official.Locator("#parcels a[href='/land/YZ-2021-01']").CountAsync() == 0; i++)
        {
            await Task.Delay(250);   // the demo's parcels are seeded as the service starts
            await official.OpenAsync("/land", output);
        }
        // The dashboard says the review is due (its contract's review year, 2025, has ended), and leads to the parcel.
        await official.OpenAsync("/district", output);
        var due = official.Locator("#land-due li", new() { HasText = "YZ-2021-01" });
        await Expect(due).ToContainTextAsync("达产复核到期");
        await Expect(due).ToContainTextAsync("自动复核：未达标 — tax-per-mu 约定");   // computed at its review date, before anyone records it
        await due.Locator("a").ClickAsync();
        await official.ExpectPathAsync("/land/YZ-2021-01");
        await Expect(official.Locator("#review tr.error")).ToContainTextAsync("亩均税收");
        await official.Locator("#review-document").FillAsync("达产复核 2026-浏览器测试");
        await official.GetByRole(AriaRole.Button, new() { Name = "记录复核 Record the review" }).ClickAsync();
        await Expect(official.Locator("#message")).ToContainTextAsync("未达标");
        await Expect(official.Locator("#state")).ToContainTextAsync("违约");
        await Expect(official.Locator("#events")).ToContainTextAsync("复核未通过");
        await official.ScreenshotAsync("land", output);

        var filer = await site.NewPageAsync();
        await filer.SignInAsync("filer", Filer);
        await filer.OpenAsync("/land", output);
        await Expect(filer.Locator("#parcels")).ToContainTextAsync("YZ-2019-05");
        await Expect(filer.Locator("#parcels")).Not.ToContainTextAsync("YZ-2021-01");
        await filer.OpenAsync("/land/YZ-2021-01", output);
        await Expect(filer.Locator("h1")).ToContainTextAsync("未找到");
    }
}
