using System.Text.RegularExpressions;
using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>A district official manages accounts in the browser: create a filer for one firm, and disable it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPageTests(CarbonSite site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task An_official_creates_a_filer_who_sees_only_its_firm_and_then_disables_it()
    {
        var own = DemoDistrict.Uscc(5);
        var official = await site.NewPageAsync();
        await official.SignInAsync("official", DistrictPageTests.Official);
        await official.OpenAsync("/accounts", output);

        // A filer without a firm is refused beside the scope field; with one it is created and its password shown once.
        await official.Locator("#newUserName").FillAsync("web-filer");
        await official.Locator("#newDisplayName").FillAsync("宁波测试填报员 (browser test)");
        await official.Locator("#newRole").SelectOptionAsync("filer");
        await official.GetByRole(AriaRole.Button, new() { Name = "创建账号 Create" }).ClickAsync();
        await Expect(official.ErrorBeside("#newScope")).ToContainTextAsync("至少一家企业");
        await official.Locator("#newScope").FillAsync(own);
        await official.GetByRole(AriaRole.Button, new() { Name = "创建账号 Create" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToContainTextAsync("已创建 web-filer");
        var password = Regex.Match(await official.Locator(".notice").InnerTextAsync(), @"初始密码（仅显示一次）:\s*(\S+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(password), "the first password is shown");
        await official.ScreenshotAsync("accounts", output);

        // The new filer signs in and sees its firm, and only it.
        var filer = await site.NewPageAsync();
        await filer.SignInAsync("web-filer", password);
        await Expect(filer.Locator($"a[href='/firms/{own}']")).ToHaveCountAsync(1);
        // Every firm link on its front page (its figures, the month forms) is to its own firm.
        var firmLinks = await filer.Locator("a[href^='/firms/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(firmLinks);
        Assert.All(firmLinks, href => Assert.StartsWith($"/firms/{own}", href));
        Assert.Equal(404, (await filer.OpenAsync($"/firms/{DemoDistrict.Uscc(0)}", output)).Status);

        // Disabled with a reason: the filer's next page sends it to sign in again.
        var row = official.Locator("tr").Filter(new() { HasText = "web-filer" });
        await row.Locator("input[name=Reason]").FillAsync("测试结束 (browser test)");
        await row.GetByRole(AriaRole.Button, new() { Name = "停用 Disable" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToContainTextAsync("web-filer 已停用");
        await filer.OpenAsync($"/firms/{own}", output);
        await filer.ExpectPathAsync("/sign-in");
    }
}
