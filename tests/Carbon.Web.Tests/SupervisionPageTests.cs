using System.Globalization;
using System.Text.RegularExpressions;
using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>节能监察 in the browser: an inspector opens and works a case, the firm states its view and reports, the re-inspection closes it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionPageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Inspector = DemoAccounts.All.Single(a => a.UserName == "inspector").Password;
    private static readonly string Filer = DemoAccounts.All.Single(a => a.UserName == "filer").Password;

    private static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task StepAsync(IPage page, string kind, Func<Task>? fill = null)
    {
        await page.Locator("#kind").SelectOptionAsync(kind);
        await page.Locator("#on").FillAsync(Today);
        if (fill is not null)
        {
            await fill();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "记录 Record" }).ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("已记录");
    }

    [BrowserFact]
    public async Task An_inspector_orders_rectification_the_firm_reports_and_the_re_inspection_closes_the_case()
    {
        var firm = DemoDistrict.Uscc(1);   // the demo filer's second firm
        var inspector = await site.NewPageAsync();
        await inspector.SignInAsync("inspector", Inspector);

        // A complaint case (no five-day notice), opened from the supervision page.
        await inspector.OpenAsync("/supervision", output);
        await inspector.ScreenshotAsync("supervision", output);
        await inspector.Locator("#openUscc").FillAsync(firm);
        await inspector.Locator("#openTrigger").SelectOptionAsync("complaint");
        await inspector.Locator("#openReason").FillAsync("群众投诉：空压机房用电异常");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "立案 Open" }).ClickAsync();
        await Expect(inspector).ToHaveURLAsync(new Regex("/supervision/cases/[0-9a-f]{32}$"));
        var casePath = new Uri(inspector.Url).AbsolutePath;
        await Expect(inspector.Locator("#state")).ToContainTextAsync("计划中");

        // Notice, then on site: one inspector is refused beside the form, two are recorded.
        await StepAsync(inspector, "notified", () => inspector.Locator("#date").FillAsync(Today));
        await inspector.Locator("#kind").SelectOptionAsync("on-site");
        await inspector.Locator("#on").FillAsync(Today);
        await inspector.Locator("#inspectors").FillAsync("inspector");
        await inspector.Locator("#text").FillAsync("现场检查笔录：空压机 3 台");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "记录 Record" }).ClickAsync();
        await Expect(inspector.Locator("#message")).ToContainTextAsync("不少于 2 名");
        await StepAsync(inspector, "on-site", async () =>
        {
            await inspector.Locator("#inspectors").FillAsync("inspector inspector2");
            await inspector.Locator("#text").FillAsync("现场检查笔录：空压机 3 台，其中 1 台为淘汰型号");
        });
        await Expect(inspector.Locator("#state")).ToContainTextAsync("现场检查");

        // On site the inspector records the equipment list and meter register; the checks flag what is wrong.
        await inspector.Locator("#equipmentLines").FillAsync("空压机电机, Y2-280S-2, 75, 1\n变压器, SCB13-800/10, , 1");
        await inspector.Locator("#meterLines").FillAsync("electricity, secondary, 10, 8");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "保存台账 Save the registers" }).ClickAsync();
        await Expect(inspector.Locator("#message")).ToContainTextAsync("台账已保存");
        await Expect(inspector.Locator("#phased-out")).ToContainTextAsync("Y2-280S-2");
        await Expect(inspector.Locator("#metering-gaps")).ToContainTextAsync("80");

        // A finding with a photo as evidence, then the hearing.
        var photo = Path.Combine(Path.GetTempPath(), $"compressor-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(photo, "nameplate photo"u8.ToArray());
        await StepAsync(inspector, "finding", async () =>
        {
            await inspector.Locator("#category").SelectOptionAsync("phased-out-equipment");
            await inspector.Locator("#ruleRef").FillAsync("b3-002");
            await inspector.Locator("#text").FillAsync("在用淘汰型号空压机 1 台");
            await inspector.Locator("#files").SetInputFilesAsync(photo);
        });
        await Expect(inspector.Locator("ol.findings li")).ToContainTextAsync("在用淘汰型号空压机");
        await Expect(inspector.Locator("ol.findings a[href*='/evidence/']")).ToHaveCountAsync(1);
        await StepAsync(inspector, "hearing");

        // The firm sees its case, hearing: it states its view.
        var filer = await site.NewPageAsync();
        await filer.SignInAsync("filer", Filer);
        await filer.OpenAsync("/supervision", output);
        await filer.Locator($"a[href='{casePath}']").ClickAsync();
        await filer.ExpectPathAsync(casePath);
        await filer.Locator("#statement").FillAsync("已订购新空压机，请给予一个月整改期");
        await filer.GetByRole(AriaRole.Button, new() { Name = "提交陈述 Submit" }).ClickAsync();
        await Expect(filer.Locator("#message")).ToContainTextAsync("陈述已提交");

        // The order with a deadline in 30 days.
        var deadline = DateTime.Parse(Today, CultureInfo.InvariantCulture).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await inspector.OpenAsync(casePath, output);
        await StepAsync(inspector, "order", async () =>
        {
            await inspector.Locator("#date").FillAsync(deadline);
            await inspector.Locator("#text").FillAsync("限期整改通知书：30日内更换淘汰空压机");
        });
        await Expect(inspector.Locator("#deadline")).ToHaveTextAsync(deadline);

        // The order as a signed document: issued from its step, downloaded, and verified on the public page.
        var orderStep = inspector.Locator("ol.steps > li").Filter(new() { HasText = "下达限期整改通知书" });
        await orderStep.GetByRole(AriaRole.Button, new() { Name = "出具文书 Issue the document" }).ClickAsync();
        await Expect(inspector.Locator("#message")).ToContainTextAsync("已出具文书 SD-");
        var pdfLink = inspector.Locator("ol.steps a.doc-pdf");
        await Expect(pdfLink).ToHaveCountAsync(1);
        var download = await inspector.RunAndWaitForDownloadAsync(() => pdfLink.ClickAsync());
        var pdf = Path.Combine(Path.GetTempPath(), $"order-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdf);
        var verify = await site.NewPageAsync();
        await verify.OpenAsync("/verify", output);
        await verify.Locator("input[type=file]").SetInputFilesAsync(pdf);
        await verify.GetByRole(AriaRole.Button).Filter(new() { HasText = "核验" }).First.ClickAsync();
        await Expect(verify.Locator("main")).ToContainTextAsync("节能监察文书");
        await inspector.OpenAsync(casePath, output);
        await inspector.ScreenshotAsync("supervision-case", output);

        // The firm sees the order and its document, and files its report with a file.
        await filer.OpenAsync(casePath, output);
        await Expect(filer.Locator("#state")).ToContainTextAsync("限期整改");
        await Expect(filer.Locator("ol.steps a.doc-pdf")).ToHaveCountAsync(1);
        var report = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(report, "%PDF-1.4 rectification report"u8.ToArray());
        await filer.Locator("#report").FillAsync("已更换为一级能效空压机，附验收单");
        await filer.Locator("#reportFiles").SetInputFilesAsync(report);
        await filer.GetByRole(AriaRole.Button, new() { Name = "报送 Submit the report" }).ClickAsync();
        await Expect(filer.Locator("#message")).ToContainTextAsync("整改报告已报送");

        // Re-inspection closes the case as rectified.
        await inspector.OpenAsync(casePath, output);
        await StepAsync(inspector, "re-inspection");
        await StepAsync(inspector, "re-inspected", async () =>
        {
            await inspector.Locator("#passed").SelectOptionAsync("true");
            await inspector.Locator("#text").FillAsync("复查：淘汰空压机已拆除，整改完成");
        });
        await Expect(inspector.Locator("#state")).ToContainTextAsync("已结案");
        await Expect(inspector.Locator("main")).ToContainTextAsync("整改完成");

        // The year's 监察报告 as a signed PDF from the supervision page; it is listed with its verification page.
        await inspector.OpenAsync("/supervision", output);
        await inspector.GetByRole(AriaRole.Button, new() { Name = "出具年度监察报告 PDF Issue the signed report" }).ClickAsync();
        await Expect(inspector.Locator("[role=status]")).ToContainTextAsync("已出具 SR-");
        await Expect(inspector.Locator("#report-pdfs li")).ToHaveCountAsync(1);
        await inspector.Locator("#report-pdfs a", new() { HasText = "核验页" }).ClickAsync();
        await Expect(inspector.Locator("main")).ToContainTextAsync("年度节能监察报告");

        // The administrator of a park the firm is not in cannot open the case by its address.
        var stranger = await site.NewPageAsync();
        await stranger.SignInAsync("park", DemoAccounts.All.Single(a => a.UserName == "park").Password);
        var response = await stranger.GotoAsync(casePath);
        Assert.Equal(404, response!.Status);
    }

    [BrowserFact]
    public async Task An_inspector_plans_from_the_datas_proposals_and_draws_firms_at_random()
    {
        var inspector = await site.NewPageAsync();
        await inspector.SignInAsync("inspector", Inspector);

        // A plan of two of the firms the data proposes: the plan's page lists them, planned, on site.
        await inspector.OpenAsync("/supervision", output);
        var picks = inspector.Locator("input[name=Picked]");
        await Expect(picks.First).ToBeVisibleAsync();
        await picks.Nth(0).CheckAsync();
        await picks.Nth(1).CheckAsync();
        await inspector.Locator("#planName").FillAsync("浏览器测试专项监察");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "制定计划 Make the plan" }).ClickAsync();
        await Expect(inspector).ToHaveURLAsync(new Regex("/supervision/plans/[0-9a-f]{32}$"));
        await Expect(inspector.Locator("h1")).ToContainTextAsync("浏览器测试专项监察");
        await Expect(inspector.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(inspector.Locator("tbody")).ToContainTextAsync("计划中");

        // A 双随机 draw of three firms with a given seed: the plan shows the seed and its record, two inspectors per firm.
        await inspector.OpenAsync("/supervision", output);
        await inspector.Locator("#drawFirms").FillAsync("3");
        await inspector.Locator("#drawSeed").FillAsync("20261202");
        await inspector.GetByRole(AriaRole.Button, new() { Name = "抽取 Draw" }).ClickAsync();
        await Expect(inspector).ToHaveURLAsync(new Regex("/supervision/plans/[0-9a-f]{32}$"));
        await Expect(inspector.Locator("#seed")).ToHaveTextAsync("20261202");
        await Expect(inspector.Locator("tbody tr")).ToHaveCountAsync(3);
        await inspector.Locator("tbody a").First.ClickAsync();
        await Expect(inspector.Locator("main")).ToContainTextAsync("抽取监察员");
        var meta = await inspector.Locator("p.meta").First.InnerTextAsync();
        Assert.Contains("inspector2", meta);
        Assert.Matches("inspector(?!2)", meta);
    }
}
