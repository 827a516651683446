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

    /// <summary>
    /// The demo's reminders: the filer finds today's message on the front page and on /messages. An official uploads a
    /// budget sheet: a refused row is listed by cell and nothing is written; the corrected sheet is written whole.
    /// </summary>
    [BrowserFact]
    public async Task A_filer_finds_its_reminder_and_an_official_uploads_a_budget_sheet()
    {
        var filer = await site.NewPageAsync();
        await filer.SignInAsync("filer", Filer);
        for (var i = 0; i < 40 && await filer.Locator("#latest-message").CountAsync() == 0; i++)
        {
            await Task.Delay(250);   // the demo's reminder run starts with the service
            await filer.OpenAsync("/", output);
        }
        // The latest message may be the reminder or a policy the firm qualifies for (both are seeded as the demo starts).
        await Expect(filer.Locator("#latest-message")).ToContainTextAsync("最新消息");
        await filer.Locator("#latest-message a").ClickAsync();
        await filer.ExpectPathAsync("/messages");
        await Expect(filer.Locator("article.message", new() { HasText = "应报未报" })).ToContainTextAsync(DemoDistrict.Names[0]);

        var official = await site.NewPageAsync();
        await official.SignInAsync("official", Official);
        await official.OpenAsync("/alerts", output);
        var year = DateTime.UtcNow.Year;
        FilePayload Sheet(string tce) => new()
        {
            Name = "budgets.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"uscc,year,tce,reason\n{DemoDistrict.Uscc(3)},{year},{tce},浏览器测试预算\n"),
        };
        await official.Locator("#sheet-kind").SelectOptionAsync("budgets");
        await official.Locator("#sheet-file").SetInputFilesAsync(Sheet("-5"));
        await official.GetByRole(AriaRole.Button, new() { Name = "上传 Upload" }).ClickAsync();
        await Expect(official.Locator("#message")).ToContainTextAsync("未写入任何行");
        await Expect(official.Locator("#sheet-issues tr.error")).ToContainTextAsync("tce 应在 0 至 1 亿之间");
        await official.Locator("#sheet-kind").SelectOptionAsync("budgets");
        await official.Locator("#sheet-file").SetInputFilesAsync(Sheet("80000"));
        await official.GetByRole(AriaRole.Button, new() { Name = "上传 Upload" }).ClickAsync();
        await Expect(official.Locator("#message")).ToContainTextAsync("已写入 1 行");
    }
}
