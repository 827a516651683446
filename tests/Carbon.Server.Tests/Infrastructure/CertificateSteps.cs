using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>The steps certificate tests share: a firm with a year filed, issuing, an approved application, the PDF's text.</summary>
public static class CertificateSteps
{
    public const string FirmName = "宁波鄞州堃喆珺镕绿色制造有限公司";

    /// <summary>
    /// A 机械 (C3441) firm of 20 亩 with all of 2020 and the first <paramref name="months2023"/> months of 2023 filed:
    /// 250 000 kWh a month in 2020, 200 000 kWh in 2023, 1 000 m³ of gas, value added 300 万元 a month.
    /// </summary>
    public static async Task<string> FirmAsync(this HttpClient http, int months2023 = 12, decimal tax = 50m, string? park = null)
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/enterprises", new
        {
            uscc, name = FirmName, industry = "机械装备", industryCode = "C3441", parkCode = park, scale = "above", landAreaMu = 20m,
            floorAreaM2 = 20_000m, footprintM2 = 6_000m,
        })).StatusCode);
        foreach (var (year, months, kwh) in new[] { (2020, 12, 250_000m), (2023, months2023, 200_000m) })
        {
            for (var m = 1; m <= months; m++)
            {
                var body = new
                {
                    energy = new[] { new { carrier = "electricity", quantity = kwh, unit = "kWh" }, new { carrier = "natural-gas", quantity = 1_000m, unit = "m3" } },
                    waterM3 = 200m, outputValue = 1_000m, valueAdded = 300m, revenue = 1_000m, taxPaid = tax, employees = 60, rdExpense = 20m,
                    pollutants = new { codT = 0.04m },
                };
                Assert.Equal(HttpStatusCode.Created, (await http.FileAsync(uscc, $"{year}-{m:D2}", body)).StatusCode);
            }
        }
        return uscc;
    }

    /// <summary>POST /api/certificates, expecting <paramref name="status"/> (a new certificate unless told); the register entry.</summary>
    public static async Task<JsonNode> IssueAsync(this HttpClient http, object body, HttpStatusCode status = HttpStatusCode.Created)
    {
        var response = await http.PostAsJsonAsync("/api/certificates", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<byte[]> PdfAsync(this HttpClient http, string number)
    {
        var response = await http.GetAsync($"/api/certificates/{number}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The text of a PDF as a reader extracts it (PdfPig).</summary>
    public static string Text(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(doc.GetPages().Select(p => p.Text));
    }

    /// <summary>
    /// A GB/T 36132-2025 application for 2023 with every basic requirement and qualitative item claimed, verified and
    /// approved; its id.
    /// </summary>
    public static async Task<string> ApprovedApplicationAsync(this HttpClient http, string uscc)
    {
        var items = await AnswerableItemsAsync(http);
        var app = await (await http.PostAsJsonAsync("/api/green-factory/applications", new
        {
            uscc, year = 2023, edition = "gbt36132-2025",
            answers = items.Select(i => new { item = i, met = true, evidence = "佐证 " + i }),
        })).JsonAsync();
        var id = app["id"]!.GetValue<string>();
        await http.PostAsJsonAsync($"/api/green-factory/applications/{id}/verification",
            new { decisions = items.Select(i => new { item = i, accepted = true }) });
        var approved = await (await http.PostAsJsonAsync($"/api/green-factory/applications/{id}/decision", new { approve = true })).JsonAsync();
        Assert.Equal("approved", approved["status"]!.GetValue<string>());
        return id;
    }

    /// <summary>The basic requirements and qualitative items of GB/T 36132-2025: what a firm answers.</summary>
    public static async Task<List<string>> AnswerableItemsAsync(this HttpClient http)
    {
        var rules = (await (await http.GetAsync("/api/green-factory/rule-sets")).JsonAsync()).AsArray()
            .Single(r => r!["id"]!.GetValue<string>() == "gbt36132-2025")!;
        return rules["basic"]!.AsArray().Select(b => b!["id"]!.GetValue<string>())
            .Concat(rules["items"]!.AsArray().Where(i => i!["metric"] is null).Select(i => i!["id"]!.GetValue<string>())).ToList();
    }
}
