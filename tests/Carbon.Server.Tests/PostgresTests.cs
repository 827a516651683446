using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// The same service on PostgreSQL (Npgsql, its own migrations): filing, revision, metrics, evaluation, a certificate,
/// and a restart — so nothing assumes SQLite beyond the provider choice.
/// </summary>
public class PostgresTests
{
    [PostgresFact]
    public async Task The_ledger_on_postgres_files_evaluates_certifies_and_survives_a_restart()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var folder = new TempFolder();
        var uscc = TestUscc.Next();
        string metrics, filing, evaluation, number, imported;

        await using (var first = new CarbonApp(folder.Path, settings: database.Settings))
        {
            var http = await first.OfficialAsync();
            Assert.Equal(HttpStatusCode.Created, (await http.RegisterParkAsync("PG-PARK")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await http.RegisterEnterpriseAsync(uscc, "PG-PARK")).StatusCode);
            for (var m = 1; m <= 12; m++)
            {
                Assert.Equal(HttpStatusCode.Created, (await http.FileAsync(uscc, $"2023-{m:D2}", Api.Filing())).StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, (await http.FileAsync(uscc, "2023-03", Api.Filing(kwh: 110_000m, reason: "更正"))).StatusCode);

            // 11 × 100 000 + 110 000 = 1 210 000 kWh × 0.1229 = 148.709 tce; gas by its heating value (工业其他行业 389.31 GJ/万m³):
            // 12 万m³ × 389.31 = 4 671.72 GJ ÷ 29.307 GJ/tce = 159.406285 tce → 308.115285 tce.
            var m2023 = await (await http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2023")).JsonAsync();
            Assert.Equal(308.115285m, m2023.Dec("energyTce.calorific"));
            metrics = m2023.ToJsonString();
            filing = await http.GetStringAsync($"/api/enterprises/{uscc}/filings/2023-03");

            var run = await (await http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "huangyan-2022" })).JsonAsync();
            evaluation = run["id"]!.GetValue<string>();
            var certificate = await (await http.PostAsJsonAsync("/api/certificates", new { kind = "annual-report", uscc, year = 2023 })).JsonAsync();
            number = certificate["number"]!.GetValue<string>();

            // An import writes its rows by prepared INSERTs made from the model: on PostgreSQL too (a new month and a revision).
            var keys = Carbon.Server.Features.Intake.CarbonTemplate.Columns.Select(c => c.Key).ToList();
            object?[] Row(string month, decimal kwh) => keys.Select(k => k switch
            {
                "uscc" => (object?)uscc, "month" => month, "electricity" => kwh, "waterM3" => 500m, "outputValue" => 1_000m, "valueAdded" => 250m,
                "revenue" => 1_050m, "taxPaid" => 40m, "employees" => 80, "rdExpense" => 20m, _ => null,
            }).ToArray();
            var csv = Carbon.Sheets.SheetFiles.Write(Carbon.Sheets.SheetFormat.Csv,
                [Carbon.Server.Features.Intake.CarbonTemplate.Sheet([Row("2024-01", 90_000m), Row("2023-04", 95_000m)])]);
            var form = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "pg.csv" } };
            var job = (await (await http.PostAsync("/api/imports", form)).JsonAsync())["id"]!.GetValue<string>();
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/imports/{job}/commit", null)).StatusCode);
            var done = await Eventually.JsonAsync(http, $"/api/imports/{job}", j => j["state"]!.GetValue<string>() == "committed");
            Assert.Equal((1, 1), (done["progress"]!["created"]!.GetValue<int>(), done["progress"]!["revised"]!.GetValue<int>()));
            imported = await http.GetStringAsync($"/api/enterprises/{uscc}/filings/2023-04");
            Assert.Contains("import pg.csv", imported);
            metrics = (await (await http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2023")).JsonAsync()).ToJsonString();
        }

        await using (var second = new CarbonApp(folder.Path, settings: database.Settings))
        {
            var http = await second.OfficialAsync();
            Assert.Equal(metrics, (await (await http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2023")).JsonAsync()).ToJsonString());
            Assert.Equal(filing, await http.GetStringAsync($"/api/enterprises/{uscc}/filings/2023-03"));
            Assert.Equal(imported, await http.GetStringAsync($"/api/enterprises/{uscc}/filings/2023-04"));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/evaluations/{evaluation}/enterprises/{uscc}")).StatusCode);
            var pdf = await http.GetByteArrayAsync($"/api/certificates/{number}");
            var content = new ByteArrayContent(pdf);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            var verified = await (await http.PostAsync("/api/certificates/verify", content)).JsonAsync();
            Assert.Equal("valid", verified["result"]!.GetValue<string>());
        }
    }
}
