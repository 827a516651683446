using Carbon.Domain.Access;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>
/// Records that cannot be gamed: a revocation sticks, one live certificate per firm, kind and year, an annual report
/// covers the year (or says what it covers), and the QR code opens a page a person can read.
/// </summary>
public class CertificateRulesTests : OwnService
{
    private async Task<JsonNode> StatusAsync(string number) => await (await Http.GetAsync($"/api/certificates/{number}/status")).JsonAsync();

    private Task<HttpResponseMessage> RevokeAsync(string number, string reason) =>
        Http.PostAsJsonAsync($"/api/certificates/{number}/revoke", new { reason });

    /// <summary>A reinstatement decided by the district's 王科长 (account wang), whom the application's events name.</summary>
    private async Task<HttpResponseMessage> ReinstateAsync(string id, object body) =>
        await (await App.ClientAsync("wang", Role.DistrictOfficial)).PostAsJsonAsync($"/api/green-factory/applications/{id}/reinstatement", body);

    [Fact]
    public async Task A_revoked_green_factory_certificate_is_not_issued_again_from_the_same_approval_until_reinstated()
    {
        var uscc = await Http.FirmAsync();
        var id = await Http.ApprovedApplicationAsync(uscc);
        var request = new { kind = "green-factory", uscc, applicationId = id };
        var first = (await Http.IssueAsync(request))["number"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await RevokeAsync(first, "现场复核发现数据造假")).StatusCode);

        // The same approval again, plainly or as a "supersede": refused, and nothing is issued.
        var refused = await (await Http.PostAsJsonAsync("/api/certificates", request)).AssertProblemAsync(HttpStatusCode.Conflict, "applicationId");
        Assert.Contains(first, refused);
        Assert.Contains("吊销", refused);
        Assert.Contains("(", refused);                                       // and in English
        await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "green-factory", uscc, applicationId = id, supersede = true, reason = "重新发证" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "applicationId");
        Assert.Single((await (await Http.GetAsync($"/api/certificates?kind=green-factory&uscc={uscc}")).JsonAsync()).AsArray());

        // A reinstatement needs a reason; with one it is an event of the application, with actor and time.
        await (await ReinstateAsync(id, new { reason = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        await (await ReinstateAsync("0123456789abcdef0123456789abcdef", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "id");
        var reinstated = await ReinstateAsync(id, new { reason = "复议撤销吊销决定" });
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        var last = (await reinstated.JsonAsync())["events"]!.AsArray().Last()!;
        Assert.Equal("reinstated", last["kind"]!.GetValue<string>());
        Assert.Equal("wang", last["actor"]!.GetValue<string>());
        Assert.Equal("复议撤销吊销决定", last["comment"]!.GetValue<string>());
        Assert.Equal(first, last["certificate"]!.GetValue<string>());
        await (await ReinstateAsync(id, new { reason = "again" })).AssertProblemAsync(HttpStatusCode.Conflict, "id");

        // Exactly one new certificate: issued once, then the same one is returned.
        var second = (await Http.IssueAsync(request))["number"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        Assert.Equal(second, (await Http.IssueAsync(request, HttpStatusCode.OK))["number"]!.GetValue<string>());

        // Revoked again: refused again until another decision; a new application is the other way.
        Assert.Equal(HttpStatusCode.OK, (await RevokeAsync(second, "再次复核不合格")).StatusCode);
        await (await Http.PostAsJsonAsync("/api/certificates", request)).AssertProblemAsync(HttpStatusCode.Conflict, "applicationId");
        var renewed = await Http.ApprovedApplicationAsync(uscc);
        var third = (await Http.IssueAsync(new { kind = "green-factory", uscc, applicationId = renewed }))["number"]!.GetValue<string>();
        Assert.Equal("valid", (await StatusAsync(third))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_live_certificate_per_firm_kind_and_year_a_repeat_returns_it_and_a_supersede_replaces_it()
    {
        var uscc = await Http.FirmAsync();
        var report = new { kind = "annual-report", uscc, year = 2023 };
        var first = (await Http.IssueAsync(report))["number"]!.GetValue<string>();

        // Asked again: the same register entry, 200, no new number.
        var repeat = await Http.IssueAsync(report, HttpStatusCode.OK);
        Assert.Equal(first, repeat["number"]!.GetValue<string>());
        Assert.Equal("valid", repeat["status"]!.GetValue<string>());
        Assert.Single((await (await Http.GetAsync($"/api/certificates?uscc={uscc}")).JsonAsync()).AsArray());

        // Superseding needs a reason.
        await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "annual-report", uscc, year = 2023, supersede = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "reason");

        // With one: the old one is revoked naming its successor, the new one issued.
        var replaced = await Http.IssueAsync(new { kind = "annual-report", uscc, year = 2023, supersede = true, reason = "更正 3 月用电量后重出" });
        var second = replaced["number"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        var old = await StatusAsync(first);
        Assert.Equal("revoked", old["status"]!.GetValue<string>());
        Assert.StartsWith($"被 {second} 取代", old["revokedReason"]!.GetValue<string>());
        Assert.Contains("更正 3 月用电量后重出", old["revokedReason"]!.GetValue<string>());
        Assert.Equal(second, (await Http.IssueAsync(report, HttpStatusCode.OK))["number"]!.GetValue<string>());
        var all = (await (await Http.GetAsync($"/api/certificates?uscc={uscc}")).JsonAsync()).AsArray();
        Assert.Equal([first, second], all.Select(c => c!["number"]!.GetValue<string>()));
        Assert.Single(all, c => c!["status"]!.GetValue<string>() == "valid");

        // A 亩均 notice's year is its evaluation's: a second request for the same run returns the first notice.
        var run = await (await Http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "huangyan-2022" })).JsonAsync();
        var notice = new { kind = "mujun-notice", uscc, evaluationId = run["id"]!.GetValue<string>() };
        var issued = (await Http.IssueAsync(notice))["number"]!.GetValue<string>();
        Assert.Equal(issued, (await Http.IssueAsync(notice, HttpStatusCode.OK))["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_annual_report_missing_months_is_refused_unless_partial_and_then_says_on_its_face_what_it_covers()
    {
        var uscc = await Http.FirmAsync(months2023: 11);
        var refused = await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "annual-report", uscc, year = 2023 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "year");
        Assert.Contains("12月", refused);
        Assert.Contains("partial", refused);
        Assert.Empty((await (await Http.GetAsync($"/api/certificates?uscc={uscc}")).JsonAsync()).AsArray());

        var issued = await Http.IssueAsync(new { kind = "annual-report", uscc, year = 2023, partial = true });
        var text = CertificateSteps.Text(await Http.PdfAsync(issued["number"]!.GetValue<string>()));
        Assert.Contains("本报告仅涵盖 2023年1–11月 (covers Jan–Nov 2023 only)", text);
    }

    [Fact]
    public async Task The_annual_report_prints_its_price_basis_and_every_figure_on_it_uses_that_basis()
    {
        var uscc = await Http.FirmAsync();
        var number = (await Http.IssueAsync(new { kind = "annual-report", uscc, year = 2023 }))["number"]!.GetValue<string>();
        var text = CertificateSteps.Text(await Http.PdfAsync(number));
        var metrics = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2023")).JsonAsync();
        Assert.Equal("comparable-2020", metrics["priceBasis"]!.GetValue<string>());

        Assert.Contains("价格口径 Price basis：2020年可比价 (comparable 2020 prices)", text);
        // Value added as deflated (3 600 × 100 / 109.1561 = 3 298.03), the one the intensities divide by; not as filed.
        static string N(decimal v, int decimals) => Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals, CultureInfo.InvariantCulture);
        // The row reads: 工业增加值 | 万元 | 2023 | 2020 (2020 prices are their own comparable prices).
        Assert.Contains($"工业增加值万元{N(metrics.Dec("valueAddedAtPriceBasis"), 2)}{N(metrics.Dec("baseline.valueAddedAtPriceBasis"), 2)}", text);
        Assert.NotEqual(metrics.Dec("valueAdded"), metrics.Dec("valueAddedAtPriceBasis"));
        Assert.Contains(N(metrics.Dec("intensity.energyTcePer10kYuan"), 4), text);
        Assert.Contains(N(metrics.Dec("intensity.co2TPer10kYuan"), 4), text);
    }

    [Fact]
    public async Task The_QR_code_and_printed_link_open_a_page_a_person_can_read_and_check_a_file_with()
    {
        var uscc = await Http.FirmAsync();
        var number = (await Http.IssueAsync(new { kind = "annual-report", uscc, year = 2023 }))["number"]!.GetValue<string>();
        var pdf = await Http.PdfAsync(number);

        // What the QR code encodes is what the page prints: the public page, not the JSON API.
        var url = $"https://carbon.example.test/verify/{number}";
        Assert.Contains(url, CertificateSteps.Text(pdf));
        var record = await App.Services.GetRequiredService<CertificateReads>().FindAsync(number);
        Assert.Contains($"\"verificationUrl\":\"{url}\"", record!.DataJson);

        var page = await Http.GetAsync($"/verify/{number}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", page.Content.Headers.ContentType?.CharSet);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var shown in new[] { "年度能源与碳排放报告", CertificateSteps.FirmName, uscc, "2023", "有效", "Valid", "2026-11-28", $"api/certificates/{number}",
                     "enctype=\"multipart/form-data\"" })
        {
            Assert.Contains(shown, html);
        }

        // Uploading the file on the page checks it, and says so in words.
        var valid = await UploadAsync(pdf);
        Assert.Contains("有效", valid);
        Assert.Contains($"verify/{number}", valid);
        var altered = (byte[])pdf.Clone();
        altered[altered.Length / 2] ^= 0x01;
        Assert.Contains("已被改动", await UploadAsync(altered));
        var empty = await Http.PostAsync("/verify", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("text/html", empty.Content.Headers.ContentType?.MediaType);

        // Revoked: the page says so, with the date and the reason, every value HTML-encoded.
        Assert.Equal(HttpStatusCode.OK, (await RevokeAsync(number, "数据造假 <script>alert(1)</script>")).StatusCode);
        var revoked = await Http.GetStringAsync($"/verify/{number}");
        Assert.Contains("已吊销", revoked);
        Assert.Contains("Revoked", revoked);
        Assert.Contains("数据造假 &lt;script&gt;alert(1)&lt;/script&gt;", revoked);
        Assert.DoesNotContain("<script>", revoked);
        Assert.Contains("已吊销", await UploadAsync(pdf));

        // An unknown number: a page that says so, 404. The pages are not part of the API document; the JSON stays at /api.
        var unknown = await Http.GetAsync("/verify/AR-2023-999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("text/html", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("AR-2023-999999", await unknown.Content.ReadAsStringAsync());
        var paths = JsonNode.Parse(await Http.GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.DoesNotContain(paths, p => p.StartsWith("/verify", StringComparison.Ordinal));
        Assert.Equal("revoked", (await StatusAsync(number))["status"]!.GetValue<string>());
    }

    private async Task<string> UploadAsync(byte[] pdf)
    {
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent { { file, "file", "certificate.pdf" } };
        var response = await Http.PostAsync("/verify", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }
}
