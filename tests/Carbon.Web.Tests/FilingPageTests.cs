using System.Globalization;
using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>A filer on its own firm: file a new month with the errors beside the fields, revise it with a reason.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FilingPageTests(CarbonSite site, ITestOutputHelper output)
{
    private static readonly string Filer = DemoAccounts.All.Single(a => a.UserName == "filer").Password;

    [BrowserFact]
    public async Task A_filers_front_page_says_what_is_missing_and_links_to_the_form()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync("filer", Filer);
        // The month being reported is last month (China time); the demo's filings end in 2025, so it is not filed.
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var last = new DateTime(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        await page.OpenAsync("/", output);
        var sections = page.Locator("section.firm-status");
        await Expect(sections).ToHaveCountAsync(2);   // the demo filer's two firms
        var first = sections.First;
        await Expect(first).ToContainTextAsync(DemoDistrict.Uscc(0));
        await Expect(first.Locator(".warning")).ToContainTextAsync($"{last} 尚未填报");
        await Expect(first.Locator("a.chip").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("home-filer", output);
        await first.Locator($"a[href='/firms/{DemoDistrict.Uscc(0)}/filings/{last}'].button").ClickAsync();
        await page.ExpectPathAsync($"/firms/{DemoDistrict.Uscc(0)}/filings/{last}");
        await Expect(page.Locator("#q0")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task A_filer_files_a_new_month_then_revises_it_with_a_reason()
    {
        var uscc = DemoDistrict.Uscc(0);
        var page = await site.NewPageAsync();
        await page.OpenAsync("/sign-in", output);
        await page.ScreenshotAsync("sign-in", output);
        await page.SignInAsync("filer", Filer);

        // The front page lists the filer's firms; its firm's page has the year's figures, the chart and the months.
        await page.Locator($"a[href='/firms/{uscc}']").ClickAsync();
        await page.ExpectPathAsync($"/firms/{uscc}");
        await Expect(page.Locator("dl.figures")).ToBeVisibleAsync();
        await Expect(page.Locator("figure.chart svg")).ToBeVisibleAsync();
        await page.OpenAsync($"/firms/{uscc}", output);
        await page.ScreenshotAsync("firm", output);

        // What the firm used in January 2025 (kept close, so the check against its own history does not stop the filing).
        await page.OpenAsync($"/firms/{uscc}/filings/2025-01", output);
        var electricity = decimal.Parse(await page.Locator("#q0").InputValueAsync(), CultureInfo.InvariantCulture);
        var unit = await page.Locator("tr:has(#q0) select").InputValueAsync();
        Assert.True(electricity > 0m, "the demo firm used electricity in January 2025");
        var filed = Math.Round(electricity);

        // 2026 on the firm's page: January not filed yet, so a "File" link to its form.
        await page.GotoAsync($"/firms/{uscc}?year=2026");
        var january = page.Locator($"a[href='/firms/{uscc}/filings/2026-01']");
        await Expect(january).ToHaveTextAsync("填报 File");
        await january.ClickAsync();
        await page.ExpectPathAsync($"/firms/{uscc}/filings/2026-01");
        var file = page.GetByRole(AriaRole.Button, new() { Name = "提交填报 File" });
        await Expect(file).ToBeVisibleAsync();
        await page.OpenAsync($"/firms/{uscc}/filings/2026-01", output);

        // Value added above output: refused, with the message beside the value-added field.
        await page.Locator("#q0").FillAsync(filed.ToString(CultureInfo.InvariantCulture));
        await page.Locator("tr:has(#q0) select").SelectOptionAsync(unit);
        await page.Locator("#waterM3").FillAsync("3000");
        await page.Locator("#outputValue").FillAsync("1000");
        await page.Locator("#valueAdded").FillAsync("1200");
        await page.Locator("#revenue").FillAsync("1050");
        await page.Locator("#taxPaid").FillAsync("40");
        await page.Locator("#employees").FillAsync("120");
        await page.Locator("#rdExpense").FillAsync("20");
        await page.ScreenshotAsync("filing", output);
        await file.ClickAsync();
        await Expect(page.ErrorBeside("#valueAdded")).ToContainTextAsync("不能高于工业总产值");
        Assert.Equal(0, await page.ErrorBeside("#outputValue").CountAsync());
        // The form kept what was typed.
        await Expect(page.Locator("#q0")).ToHaveValueAsync(filed.ToString(CultureInfo.InvariantCulture));

        // Corrected: saved, back on the firm's page for 2026 with the notice and the figures.
        await page.Locator("#valueAdded").FillAsync("250");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交填报 File" }).ClickAsync();
        await page.ExpectPathAsync($"/firms/{uscc}");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已保存 (saved)");
        await Expect(page.Locator(".notice")).ToContainTextAsync("2026-01");
        await Expect(page.Locator("dl.figures")).ToBeVisibleAsync();
        await page.PrintServerTimeAsync(output);
        var before = await page.Locator("dl.figures").InnerTextAsync();
        output.WriteLine($"2026 after filing January:\n{before}");

        // Revise: January is now filed ("Open"); the form says which revision and asks for a reason.
        var open = page.Locator($"a[href='/firms/{uscc}/filings/2026-01']");
        await Expect(open).ToHaveTextAsync("查看/修订 Open");
        await open.ClickAsync();
        await page.ExpectPathAsync($"/firms/{uscc}/filings/2026-01");
        var revise = page.GetByRole(AriaRole.Button, new() { Name = "提交修订 Revise" });
        await Expect(revise).ToBeVisibleAsync();
        await Expect(page.Locator("#q0")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^{filed}(\\.0+)?$"));
        // Only electricity was filed: every other carrier's row is blank (not 0, which would file a zero line and be
        // checked against the firm's history of that carrier).
        var rows = await page.Locator("input[type=number][id^=q]").EvaluateAllAsync<string[]>("els => els.map(e => e.id + '=' + e.value)");
        Assert.True(rows.Skip(1).All(r => r.EndsWith('=')), $"the carriers not filed must be blank in the revision form, not {string.Join(", ", rows)}");
        var revised = Math.Round(filed * 1.2m);
        await page.Locator("#q0").FillAsync(revised.ToString(CultureInfo.InvariantCulture));

        // Without a reason: refused, the error beside the reason field.
        await revise.ClickAsync();
        await Expect(page.ErrorBeside("#reason")).ToBeVisibleAsync();
        await Expect(page.ErrorBeside("#reason")).ToContainTextAsync("原因");

        // A figure far outside the firm's history asks for a confirmation and a note before it is taken.
        await page.Locator("#q0").FillAsync((filed * 100m).ToString(CultureInfo.InvariantCulture));
        await page.Locator("#reason").FillAsync("更正电表抄见数 (browser test)");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交修订 Revise" }).ClickAsync();
        var warning = page.Locator(".warning");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning.Locator("input[type=checkbox]")).ToBeVisibleAsync();
        await Expect(warning.Locator("#note")).ToBeVisibleAsync();

        // The plausible figure with its reason: saved as revision 2, and the year's figures follow it.
        await page.Locator("#q0").FillAsync(revised.ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("#reason")).ToHaveValueAsync("更正电表抄见数 (browser test)");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交修订 Revise" }).ClickAsync();
        await page.ExpectPathAsync($"/firms/{uscc}");
        await Expect(page.Locator(".notice")).ToContainTextAsync("已保存 (saved)");
        var after = await page.Locator("dl.figures").InnerTextAsync();
        output.WriteLine($"2026 after the revision:\n{after}");
        Assert.NotEqual(before, after);

        // The filing's history lists both revisions, the second with its reason.
        await page.GotoAsync($"/firms/{uscc}/filings/2026-01");
        await Expect(page.Locator("ol.history li")).ToHaveCountAsync(2);
        await Expect(page.Locator("ol.history")).ToContainTextAsync("更正电表抄见数 (browser test)");
    }

    [BrowserFact]
    public async Task A_filer_cannot_open_another_firms_pages_by_address()
    {
        var mine = DemoDistrict.Uscc(1);
        var other = DemoDistrict.Uscc(7);
        var page = await site.NewPageAsync();
        await page.SignInAsync("filer", Filer);

        // Its own second firm opens…
        var own = await page.OpenAsync($"/firms/{mine}", output);
        Assert.Equal(200, own.Status);
        await Expect(page.Locator("dl.figures")).ToBeVisibleAsync();

        // …another firm's page and its filing are "not found", exactly as the API answers (not "forbidden": no hint it exists).
        foreach (var path in new[] { $"/firms/{other}", $"/firms/{other}/filings/2025-06", $"/firms/{other}/filings/2026-01" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            // A page for people (the site's layout, in Chinese), not the API's problem JSON.
            Assert.StartsWith("text/html", response.Headers.GetValueOrDefault("content-type", ""));
            Assert.Contains("未找到", await response.TextAsync());
            await Expect(page.Locator("main")).ToContainTextAsync("未找到");
            Assert.Equal(0, await page.Locator("dl.figures").CountAsync());
            Assert.Equal(0, await page.Locator("#q0").CountAsync());
        }
    }
}
