using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;
using Carbon.Sheets;
using Row = Carbon.Server.Tests.Infrastructure.Form2051Workbook.Row;

namespace Carbon.Server.Tests;

/// <summary>
/// Imports through the HTTP API: a real-layout 205-1 workbook with a balance error and an unknown carrier, the job from
/// check to commit, the rejected rows round-tripped, the same file again, another firm's filer, and Carbon's template.
/// </summary>
public sealed class ImportApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly FixedTime _time = new();
    private CarbonApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new CarbonApp(_folder.Path, _time);
        await _app.OfficialAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>
    /// September: coal 100 + 500 − 480 = 120 (450 industrial, 50 of it feedstock; 30 other), of it 无烟煤 200 t (其中),
    /// gas 3 万m³, power 80 万kWh; 能源合计 column 4 = 480 × 0.7143 + 3 × 12.143 + 80 × 1.229 = 477.613, column 5 = 456.184.
    /// October opens at September's close: coal 120 + 400 − 420 = 100; 能源合计 4 = 300.006 + 48.572 + 110.61 = 459.188,
    /// 5 = 285.72 + 48.572 + 110.61 = 444.902. August is wrong twice: coal closes at 100, not 50 + 500 − 480 = 70 (column 9),
    /// and 沼气 is no row of the form (甲).
    /// </summary>
    private static byte[] Workbook(string uscc) => Form2051Workbook.Xlsx(
        Form2051Workbook.Sheet("2026-08", uscc, "2026年8月",
        [
            new Row("原煤", "吨", "01", 50, 500, 250, 480, 450, 50, 30, null, 100, 0.7143, 0.7143),
            new Row("沼气", "万立方米", "", 0, 1, null, 1, 1, null, null, null, 0),
        ]),
        Form2051Workbook.Sheet("2026-09", uscc, "2026年9月",
        [
            new Row("原煤", "吨", "01", 100, 500, 250, 480, 450, 50, 30, null, 120, 0.7143, 0.7143),
            new Row("其中：无烟煤", "吨", "02", 0, 200, null, 200, 200, null, null, null, 0, null, 0.9428),
            new Row("天然气", "万立方米", "15", 0, 3, 90, 3, 3, null, null, null, 0, 12.143, 12.143),
            new Row("电力", "万千瓦时", "34", 0, 80, 560, 80, 80, null, null, null, 0, 1.229, 1.229),
            new Row("能源合计", "吨标准煤", "40", null, null, null, 477.61, 456.18),
        ]),
        Form2051Workbook.Sheet("2026-10", uscc, "2026-10",
        [
            new Row("原煤", "吨", "01", 120, 400, 200, 420, 400, 40, 20, null, 100, 0.7143, 0.7143),
            new Row("天然气", "万立方米", "15", 0, 4, 120, 4, 4, null, null, null, 0, 12.143, 12.143),
            new Row("电力", "万千瓦时", "34", 0, 90, 630, 90, 90, null, null, null, 0, 1.229, 1.229),
            new Row("能源合计", "吨标准煤", "40", null, null, null, 459.19, 444.90),
        ]));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, byte[] file, string name, bool dryRun = false)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", name } };
        var response = await http.PostAsync($"/api/imports{(dryRun ? "?dryRun=true" : "")}", form);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static async Task<JsonNode> CommitAsync(HttpClient http, string id)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/imports/{id}/commit", null)).StatusCode);
        return await Eventually.JsonAsync(http, $"/api/imports/{id}", j => j["state"]!.GetValue<string>() == "committed");
    }

    private static IEnumerable<(string Sheet, int Row, string Column)> Errors(JsonNode report) =>
        report["issues"]!.AsArray().Where(i => !i!["warning"]!.GetValue<bool>())
            .Select(i => (i!["sheet"]!.GetValue<string>(), i["row"]!.GetValue<int>(), i["column"]!.GetValue<string>())).Order();

    [Fact]
    public async Task A_205_1_workbook_imports_its_good_months_as_the_API_would_file_them_and_returns_the_bad_one_with_its_errors()
    {
        var official = await _app.OfficialAsync();
        var (a, b) = (TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null)).StatusCode);
        var filer = await _app.ClientAsync("import-filer", Role.Filer, firms: [a]);
        var workbook = Workbook(a);   // one file, uploaded again below byte for byte

        // A dry run: exactly the two cell errors of August; September and October are new (with a warning: no filing yet).
        var dry = await (await UploadAsync(filer, workbook, "205-1.xlsx", dryRun: true)).JsonAsync();
        Assert.Null(dry["id"]);
        Assert.Equal("form2051", dry["kind"]!.GetValue<string>());
        Assert.Equal([("2026-08", 8, "9"), ("2026-08", 9, "甲")], Errors(dry));
        Assert.Equal((3, 2, 1), (dry["counts"]!["firmMonths"]!.GetValue<int>(), dry["counts"]!["new"]!.GetValue<int>(), dry["counts"]!["rejected"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.NotFound, (await filer.GetAsync($"/api/enterprises/{a}/filings/2026-09")).StatusCode);   // nothing written

        // The job: checked, confirmed, committed.
        var created = await UploadAsync(filer, workbook, "205-1.xlsx");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync())["id"]!.GetValue<string>();
        var done = await CommitAsync(filer, id);
        Assert.Equal(2, done["progress"]!["created"]!.GetValue<int>());

        // September equals the same figures filed through the API: column 5 as the quantity, column 6 as feedstock, 其中 not counted.
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(b, "2026-09", new
        {
            energy = new object[]
            {
                new { carrier = "raw-coal", quantity = 450m, unit = "t", feedstock = 50m },
                new { carrier = "natural-gas", quantity = 3m, unit = "10k-m3" },
                new { carrier = "electricity", quantity = 80m, unit = "10k-kWh" },
            },
            waterM3 = 0m, outputValue = 0m, valueAdded = 0m, revenue = 0m, taxPaid = 0m, employees = 0, rdExpense = 0m, pollutants = (object?)null,
            products = Array.Empty<object>(),
        })).StatusCode);
        var imported = await (await filer.GetAsync($"/api/enterprises/{a}/filings/2026-09")).JsonAsync();
        var filed = await (await official.GetAsync($"/api/enterprises/{b}/filings/2026-09")).JsonAsync();
        Assert.Equal(filed["current"]!.ToJsonString(), imported["current"]!.ToJsonString());
        Assert.Equal(1, imported["revision"]!.GetValue<int>());

        // The rejected rows come back as the same sheet with an 错误 column; fixed, they import.
        var rejected = SheetFiles.Read(await filer.GetByteArrayAsync($"/api/imports/{id}/rejected"));
        var sheet = Assert.Single(rejected);
        Assert.Equal("2026-08", sheet.Name);
        Assert.Equal("错误", sheet.Rows.Single(r => r.Cells.Contains("甲")).Cells[^1]);
        Assert.Contains("9 = 1 + 2 − 4", sheet.Rows.Single(r => r.Number == 8).Cells[^1]);
        Assert.Contains("沼气", sheet.Rows.Single(r => r.Number == 9).Cells[^1]);
        var fixedRows = sheet.Rows.Where(r => r.Number != 9).Select(r =>
            (IReadOnlyList<object?>)r.Cells.Select((c, i) => r.Number == 8 && i == 11 ? "70" : c).Cast<object?>().ToList()).ToList();
        var fixedFile = SheetFiles.Write(SheetFormat.Xlsx, [new GridOut(sheet.Name, fixedRows, 0)]);
        var again = await (await UploadAsync(filer, fixedFile, "205-1-错误.xlsx")).JsonAsync();
        Assert.Empty(Errors(again));
        Assert.Equal(1, (await CommitAsync(filer, again["id"]!.GetValue<string>()))["progress"]!["created"]!.GetValue<int>());

        // The same file again changes nothing, and says which job it repeats.
        var repeat = await (await UploadAsync(filer, workbook, "205-1.xlsx")).JsonAsync();
        Assert.True(repeat["sameAs"] is not null, repeat.ToJsonString());
        Assert.Equal(id, repeat["sameAs"]!.GetValue<string>());
        Assert.Equal(2, repeat["counts"]!["unchanged"]!.GetValue<int>());
        var repeated = await CommitAsync(filer, repeat["id"]!.GetValue<string>());
        Assert.Equal((0, 0, 2), (repeated["progress"]!["created"]!.GetValue<int>(), repeated["progress"]!["revised"]!.GetValue<int>(),
            repeated["progress"]!["unchanged"]!.GetValue<int>()));
        Assert.Equal(1, (await (await filer.GetAsync($"/api/enterprises/{a}/filings/2026-09")).JsonAsync())["revision"]!.GetValue<int>());

        // Another firm's filer: every month refused, in the API's words; and it cannot see this job.
        var stranger = await _app.ClientAsync("other-import-filer", Role.Filer, firms: [b]);
        var foreign = await (await UploadAsync(stranger, workbook, "205-1.xlsx", dryRun: true)).JsonAsync();
        Assert.Equal(3, foreign["counts"]!["rejected"]!.GetValue<int>());
        Assert.Contains(foreign["issues"]!.AsArray(), i => i!["message"]!.GetValue<string>().StartsWith($"未登记企业 {a}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/imports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/imports/{id}/rejected")).StatusCode);
    }

    [Fact]
    public async Task Carbon_template_downloads_with_an_example_and_imports_every_field_and_revisions_with_the_file_name()
    {
        var official = await _app.OfficialAsync();
        var a = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, "2026-09", Api.Filing())).StatusCode);

        var template = SheetFiles.Read(await official.GetByteArrayAsync("/api/imports/template"));
        var header = template[0].Rows[0].Cells;
        Assert.Contains("电力 electricity (kWh)", header);
        Assert.Equal("9133021213967419XF", template[0].Rows[1].Cells[0]);    // the example row

        object? Cell(string key, string uscc, string month) => key switch
        {
            "uscc" => uscc,
            "month" => month,
            "electricity" => 150_000m,
            "natural-gas" => 12_000m,
            "waterM3" => 600m,
            "outputValue" => 1_200m,
            "valueAdded" => 300m,
            "revenue" => 1_250m,
            "taxPaid" => 45m,
            "employees" => 85,
            "rdExpense" => 25m,
            "codT" => 0.2m,
            "product1.name" => "齿轮",
            "product1.quantity" => 4_000m,
            "product1.unit" => "件",
            "reason" => month == "2026-09" ? "补录9月用电" : null,
            _ => null,
        };
        var keys = header.Select(h => Carbon.Server.Features.Intake.CarbonTemplate.KeyOf(h)!).ToList();
        var rows = new List<IReadOnlyList<object?>>
        {
            header.Cast<object?>().ToList(),
            keys.Select(k => Cell(k, a, "2026-09")).ToList(),
            keys.Select(k => Cell(k, a, "2026-10")).ToList(),
            keys.Select(k => k == "valueAdded" ? 2_000m : Cell(k, a, "2026-11")).ToList(),   // value added above output: refused
        };
        var file = SheetFiles.Write(SheetFormat.Csv, [new GridOut("t", rows)]);
        var report = await (await UploadAsync(official, file, "template.csv")).JsonAsync();
        Assert.Equal("template", report["kind"]!.GetValue<string>());
        var statuses = report["items"]!.AsArray().Select(i => (i!["month"]!.GetValue<string>(), i["status"]!.GetValue<string>())).ToList();
        Assert.True(statuses.SequenceEqual([("2026-09", "revision"), ("2026-10", "new"), ("2026-11", "rejected")]), report.ToJsonString());
        var error = Assert.Single(report["issues"]!.AsArray(), i => !i!["warning"]!.GetValue<bool>())!;
        Assert.Equal(4, error["row"]!.GetValue<int>());
        Assert.Equal(Xlsx.ColumnName(keys.IndexOf("valueAdded")), error["column"]!.GetValue<string>());
        Assert.StartsWith("工业增加值 2000 不能高于工业总产值 1200", error["message"]!.GetValue<string>());   // the API's words

        await CommitAsync(official, report["id"]!.GetValue<string>());
        var october = await (await official.GetAsync($"/api/enterprises/{a}/filings/2026-10")).JsonAsync();
        Assert.Equal(85, october["current"]!["employees"]!.GetValue<int>());
        Assert.Equal("齿轮", october["current"]!["products"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(0.2m, october["current"]!.Dec("pollutants.codT"));
        var september = await (await official.GetAsync($"/api/enterprises/{a}/filings/2026-09")).JsonAsync();
        Assert.Equal(2, september["revision"]!.GetValue<int>());
        Assert.Equal("补录9月用电", september["history"]![1]!["reason"]!.GetValue<string>());
        Assert.Equal(150_000m, september["current"]!["energy"]![0]!.Dec("quantity"));
    }

    /// <summary>
    /// Monitoring records (statType 2): September's firm-level electricity 100 000 + 50 000 (two uses) = 150 000 kWh revises
    /// the filed 100 000 and keeps the filed gas (10 000 m³); the workshop's sub-meter and a daily record are left out with
    /// warnings. October is new: 90 000 kWh and 1 500 m³. November's energy kind 9999 is unknown: refused, and the
    /// rejected-rows file holds the header and that row with its error.
    /// </summary>
    [Fact]
    public async Task Monitoring_records_file_the_carriers_they_cover_and_keep_the_rest()
    {
        var official = await _app.OfficialAsync();
        var a = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, "2026-09", Api.Filing())).StatusCode);
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "enterpriseCode", "dataCode", "statType", "statDate", "dataValue", "valid" },
            new object?[] { a, "0000000001340001", 2, "2026-09-30 00:00:00", 100_000m, 1 },
            new object?[] { a, "0000000001340002", 2, "2026-09-30 00:00:00", 50_000m, 1 },
            new object?[] { a, "0101010101340001", 2, "2026-09-30 00:00:00", 40_000m, 1 },
            new object?[] { a, "0000000001340001", 1, "2026-09-15", 3_000m, 1 },
            new object?[] { a, "0000000001340001", 2, "2026-10", 90_000m, 1 },
            new object?[] { a, "0000000001150001", 2, "2026-10", 1_500m, 1 },
            new object?[] { a, "0000000001999901", 2, "2026-11", 7m, 1 },
        };
        var file = SheetFiles.Write(SheetFormat.Xlsx, [new GridOut("监测", rows)]);
        var report = await (await UploadAsync(official, file, "monitoring.xlsx")).JsonAsync();
        Assert.Equal("monitoring", report["kind"]!.GetValue<string>());
        var statuses = report["items"]!.AsArray().Select(i => (i!["month"]!.GetValue<string>(), i["status"]!.GetValue<string>())).ToList();
        Assert.True(statuses.SequenceEqual([("2026-09", "revision"), ("2026-10", "new"), ("2026-11", "rejected")]), report.ToJsonString());
        Assert.True(Errors(report).SequenceEqual([("监测", 8, "B")]), report.ToJsonString());
        var warnings = report["issues"]!.AsArray().Where(i => i!["warning"]!.GetValue<bool>()).Select(i => (i!["row"]!.GetValue<int>(), i["column"]!.GetValue<string>())).Order();
        Assert.True(warnings.SequenceEqual([(4, "B"), (5, "C"), (6, "A")]), report.ToJsonString());   // sub-meter, daily, October not filed yet

        var rejected = SheetFiles.Read(await official.GetByteArrayAsync(report["rejected"]!.GetValue<string>()))[0];
        Assert.Equal(2, rejected.Rows.Count);
        Assert.Equal("错误", rejected.Rows[0].Cells[^1]);
        Assert.Contains("9999", rejected.Rows[1].Cells[^1]);

        await CommitAsync(official, report["id"]!.GetValue<string>());
        var september = await (await official.GetAsync($"/api/enterprises/{a}/filings/2026-09")).JsonAsync();
        Assert.Equal("import monitoring.xlsx", september["history"]![1]!["reason"]!.GetValue<string>());
        var energy = september["current"]!["energy"]!.AsArray().ToDictionary(e => e!["carrier"]!.GetValue<string>(), e => e!.Dec("quantity"));
        Assert.Equal(150_000m, energy["electricity"]);
        Assert.Equal(10_000m, energy["natural-gas"]);
        var october = await (await official.GetAsync($"/api/enterprises/{a}/filings/2026-10")).JsonAsync();
        energy = october["current"]!["energy"]!.AsArray().ToDictionary(e => e!["carrier"]!.GetValue<string>(), e => e!.Dec("quantity"));
        Assert.Equal(new Dictionary<string, decimal> { ["electricity"] = 90_000m, ["natural-gas"] = 1_500m }, energy);
    }

    [Fact]
    public async Task Exports_are_scoped_to_the_caller_and_the_filings_export_imports_back_unchanged()
    {
        var official = await _app.OfficialAsync();
        var (a, b) = (TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null)).StatusCode);
        foreach (var (uscc, month) in new[] { (a, "2026-01"), (a, "2026-02"), (b, "2026-01") })
        {
            Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(uscc, month, Api.Filing())).StatusCode);
        }
        var filer = await _app.ClientAsync("export-filer", Role.Filer, firms: [a]);

        // The filer's export holds its own firm's two months only, in the template's columns (gas in m³, as the template has it).
        var sheet = SheetFiles.Read(await filer.GetByteArrayAsync("/api/exports/filings?year=2026"))[0];
        var keys = sheet.Rows[0].Cells.Select(Carbon.Server.Features.Intake.CarbonTemplate.KeyOf).ToList();
        Assert.Equal([a, a], sheet.Rows.Skip(1).Select(r => r.Cells[keys.IndexOf("uscc")]));
        Assert.Equal(10_000m, decimal.Parse(sheet.Rows[1].Cells[keys.IndexOf("natural-gas")], System.Globalization.CultureInfo.InvariantCulture));

        // Imported back as it is, it changes nothing.
        var csv = await filer.GetByteArrayAsync("/api/exports/filings?year=2026&format=csv");
        var again = await (await UploadAsync(filer, csv, "export.csv")).JsonAsync();
        Assert.Equal(2, again["counts"]!["unchanged"]!.GetValue<int>());
        Assert.Empty(Errors(again));

        // Every kind answers, scoped: the filer's metrics name its firm and not the other.
        foreach (var kind in new[] { "metrics", "certificates", "supervision-cases" })
        {
            Assert.Equal(HttpStatusCode.OK, (await filer.GetAsync($"/api/exports/{kind}?year=2026")).StatusCode);
        }
        var metrics = SheetFiles.Read(await filer.GetByteArrayAsync("/api/exports/metrics?year=2026"))[0];
        Assert.Contains(metrics.Rows, r => r.Cells[1] == a);
        Assert.DoesNotContain(metrics.Rows, r => r.Cells[1] == b);
        Assert.Contains(SheetFiles.Read(await official.GetByteArrayAsync("/api/exports/metrics?year=2026"))[0].Rows, r => r.Cells[1] == b);
        await (await filer.GetAsync("/api/exports/nothing")).AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        await (await filer.GetAsync("/api/exports/evaluation")).AssertProblemAsync(HttpStatusCode.BadRequest, "evaluationId");
    }
}
