using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>惠企政策 in the browser: the demo filer's firm qualifies for the digital-upgrade grant, sees why, and applies; an official approves.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PolicyPageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Official = DemoAccounts.All.Single(a => a.UserName == "official").Password;
    private static readonly string Filer = DemoAccounts.All.Single(a => a.UserName == "filer").Password;

    [BrowserFact]
    public async Task A_firm_sees_a_policy_it_qualifies_for_with_reasons_and_applies_and_an_official_approves()
    {
        var filer = await site.NewPageAsync();
        await filer.SignInAsync("filer", Filer);
        var grant = filer.Locator("#policies tr[data-policy='ZC-2026-02']");
        await filer.OpenAsync("/policies", output);
        for (var i = 0; i < 240 && await grant.CountAsync() == 0; i++)
        {
            await Task.Delay(250);   // the demo's policies are published once its evaluations have run
            await filer.OpenAsync("/policies", output);
        }
        await Expect(grant.Locator(".status")).ToContainTextAsync("符合条件");
        await grant.Locator("a").ClickAsync();
        await filer.ExpectPathAsync("/policies/ZC-2026-02");
        var match = filer.Locator("article.match").First;
        await Expect(match.Locator(".rules")).ToContainTextAsync("✓");
        await Expect(match.Locator(".rules")).ToContainTextAsync("数字化改造项目已完成并通过验收");
        await match.Locator("input[name=Confirm]").CheckAsync();
        await match.GetByRole(AriaRole.Button, new() { Name = "一键申报 Apply" }).ClickAsync();
        await Expect(filer.Locator("#message")).ToContainTextAsync("已申报");
        await Expect(filer.Locator("#applications")).ToContainTextAsync(DemoDistrict.Names[0]);
        await filer.ScreenshotAsync("policy", output);

        var official = await site.NewPageAsync();
        await official.SignInAsync("official", Official);
        await official.OpenAsync("/policies/ZC-2026-02", output);
        var row = official.Locator("#applications tr", new() { HasText = DemoDistrict.Names[0] });
        await row.Locator("input[name=Text]").FillAsync("材料齐全，同意（浏览器测试）");
        await row.GetByRole(AriaRole.Button, new() { Name = "记录 Record" }).ClickAsync();
        await Expect(official.Locator("#message")).ToContainTextAsync("已核准");
        await Expect(official.Locator("#applications tr", new() { HasText = DemoDistrict.Names[0] }).Locator(".state")).ToContainTextAsync("已核准");
    }
}
