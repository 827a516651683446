using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>
/// 规划实施 and 诉求直办 in the browser: an official sees a task's overdue report among the alerts, reports it, and the alert
/// goes; the demo filer closes the request the district has answered.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanPageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Official = DemoAccounts.All.Single(a => a.UserName == "official").Password;
    private static readonly string Filer = DemoAccounts.All.Single(a => a.UserName == "filer").Password;

    [BrowserFact]
    public async Task An_official_reports_an_overdue_task_and_its_alert_goes()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("official", Official);
        // The demo reports this task up to three months before today: its latest months are overdue, whatever today is.
        var overdue = page.Locator("#plan-alerts li[data-kind=report-overdue]", new() { HasText = "低效工业用地再开发（区资规分局）" });
        await page.OpenAsync("/plan", output);
        for (var i = 0; i < 240 && await overdue.CountAsync() == 0; i++)
        {
            await Task.Delay(250);   // the demo's tasks are seeded after start
            await page.OpenAsync("/plan", output);
        }
        var period = (await overdue.First.GetAttributeAsync("data-what"))!;
        var alert = page.Locator($"#plan-alerts li[data-kind=report-overdue][data-what='{period}']", new() { HasText = "低效工业用地再开发" });
        await Expect(alert).ToContainTextAsync("逾期未报");
        await Expect(page.Locator("#trajectory")).ToContainTextAsync("缺口");
        await Expect(page.Locator("#trajectory figure.chart svg")).ToBeVisibleAsync();
        await Expect(page.Locator("#cluster-table tr[data-cluster=auto-parts]")).ToContainTextAsync("汽车零部件产业集群");
        await page.ScreenshotAsync("plan", output);

        var form = page.Locator("#report-form");
        await form.Locator("select[name=TaskId]").SelectOptionAsync(new SelectOptionValue { Label = "低效工业用地再开发（区资规分局）" });
        await form.Locator("input[name=Period]").FillAsync(period);
        await form.Locator("select[name=Progress]").SelectOptionAsync("behind");
        await form.Locator("input[name=PercentDone]").FillAsync("55");
        await form.Locator("input[name=Figures]").FillAsync("完成处置方案初稿（浏览器测试）");
        await form.Locator("input[name=Obstacles]").FillAsync("两宗地权属争议未决");
        await form.GetByRole(AriaRole.Button, new() { Name = "报送 Report" }).ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync($"已报送 {period}");
        await Expect(alert).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task The_filer_closes_the_request_the_district_answered()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("filer", Filer);
        var row = page.Locator("#requests tr", new() { HasText = "增容用电申请" });
        await page.OpenAsync("/requests", output);
        for (var i = 0; i < 240 && await row.CountAsync() == 0; i++)
        {
            await Task.Delay(250);
            await page.OpenAsync("/requests", output);
        }
        await Expect(row.Locator(".state")).ToContainTextAsync("已答复");
        await Expect(page.Locator("#requests")).Not.ToContainTextAsync("技改贷款贴息");   // another firm's request
        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("#request-steps")).ToContainTextAsync("区供电公司");
        var form = page.Locator("#request-step-form");
        await form.Locator("select[name=Step]").SelectOptionAsync("closed-satisfied");
        await form.Locator("textarea[name=Text]").FillAsync("已增容，满意（浏览器测试）");
        await form.GetByRole(AriaRole.Button, new() { Name = "记录 Record" }).ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("已记录");
        await Expect(page.Locator("#request-state")).ToContainTextAsync("已办结");
        await Expect(page.Locator("#request-steps")).ToContainTextAsync("满意");
        await page.ScreenshotAsync("request", output);
    }
}
