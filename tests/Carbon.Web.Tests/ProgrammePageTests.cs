using System.Text;
using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>
/// 两小整治 in the browser: an official closes the demo's block case with an uploaded evidence file and its campaign counts
/// it; the filer sees its own firm's case only; a micro-park's dynamic review makes the firm below its standard twice exit.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammePageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Official = DemoAccounts.All.Single(a => a.UserName == "official").Password;
    private static readonly string Filer = DemoAccounts.All.Single(a => a.UserName == "filer").Password;

    /// <summary>The demo's cases and runs are seeded after the parcels, as the service starts: reload until they are there.</summary>
    private async Task OpenSeededAsync(IPage page, string path, string selector)
    {
        await page.OpenAsync(path, output);
        for (var i = 0; i < 240 && await page.Locator(selector).CountAsync() == 0; i++)
        {
            await Task.Delay(250);
            await page.OpenAsync(path, output);
        }
    }

    [BrowserFact]
    public async Task An_official_closes_a_rectification_case_with_evidence_and_its_campaign_counts_it()
    {
        var official = await site.NewPageAsync();
        await official.SignInAsync("official", Official);
        var block = "姜山镇工业街区 B 区";
        await OpenSeededAsync(official, "/rectification", $"#cases a:has-text('{block}')");
        var closed = official.Locator("#campaigns tr[data-campaign='low-efficiency-blocks'] .closed");
        var before = int.Parse(await closed.InnerTextAsync());

        await official.Locator("#cases a", new() { HasText = block }).ClickAsync();
        await Expect(official.Locator("#state")).ToContainTextAsync("整治中");
        await official.Locator("#kind").SelectOptionAsync("closed");
        await official.Locator("#closure").SelectOptionAsync("rectified");
        await official.Locator("#text").FillAsync("管网与消防整治通过验收（浏览器测试）");
        await official.Locator("#files").SetInputFilesAsync(new FilePayload
        {
            Name = "区块整治验收记录.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("姜山镇工业街区 B 区整治验收记录：合格"),
        });
        await official.GetByRole(AriaRole.Button, new() { Name = "记录 Record" }).ClickAsync();
        await Expect(official.Locator("#message")).ToContainTextAsync("已记录");
        await Expect(official.Locator("#state")).ToContainTextAsync("已销号");
        await Expect(official.Locator("#evidence")).ToContainTextAsync("区块整治验收记录.txt");
        await Expect(official.Locator("#steps")).ToContainTextAsync("整治达标");
        await official.ScreenshotAsync("rectification-case", output);

        await official.OpenAsync("/rectification", output);
        await Expect(closed).ToHaveTextAsync((before + 1).ToString());
        await official.ScreenshotAsync("rectification", output);

        var filer = await site.NewPageAsync();
        await filer.SignInAsync("filer", Filer);
        await filer.OpenAsync("/rectification", output);
        await Expect(filer.Locator("#cases")).ToContainTextAsync(DemoDistrict.Names[0]);
        await Expect(filer.Locator("#cases")).Not.ToContainTextAsync(block);
    }

    [BrowserFact]
    public async Task A_micro_parks_dynamic_review_makes_the_firm_below_its_standard_twice_exit()
    {
        var official = await site.NewPageAsync();
        await official.SignInAsync("official", Official);
        await OpenSeededAsync(official, "/micro-parks", "#micro-parks a[href='/micro-parks/XW-WUXIANG-01']");
        await official.Locator("#micro-parks a[href='/micro-parks/XW-WUXIANG-01']").ClickAsync();
        var leaving = official.Locator("#members tr.error");
        await Expect(leaving).ToHaveCountAsync(1);
        await Expect(leaving).ToContainTextAsync("未达");
        await official.ScreenshotAsync("micro-park", output);
        await official.GetByRole(AriaRole.Button, new() { Name = "动态管理复核 Run the dynamic review" }).ClickAsync();
        await Expect(official.Locator("#message")).ToContainTextAsync("1 家企业退出");
        await Expect(official.Locator("#members tr.error")).ToHaveCountAsync(0);
        await Expect(official.Locator("#micro-events li").First).ToContainTextAsync("退出");

        // The land page counts the demo's completed 收回 (35 亩) and not the upgrade under way.
        await official.OpenAsync("/land", output);
        await Expect(official.Locator("#freed-mu")).ToHaveTextAsync("35");
    }
}
