using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Carbon.Server.Features.Certificates;
using Carbon.Server.Grains;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>Certificates end to end: issue each kind, read the PDF back, verify, alter, revoke, batch.</summary>
public class CertificateApiTests : OwnService
{
    private async Task<JsonNode> VerifyAsync(byte[] pdf)
    {
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return await (await Http.PostAsync("/api/certificates/verify", content)).JsonAsync();
    }

    [Fact]
    public async Task An_annual_report_is_issued_signed_readable_and_verifiable()
    {
        var uscc = await Http.FirmAsync();
        var issued = await Http.IssueAsync(new { kind = "annual-report", uscc, year = 2023 });
        var number = issued["number"]!.GetValue<string>();
        Assert.Matches("^AR-2023-\\d{6}$", number);

        var pdf = await Http.PdfAsync(number);
        Assert.True(pdf.Length < 200 * 1024, $"{pdf.Length} bytes");
        var text = CertificateSteps.Text(pdf);
        Assert.Contains(CertificateSteps.FirmName, text);
        Assert.Contains(number, text);
        Assert.Contains(uscc, text);
        // 2023: 2 400 000 kWh × 0.1229 = 294.96 tce + 1.2 万m³ × 389.31 GJ ÷ 29.307 GJ/tce = 15.940629 tce → 310.900629 tce (当量值).
        var metrics = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2023")).JsonAsync();
        Assert.Equal(310.900629m, metrics.Dec("energyTce.calorific"));
        Assert.Contains("310", text);

        // The register's hash is the file's; the signature verifies with the published public key.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), issued["sha256"]!.GetValue<string>());
        using var key = ECDsa.Create();
        key.ImportFromPem(await Http.GetStringAsync("/api/certificates/public-key"));
        Assert.True(key.VerifyData(pdf, Convert.FromBase64String(issued["signature"]!.GetValue<string>()), HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence));

        Assert.Equal("valid", (await VerifyAsync(pdf))["result"]!.GetValue<string>());

        // One changed byte: altered.
        var altered = (byte[])pdf.Clone();
        altered[altered.Length / 2] ^= 0x01;
        var check = await VerifyAsync(altered);
        Assert.Equal("altered", check["result"]!.GetValue<string>());
        Assert.Equal(number, check["number"]!.GetValue<string>());

        // Something never issued: unknown.
        Assert.Equal("unknown", (await VerifyAsync("%PDF-1.4\n% not a certificate\n"u8.ToArray()))["result"]!.GetValue<string>());

        // Regenerated from its frozen data: byte for byte the issued file.
        var service = App.Services.GetRequiredService<CertificateIssuer>();
        var record = await App.Services.GetRequiredService<CertificateReads>().FindAsync(number);
        Assert.Equal(pdf, service.Regenerate(record!));

        // Revoked: the same file now verifies as revoked, with the reason.
        var revoke = await Http.PostAsJsonAsync($"/api/certificates/{number}/revoke", new { reason = "数据造假" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var entry = await revoke.JsonAsync();
        Assert.Equal("revoked", entry["status"]!.GetValue<string>());      // enums are kebab-case words on the wire
        Assert.Equal("数据造假", entry["revokedReason"]!.GetValue<string>());
        var revoked = await VerifyAsync(pdf);
        Assert.Equal("revoked", revoked["result"]!.GetValue<string>());
        Assert.Equal("数据造假", revoked["revokedReason"]!.GetValue<string>());
        await (await Http.PostAsJsonAsync($"/api/certificates/{number}/revoke", new { reason = "again" })).AssertProblemAsync(HttpStatusCode.Conflict, "number");
        Assert.Equal("revoked", (await (await Http.GetAsync($"/api/certificates/{number}/status")).JsonAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mujun_notice_is_issued_for_a_finished_evaluation_and_a_whole_run_can_be_batched()
    {
        var firms = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            firms.Add(await Http.FirmAsync(tax: 40m + i * 5m));
        }
        var partial = await Http.FirmAsync(months2023: 11);
        var run = await (await Http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "huangyan-2022" })).JsonAsync();
        var id = run["id"]!.GetValue<string>();

        var notice = await Http.IssueAsync(new { kind = "mujun-notice", uscc = firms[0], evaluationId = id });
        var number = notice["number"]!.GetValue<string>();
        Assert.Equal("mujun-notice", notice["kind"]!.GetValue<string>());
        Assert.Matches("^MN-2023-\\d{6}$", number);
        var text = CertificateSteps.Text(await Http.PdfAsync(number));
        Assert.Contains(CertificateSteps.FirmName, text);
        Assert.Contains(number, text);
        Assert.Contains("亩均税收", text);
        Assert.Contains("24.097", text);                  // the 黄岩 benchmark of 亩均税收

        // Not evaluated (missing a month) or an unknown run: refused, nothing issued. (The early token muyun-notice is still read.)
        await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "muyun-notice", uscc = partial, evaluationId = id }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "uscc");
        await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "mujun-notice", uscc = firms[0], evaluationId = "0123456789abcdef0123456789abcdef" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "evaluationId");

        // The whole run in one request, progress readable while it runs. firms[0] already holds a live notice for 2023:
        // the batch skips it rather than send it a second one.
        var started = await Http.PostAsJsonAsync("/api/certificate-batches", new { kind = "mujun-notice", evaluationId = id });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        Assert.Equal(4, (await started.JsonAsync())["total"]!.GetValue<int>());
        var done = await Eventually.JsonAsync(Http, location, b => b["status"]!.GetValue<string>() == "done", 60_000);
        Assert.Equal(3, done["issued"]!.GetValue<int>());
        Assert.Equal(1, done["skipped"]!.GetValue<int>());
        Assert.Equal(0, done["failed"]!.GetValue<int>());
        var list = (await (await Http.GetAsync("/api/certificates?kind=mujun-notice")).JsonAsync()).AsArray();
        Assert.Equal(4, list.Count);                       // one notice per firm: the single one and three from the batch
        Assert.Equal(firms.Order(), list.Select(c => c!["uscc"]!.GetValue<string>()).Order());
        Assert.Equal(4, (await (await Http.GetAsync("/api/certificates?kind=muyun-notice")).JsonAsync()).AsArray().Count);

        // The same run batched again: every firm has its notice, nothing is issued.
        var second = await Http.PostAsJsonAsync("/api/certificate-batches", new { kind = "mujun-notice", evaluationId = id });
        var again = await Eventually.JsonAsync(Http, second.Headers.Location!.ToString(), b => b["status"]!.GetValue<string>() == "done", 60_000);
        Assert.Equal(0, again["issued"]!.GetValue<int>());
        Assert.Equal(4, again["skipped"]!.GetValue<int>());
        Assert.Equal(4, (await (await Http.GetAsync("/api/certificates?kind=mujun-notice")).JsonAsync()).AsArray().Count);
    }

    [Fact]
    public async Task A_green_factory_certificate_needs_anApprovedApplication_and_feeds_the_register_and_target()
    {
        var uscc = await Http.FirmAsync();
        var rules = (await (await Http.GetAsync("/api/green-factory/rule-sets")).JsonAsync()).AsArray()
            .Single(r => r!["id"]!.GetValue<string>() == "gbt36132-2025")!;
        var items = rules["basic"]!.AsArray().Select(b => b!["id"]!.GetValue<string>())
            .Concat(rules["items"]!.AsArray().Where(i => i!["metric"] is null).Select(i => i!["id"]!.GetValue<string>())).ToList();
        var app = await (await Http.PostAsJsonAsync("/api/green-factory/applications", new
        {
            uscc, year = 2023, edition = "gbt36132-2025",
            answers = items.Select(i => new { item = i, met = true, evidence = "佐证 " + i }),
        })).JsonAsync();
        var id = app["id"]!.GetValue<string>();

        await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "green-factory", uscc, applicationId = id }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "applicationId");

        await Http.PostAsJsonAsync($"/api/green-factory/applications/{id}/verification",
            new { decisions = items.Select(i => new { item = i, accepted = true }) });
        var approved = await (await Http.PostAsJsonAsync($"/api/green-factory/applications/{id}/decision", new { approve = true })).JsonAsync();
        Assert.Equal("approved", approved["status"]!.GetValue<string>());

        var certificate = await Http.IssueAsync(new { kind = "green-factory", uscc, applicationId = id });
        var number = certificate["number"]!.GetValue<string>();
        Assert.Matches("^GF-2023-\\d{6}$", number);
        Assert.NotNull(certificate["validUntil"]);
        var text = CertificateSteps.Text(await Http.PdfAsync(number));
        Assert.Contains(CertificateSteps.FirmName, text);
        Assert.Contains("GB/T 36132-2025", text);
        Assert.Contains(number, text);

        var register = (await (await Http.GetAsync("/api/green-factory/register")).JsonAsync()).AsArray();
        Assert.Equal(uscc, register.Single()!["uscc"]!.GetValue<string>());
        var target = (await (await Http.GetAsync("/api/district/targets?year=2026")).JsonAsync())["targets"]!.AsArray()
            .Single(t => t!["id"]!.GetValue<string>() == "green-factories")!;
        Assert.Equal(1m, target.Dec("latest"));

        await Http.PostAsJsonAsync($"/api/certificates/{number}/revoke", new { reason = "复核不合格" });
        Assert.Empty((await (await Http.GetAsync("/api/green-factory/register")).JsonAsync()).AsArray());
    }

    [Fact]
    public async Task Bad_certificate_requests_name_the_field()
    {
        var uscc = await Http.FirmAsync(months2023: 0);
        await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "annual-report", uscc, year = 2023 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "year");
        var bad = await Http.PostAsJsonAsync("/api/certificates", new { kind = "diploma", uscc = "123" });
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "uscc");
        await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "annual-report", uscc }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "year");
        await (await Http.GetAsync("/api/certificates/AR-2023-999999")).AssertProblemAsync(HttpStatusCode.NotFound, "number");
    }

    [Fact]
    public async Task A_malformed_upload_to_verify_is_a_field_error_not_a_crash()
    {
        var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF", System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        await (await Http.PostAsync("/api/certificates/verify", content)).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
    }
}
