using System.Text.RegularExpressions;
using Carbon.Server.Demo;
using Carbon.Sheets;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>A filer imports its 205-1 forms in the browser: the check before anything is written, the confirmation, the refused rows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ImportPageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Filer = DemoAccounts.All.Single(a => a.UserName == "filer").Password;

    /// <summary>Form 205-1 as the bureau lays it out: header with the USCC and 报告期, the 甲 乙 丙 labels, the rows.</summary>
    private static GridOut Sheet(string name, string uscc, string period, decimal opening, decimal closing) => new(name,
    [
        new object?[] { "能源购进、消费与库存" },
        new object?[] { "统一社会信用代码：", uscc, null, null, null, null, null, null, null, null, null, "报告期：", period },
        new object?[] { "能源名称", "计量单位", "代码", "期初库存量", "购进量", "金额（千元）", "消费量合计", "工业生产消费", "#用作原材料", "非工业生产消费", "#运输工具消费", "期末库存量", "采用折标系数", "参考折标系数" },
        new object?[] { "甲", "乙", "丙", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "丁" },
        // Coal: opening + 300 − 290 at the close.
        new object?[] { "原煤", "吨", "01", opening, 300m, 150m, 290m, 280m, null, 10m, null, closing, 0.7143m, 0.7143m },
        new object?[] { "电力", "万千瓦时", "34", 0m, 45m, 300m, 45m, 45m, null, null, null, 0m, 1.229m, 1.229m },
        new object?[] { "单位负责人：张三" },
    ], 0);

    [BrowserFact]
    public async Task A_filer_checks_a_205_1_workbook_confirms_the_good_month_and_downloads_the_refused_one()
    {
        var firm = DemoDistrict.Uscc(1);
        var file = Path.Combine(Path.GetTempPath(), $"205-1-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, SheetFiles.Write(SheetFormat.Xlsx, [
            Sheet("2026-06", firm, "2026年6月", 40m, 60m),    // 40 + 300 − 290 = 50, not 60: 9 = 1 + 2 − 4 is broken
            Sheet("2026-07", firm, "2026年7月", 60m, 70m),    // opens at June's stated close
        ]));

        var page = await site.NewPageAsync();
        await page.SignInAsync("filer", Filer);
        await page.OpenAsync("/imports", output);
        await Expect(page.Locator("a[href='/api/imports/template?format=xlsx']")).ToBeVisibleAsync();
        await page.Locator("#file").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并检查 Upload and check" }).ClickAsync();

        // The check: June refused at its closing-stock cell, July new; nothing written yet.
        await Expect(page).ToHaveURLAsync(new Regex("/imports/[0-9a-f]{32}$"));
        await Expect(page.Locator("#issues tr.error")).ToHaveCountAsync(1);
        await Expect(page.Locator("#issues tr.error")).ToContainTextAsync("9 = 1 + 2 − 4");
        await Expect(page.Locator("#items")).ToContainTextAsync("退回 rejected");
        await Expect(page.Locator("#items")).ToContainTextAsync("新增 new");
        await page.ScreenshotAsync("import", output);

        // The refused month comes back as the same sheet with an 错误 column.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#rejected").ClickAsync());
        var refused = Path.Combine(Path.GetTempPath(), $"refused-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(refused);
        var sheet = Assert.Single(SheetFiles.Read(await File.ReadAllBytesAsync(refused)));
        Assert.Equal("2026-06", sheet.Name);
        Assert.Contains(sheet.Rows, r => r.Cells.Count > 0 && r.Cells[^1].Contains("9 = 1 + 2 − 4", StringComparison.Ordinal));

        // Confirmed: July is written, and the firm's month page shows it.
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入 Confirm the import" }).ClickAsync();
        await Expect(page.Locator("#committed")).ToContainTextAsync("新增 1");
        var month = await page.OpenAsync($"/firms/{firm}/filings/2026-07", output);
        Assert.Equal(200, month.Status);
        await page.OpenAsync("/imports", output);
        await Expect(page.Locator("#jobs")).ToContainTextAsync("已导入 committed");
    }

    [BrowserFact]
    public async Task A_filer_exports_its_firms_filings_from_the_firms_page_in_the_template_it_can_import()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("filer", Filer);
        await page.OpenAsync("/firms", output);
        var link = page.Locator("a.export-xlsx[href*='year=2025']");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        var sheet = Assert.Single(SheetFiles.Read(await File.ReadAllBytesAsync(path)));
        var usccColumn = sheet.Rows[0].Cells.ToList().FindIndex(h => h.Contains(" uscc", StringComparison.Ordinal));
        var firms = sheet.Rows.Skip(1).Select(r => r.Cells[usccColumn]).Distinct().Order().ToList();
        Assert.Equal(new[] { DemoDistrict.Uscc(0), DemoDistrict.Uscc(1) }.Order(), firms);   // the filer's two firms, and no other
        Assert.Equal(24, sheet.Rows.Count - 1);   // twelve months of 2025 each
    }
}
