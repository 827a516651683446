using Carbon.Domain.Access;
using System.Net;
using System.Net.Http.Json;
using Carbon.Server.Demo;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>Certificates across restarts and configurations: what the ledger keeps, and where a service may issue at all.</summary>
public class CertificateHostingTests
{
    private const string LocalDefault = "http://localhost:5214";

    [Fact]
    public async Task A_revocation_and_a_reinstatement_are_on_the_ledger_and_survive_restarts()
    {
        using var folder = new TempFolder();
        string uscc, id, first;
        await using (var app = new CarbonApp(folder.Path))
        {
            var http = await app.OfficialAsync();
            uscc = await http.FirmAsync();
            id = await http.ApprovedApplicationAsync(uscc);
            first = (await http.IssueAsync(new { kind = "green-factory", uscc, applicationId = id }))["number"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/certificates/{first}/revoke", new { reason = "复核不合格" })).StatusCode);
        }

        await using (var app = new CarbonApp(folder.Path))
        {
            // The revocation is still there: the same approval gets no new certificate.
            var http = await app.OfficialAsync();
            await (await http.PostAsJsonAsync("/api/certificates", new { kind = "green-factory", uscc, applicationId = id }))
                .AssertProblemAsync(HttpStatusCode.Conflict, "applicationId");
            var review = await app.ClientAsync("review-li", Role.DistrictOfficial);   // 复议办李四
            Assert.Equal(HttpStatusCode.OK,
                (await review.PostAsJsonAsync($"/api/green-factory/applications/{id}/reinstatement", new { reason = "行政复议决定撤销吊销" })).StatusCode);
        }

        await using (var app = new CarbonApp(folder.Path))
        {
            // The reinstatement is still there: exactly one new certificate, then that one is returned.
            var http = await app.OfficialAsync();
            var second = (await http.IssueAsync(new { kind = "green-factory", uscc, applicationId = id }))["number"]!.GetValue<string>();
            Assert.NotEqual(first, second);
            Assert.Equal(second, (await http.IssueAsync(new { kind = "green-factory", uscc, applicationId = id }, HttpStatusCode.OK))["number"]!.GetValue<string>());

            await using var db = app.Services.GetRequiredService<ILedgerContextFactory>().Create();
            var reinstated = await db.GreenFactoryEvents.AsNoTracking().SingleAsync(e => e.ApplicationId == id && e.Kind == "reinstated");
            Assert.Equal("review-li", reinstated.Actor);
            Assert.Equal("行政复议决定撤销吊销", reinstated.Comment);
            Assert.Contains("\"version\":1", reinstated.Payload);
            Assert.Contains(first, reinstated.Payload);
            Assert.Equal("复核不合格", (await db.CertificateRevocations.AsNoTracking().SingleAsync(r => r.Number == first)).Reason);
        }
    }

    [Fact]
    public async Task A_service_still_on_the_localhost_default_address_refuses_to_issue()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path, settings: new Dictionary<string, string?> { ["Carbon:PublicBaseUrl"] = LocalDefault });
        var http = await app.OfficialAsync();
        var uscc = await http.FirmAsync();

        var refused = await (await http.PostAsJsonAsync("/api/certificates", new { kind = "annual-report", uscc, year = 2023 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "Carbon:PublicBaseUrl");
        Assert.Contains("Carbon:PublicBaseUrl", refused);
        Assert.Contains(LocalDefault, refused);

        var run = await (await http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "huangyan-2022" })).JsonAsync();
        await (await http.PostAsJsonAsync("/api/certificate-batches", new { kind = "mujun-notice", evaluationId = run["id"]!.GetValue<string>() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "Carbon:PublicBaseUrl");
        Assert.Empty((await (await http.GetAsync("/api/certificates")).JsonAsync()).AsArray());
    }

    [Fact]
    public async Task A_demo_service_issues_on_the_localhost_default_address()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path,
            settings: new Dictionary<string, string?> { ["Carbon:PublicBaseUrl"] = LocalDefault, ["Carbon:Demo"] = "true" });
        var http = await app.OfficialAsync();
        var uscc = DemoDistrict.Generate().First().Identity.Uscc;

        var issued = await http.IssueAsync(new { kind = "annual-report", uscc, year = 2025 });
        var number = issued["number"]!.GetValue<string>();
        Assert.Contains($"{LocalDefault}/verify/{number}", CertificateSteps.Text(await http.PdfAsync(number)));
    }
}
