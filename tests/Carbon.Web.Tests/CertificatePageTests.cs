using System.Text.Json;
using System.Text.RegularExpressions;
using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>The certificate register (issue, revoke) and the public verification of an uploaded PDF.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CertificatePageTests(CarbonSite site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task An_official_issues_an_annual_report_and_revokes_it_with_a_reason()
    {
        var uscc = DemoDistrict.Uscc(3);
        var page = await site.NewPageAsync();
        await page.SignInAsync("official", DistrictPageTests.Official);
        await page.OpenAsync("/certificates", output);

        await page.Locator("#kind").SelectOptionAsync("annual-report");
        await page.Locator("#uscc").FillAsync(uscc);
        await page.Locator("#year").FillAsync("2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "出具 Issue" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync("已出具");
        var number = Regex.Match(await page.Locator(".notice").InnerTextAsync(), @"已出具\s*(\S+?)(（|$|\s)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(number), "the notice names the certificate");
        output.WriteLine($"issued {number}");

        // The register lists it, valid, with its PDF and its public page.
        var row = page.Locator("tr").Filter(new() { Has = page.Locator($"a[href='/api/certificates/{number}']") });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("有效 Valid");
        await Expect(row.Locator($"a[href='/firms/{uscc}']")).ToBeVisibleAsync();
        await Expect(row.Locator($"a[href='/verify/{number}']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("certificates", output);

        // Revoke with a reason: the register shows it revoked, with the reason, and offers no second revocation.
        await row.Locator("input[name=Reason]").FillAsync("数据有误，重新出具 (browser test)");
        await row.GetByRole(AriaRole.Button, new() { Name = "吊销 Revoke" }).ClickAsync();
        await Expect(page.Locator(".notice")).ToContainTextAsync($"{number} 已吊销");
        row = page.Locator("tr").Filter(new() { Has = page.Locator($"a[href='/api/certificates/{number}']") });
        await Expect(row).ToContainTextAsync("已吊销 Revoked");
        await Expect(row).ToContainTextAsync("数据有误，重新出具 (browser test)");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "吊销 Revoke" })).ToHaveCountAsync(0);

        // Anyone who opens the certificate's public page (its QR code) sees it revoked.
        var anonymous = await site.NewPageAsync();
        var response = await anonymous.OpenAsync($"/verify/{number}", output);
        Assert.Equal(200, response.Status);
        await Expect(anonymous.Locator("p.status")).ToContainTextAsync("已吊销");
    }

    [BrowserFact]
    public async Task The_public_verification_page_tells_a_valid_pdf_from_an_altered_copy()
    {
        // An official gets a certificate PDF: issued through the API with the page's cookie, then downloaded.
        var official = await site.NewPageAsync();
        await official.SignInAsync("official", DistrictPageTests.Official);
        var issued = await official.APIRequest.PostAsync("/api/certificates",
            new() { DataObject = new { kind = "annual-report", uscc = DemoDistrict.Uscc(4), year = 2025 } });
        Assert.True(issued.Ok, $"issuing answered {issued.Status}: {await issued.TextAsync()}");
        var number = (await issued.JsonAsync())!.Value.GetProperty("number").GetString()!;
        var download = await official.APIRequest.GetAsync($"/api/certificates/{number}");
        Assert.Equal(200, download.Status);
        Assert.Equal("application/pdf", download.Headers["content-type"].Split(';')[0]);
        var pdf = await download.BodyAsync();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        // Anyone, not signed in: upload the PDF on /verify.
        var page = await site.NewPageAsync();
        await page.OpenAsync("/verify", output);
        await page.ScreenshotAsync("verify", output);
        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload { Name = $"{number}.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("p.status")).ToContainTextAsync("有效");
        await Expect(page.Locator("p.status")).ToContainTextAsync("Valid");
        await Expect(page.Locator("main")).ToContainTextAsync(number);
        await page.PrintServerTimeAsync(output);
        await page.ScreenshotAsync("verify-valid", output);

        // One byte changed in the middle of the file: altered.
        var altered = (byte[])pdf.Clone();
        altered[altered.Length / 2] ^= 0x01;
        await page.Locator("input[type=file][name=file]").SetInputFilesAsync(new FilePayload { Name = "altered.pdf", MimeType = "application/pdf", Buffer = altered });
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("p.status")).ToContainTextAsync("已被改动");
        await Expect(page.Locator("p.status")).ToContainTextAsync("Altered");
    }
}
