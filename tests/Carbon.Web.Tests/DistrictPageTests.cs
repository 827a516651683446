using System.Text.RegularExpressions;
using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>A district official: the dashboard, a 亩均 evaluation run and a firm's 一企一单; the pages on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DistrictPageTests(CarbonSite site, ITestOutputHelper output)
{
    internal static readonly string Official = DemoAccounts.All.Single(a => a.UserName == "official").Password;

    [BrowserFact]
    public async Task An_official_runs_an_evaluation_and_opens_a_firms_sheet()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("official", Official);

        // The dashboard: the district's figures and month chart for last year.
        await page.OpenAsync("/district", output);
        await Expect(page.Locator("dl.figures").First).ToContainTextAsync("200");
        await Expect(page.Locator("figure.chart svg")).ToBeVisibleAsync();
        await Expect(page.Locator("section:has(h2:has-text('变化最大的企业')) tbody tr").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("district", output);

        // Run the 2025 evaluation with the form; the browser lands on the run.
        await page.OpenAsync("/evaluations", output);
        await page.Locator("#year").SelectOptionAsync("2025");
        await Expect(page.Locator("#method option")).Not.ToHaveCountAsync(0);
        // The run goes on in the background: its page shows a progress bar and reloads itself until the results are in
        // (the demo's 200 firms may be done before the first paint).
        await page.GetByRole(AriaRole.Button, new() { Name = "运行 Run" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/evaluations/[0-9a-f]{32}$"));
        var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        await Expect(page.Locator("h1")).ToContainTextAsync("2025");
        var firms = page.Locator($"a[href^='/evaluations/{id}/firms/']");
        await Expect(firms.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.OpenAsync($"/evaluations/{id}", output);
        // The firm list by class: A only.
        await page.GetByRole(AriaRole.Link, new() { Name = "A 类", Exact = true }).ClickAsync();
        // The same path before and after: wait for the filter itself, or the rows read may still be the unfiltered list.
        await Expect(page).ToHaveURLAsync(new Regex($"/evaluations/{id}\\?class=A$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "A 类", Exact = true })).ToHaveClassAsync("current");
        await Expect(page.Locator("section:has(h2:has-text('企业评价')) tbody tr").First).ToBeVisibleAsync();
        var classes = await page.Locator("section:has(h2:has-text('企业评价')) tbody tr td:last-child").AllInnerTextsAsync();
        Assert.All(classes, c => Assert.Equal("A", c.Trim()));
        await page.OpenAsync($"/evaluations/{id}", output);
        Assert.True(await firms.CountAsync() >= 100, "the run lists the district's firms");
        await page.ScreenshotAsync("evaluation", output);

        // Each firm links to its 一企一单: indicators with value, benchmark, weight and score.
        var first = firms.First;
        var name = (await first.InnerTextAsync()).Trim();
        var href = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await page.ExpectPathAsync(href!);
        await Expect(page.Locator("h1")).ToContainTextAsync("一企一单");
        await Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await page.OpenAsync(href!, output);
        await page.ScreenshotAsync("evaluation-firm", output);

        // A batch of 一企一单 notices for the run: started from the register, its page shows the bar filling up (reloading
        // itself each second) and ends with the counts; the register lists the batch.
        await page.OpenAsync("/certificates", output);
        await page.Locator("#batch-run").SelectOptionAsync(id);
        await page.GetByRole(AriaRole.Button, new() { Name = "批量出具 Start a batch" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/certificates/batches/[0-9a-f]{32}$"));
        var batch = new Uri(page.Url).AbsolutePath;
        await Expect(page.Locator("progress")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("已完成 Done", new() { Timeout = 120_000 });
        await Expect(page.Locator("progress")).ToHaveAttributeAsync("value", "100");
        await Expect(page.Locator("dl.figures").First).ToContainTextAsync("已出具 Issued");
        await page.OpenAsync(batch, output);
        await page.ScreenshotAsync("certificate-batch", output);
        await page.OpenAsync("/certificates", output);
        await Expect(page.Locator($"a[href='{batch}']")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_dashboard_firm_and_filing_pages_fit_a_phone()
    {
        var page = await site.NewPageAsync(390, 844);
        await page.SignInAsync("official", Official);
        var uscc = DemoDistrict.Uscc(0);

        await page.OpenAsync("/district", output);
        await Expect(page.Locator("dl.figures").First).ToBeVisibleAsync();
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotAsync("district-phone", output);

        await page.OpenAsync($"/firms/{uscc}", output);
        await Expect(page.Locator("figure.chart svg")).ToBeVisibleAsync();
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotAsync("firm-phone", output);

        await page.OpenAsync($"/firms/{uscc}/filings/2025-06", output);
        await Expect(page.Locator("#q0")).ToBeVisibleAsync();
        await page.AssertNoHorizontalOverflowAsync();
        await page.ScreenshotAsync("filing-phone", output);
    }
}
