using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;
using Carbon.Sheets;
using Row = Carbon.Server.Tests.Infrastructure.Form2051Workbook.Row;

namespace Carbon.Server.Tests;

/// <summary>Early warning through the API: a month filed late, a jump, a budget, notes, scope; every alert goes when its cause does.</summary>
public sealed class AlertApiTests : IAsyncLifetime
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

    private void SetDay(int year, int month, int day) => _time.Now = new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.FromHours(8));

    private static async Task<JsonArray> AlertsAsync(HttpClient http, string query = "year=2026") =>
        (await (await http.GetAsync($"/api/alerts?{query}")).JsonAsync()).AsArray();

    private static JsonNode? Find(JsonArray alerts, string rule, string subject) =>
        alerts.FirstOrDefault(a => a!["rule"]!.GetValue<string>() == rule && a["subject"]!.GetValue<string>() == subject);

    [Fact]
    public async Task A_late_month_a_jump_and_a_budget_raise_alerts_the_firm_explains_and_each_goes_with_its_cause()
    {
        var official = await _app.OfficialAsync();
        var (a, b) = (TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null)).StatusCode);
        // Last October, then August and September alike; October doubles its electricity: energy (等价值) rises well past 30 %
        // of both the median and last October. Last October also gives the district's barometer a month to compare.
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, "2025-10", Api.Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, "2026-08", Api.Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, "2026-09", Api.Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, "2026-10", Api.Filing(kwh: 200_000m))).StatusCode);
        var filer = await _app.ClientAsync("alert-filer", Role.Filer, firms: [a]);
        var stranger = await _app.ClientAsync("alert-stranger", Role.Filer, firms: [b]);

        // 2026-11-28: November is not due before 10 December; the jump is raised now.
        var jump = Find(await AlertsAsync(filer), "jump", a)!;
        Assert.Equal(("flag", "2026-10"), (jump["level"]!.GetValue<string>(), jump["period"]!.GetValue<string>()));
        Assert.True(jump.Dec("value") > 0.30m);
        Assert.Null(Find(await AlertsAsync(filer), "missing", a));
        Assert.DoesNotContain(await AlertsAsync(filer), x => x!["subjectKind"]!.GetValue<string>() != "firm");   // no district barometer for a filer
        Assert.Null(Find(await AlertsAsync(stranger), "jump", a));

        // 11 December: November is a day late (amber); 20 December: ten days (red). Filing it ends the alert.
        SetDay(2026, 12, 11);
        Assert.Equal("amber", Find(await AlertsAsync(filer), "missing", a)!["level"]!.GetValue<string>());
        SetDay(2026, 12, 20);
        Assert.Equal("red", Find(await AlertsAsync(filer), "missing", a)!["level"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await filer.FileAsync(a, "2026-11", Api.Filing())).StatusCode);
        Assert.Null(Find(await AlertsAsync(filer), "missing", a));

        // 用能预算: set by the district only; 100 tce is spent already (red), 260 leaves it at about 80 % (yellow).
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.PutAsJsonAsync($"/api/enterprises/{a}/budgets/2026", new { tce = 100m, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.PutAsJsonAsync($"/api/enterprises/{a}/budgets/2026", new { tce = 100m, reason = "区2026年用能预算" })).StatusCode);
        var budget = Find(await AlertsAsync(filer), "budget", a)!;
        Assert.Equal("red", budget["level"]!.GetValue<string>());
        var used = budget.Dec("value") * 100m;   // the share of 100 tce used, so the energy so far in tce
        Assert.Equal(HttpStatusCode.OK, (await official.PutAsJsonAsync($"/api/enterprises/{a}/budgets/2026", new { tce = used / 0.85m, reason = "调整" })).StatusCode);
        Assert.Equal("yellow", Find(await AlertsAsync(filer), "budget", a)!["level"]!.GetValue<string>());

        // The firm explains its jump; another firm cannot; only an official acknowledges.
        var note = new { rule = "jump", subject = a, period = "2026-10", detail = "综合能耗", kind = "explanation", text = "10月新增一条生产线试车" };
        var explained = await (await filer.PostAsJsonAsync("/api/alerts/notes", note)).JsonAsync();
        Assert.Equal("10月新增一条生产线试车", explained["notes"]![0]!["text"]!.GetValue<string>());
        await (await stranger.PostAsJsonAsync("/api/alerts/notes", note)).AssertProblemAsync(HttpStatusCode.NotFound, "subject");
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.PostAsJsonAsync("/api/alerts/notes", note with { kind = "acknowledgement" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/alerts/notes", note with { kind = "acknowledgement", text = "已知悉" })).StatusCode);
        Assert.Equal(2, Find(await AlertsAsync(official), "jump", a)!["notes"]!.AsArray().Count);
        await (await filer.PostAsJsonAsync("/api/alerts/notes", note with { text = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "text");

        // Filters take the wire's tokens; an unknown one is a field error.
        Assert.All(await AlertsAsync(official, "year=2026&level=yellow"), x => Assert.Equal("yellow", x!["level"]!.GetValue<string>()));
        await (await official.GetAsync("/api/alerts?rule=nonsense")).AssertProblemAsync(HttpStatusCode.BadRequest, "rule");

        // The district sees its barometer beside the firms' alerts.
        Assert.Contains(await AlertsAsync(official), x => x!["subjectKind"]!.GetValue<string>() == "district");
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient http, string path, string name, params object?[][] rows)
    {
        var file = SheetFiles.Write(SheetFormat.Csv, [new GridOut("s", rows.Select(r => (IReadOnlyList<object?>)r).ToList())]);
        var form = new MultipartFormDataContent { { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", name } };
        return http.PostAsync(path, form);
    }

    /// <summary>
    /// Firm A, 2025: November and December at 30 million kWh each, well over 5 000 tce, so its 2025 能源利用状况报告 was
    /// due on 31 January 2026 and, on 28 November, is red until the filer records it. Firm C: the grid company's 110 000 kWh
    /// for October against the filed 100 000 is −9.1 % (beyond ±5 %): a flag; 102 000 is −2.0 %: none. A budget sheet sets 20 tce, less than October alone used.
    /// September's 205-1 opens coal at 100 t; August, imported after it, closes at 50 + 500 − 480 = 70: September's form no
    /// longer balances (期初 100 ≠ 上月期末 70).
    /// </summary>
    [Fact]
    public async Task Annual_reports_the_grid_figure_budget_sheets_and_205_1_balance_raise_and_clear_their_alerts()
    {
        var official = await _app.OfficialAsync();
        var (a, b, c) = (TestUscc.Next(), TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(c, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, "2025-11", Api.Filing(kwh: 30_000_000m, valueAdded: 25_000m, output: 100_000m))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, "2025-12", Api.Filing(kwh: 30_000_000m, valueAdded: 25_000m, output: 100_000m))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(c, "2026-10", Api.Filing())).StatusCode);
        var filer = await _app.ClientAsync("report-filer", Role.Filer, firms: [a, c]);
        var stranger = await _app.ClientAsync("report-stranger", Role.Filer, firms: [b]);

        // 能源利用状况报告: red; the filer records it (a day after the year, not in the future); GET returns what PUT took.
        var report = Find(await AlertsAsync(filer), "energy-report", a)!;
        Assert.Equal(("red", "2026-01", "2025"), (report["level"]!.GetValue<string>(), report["period"]!.GetValue<string>(), report["detail"]!.GetValue<string>()));
        var body = new { submittedOn = "2026-02-15", reference = "甬经信能报〔2026〕12号" };
        await (await filer.PutAsJsonAsync($"/api/enterprises/{a}/energy-reports/2025", body with { submittedOn = "2025-12-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "submittedOn");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/enterprises/{a}/energy-reports/2025", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await filer.PutAsJsonAsync($"/api/enterprises/{a}/energy-reports/2025", body)).StatusCode);
        var stored = await (await filer.GetAsync($"/api/enterprises/{a}/energy-reports/2025")).JsonAsync();
        Assert.Equal(("2026-02-15", "甬经信能报〔2026〕12号"), (stored["submittedOn"]!.GetValue<string>(), stored["reference"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await filer.PutAsJsonAsync($"/api/enterprises/{a}/energy-reports/2025", stored)).StatusCode);   // GET's shape is PUT's
        Assert.Null(Find(await AlertsAsync(filer), "energy-report", a));

        // The grid company's figures: officials only; a sheet with any bad row writes nothing and names each cell.
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(filer, "/api/grid-electricity", "grid.csv", ["uscc", "month", "kwh"], [c, "2026-10", 110_000m])).StatusCode);
        var bad = await UploadAsync(official, "/api/grid-electricity", "grid.csv", ["uscc 统一社会信用代码", "月份", "用电量（千瓦时）"],
            [c, "2026-10", 110_000m], [TestUscc.Next(), "2026-10", 5m], [b, "2026-10", "many"]);
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "grid!C4");
        Assert.Contains("未登记企业", await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "grid!A3"));
        var dry = await (await UploadAsync(official, "/api/grid-electricity?dryRun=true", "grid.csv", ["uscc", "month", "kwh"], [c, "2026-10", 110_000m])).JsonAsync();
        Assert.Equal((1, 0), (dry["rows"]!.GetValue<int>(), dry["written"]!.GetValue<int>()));
        Assert.DoesNotContain(await AlertsAsync(official), x => x!["rule"]!.GetValue<string>() == "balance");
        Assert.Equal(1, (await (await UploadAsync(official, "/api/grid-electricity", "grid.csv", ["uscc", "month", "kwh"], [c, "2026-10", 110_000m])).JsonAsync())["written"]!.GetValue<int>());
        var grid = Find(await AlertsAsync(filer), "balance", c)!;
        Assert.Equal(("flag", "grid", "2026-10"), (grid["level"]!.GetValue<string>(), grid["detail"]!.GetValue<string>(), grid["period"]!.GetValue<string>()));
        Assert.Equal(-0.0909m, Math.Round(grid.Dec("value"), 4));
        await UploadAsync(official, "/api/grid-electricity", "grid2.csv", ["uscc", "month", "kwh"], [c, "2026-10", 102_000m]);
        Assert.Null(Find(await AlertsAsync(filer), "balance", c));

        // 用能预算 as a sheet: the same words as PUT; GET returns what PUT takes.
        await (await UploadAsync(official, "/api/budgets", "budgets.csv", ["uscc", "year", "tce", "reason"], [c, 2026, 0m, "x"]))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "budgets!C2");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(official, "/api/budgets", "budgets.csv", ["uscc", "year", "tce", "reason"], [c, 2026, 20m, "区2026年用能预算"])).StatusCode);
        var budget = await (await filer.GetAsync($"/api/enterprises/{c}/budgets/2026")).JsonAsync();
        Assert.Equal(20m, budget.Dec("tce"));
        Assert.Equal("red", Find(await AlertsAsync(filer), "budget", c)!["level"]!.GetValue<string>());
        // The district's total against its firms' budgets: C's budget is the only one, 20 tce a year, 20 × 10 ÷ 12 = 16.67
        // through October, and C used more than 10 % above that: red.
        var total = (await AlertsAsync(official)).First(x => x!["subjectKind"]!.GetValue<string>() == "district" && x["detail"]!.GetValue<string>() == "total")!;
        Assert.Equal(("red", 16.666667m), (total["level"]!.GetValue<string>(), Math.Round(total.Dec("threshold"), 6)));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/enterprises/{c}/budgets/2026")).StatusCode);

        // 205-1: September, then August imported after it with a different closing.
        async Task ImportAsync(GridOut sheet)
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(Form2051Workbook.Xlsx(sheet)), "file", $"{sheet.Name}.xlsx" } };
            var job = await (await official.PostAsync("/api/imports", form)).JsonAsync();
            Assert.Equal(HttpStatusCode.Accepted, (await official.PostAsync($"/api/imports/{job["id"]!.GetValue<string>()}/commit", null)).StatusCode);
            await Eventually.JsonAsync(official, $"/api/imports/{job["id"]!.GetValue<string>()}", j => j["state"]!.GetValue<string>() == "committed");
        }
        await ImportAsync(Form2051Workbook.Sheet("2026-09", c, "2026-09", [new Row("原煤", "吨", "01", 100, 500, 250, 480, 480, null, 0, null, 120, 0.7143, 0.7143)]));
        Assert.Null(Find(await AlertsAsync(filer), "balance", c));
        await ImportAsync(Form2051Workbook.Sheet("2026-08", c, "2026-08", [new Row("原煤", "吨", "01", 50, 500, 250, 480, 480, null, 0, null, 70, 0.7143, 0.7143)]));
        var broken = Find(await AlertsAsync(filer), "balance", c)!;
        Assert.Equal(("205-1", "2026-09"), (broken["detail"]!.GetValue<string>(), broken["period"]!.GetValue<string>()));
        Assert.Contains("上月期末库存 70", broken["message"]!.GetValue<string>());
    }
}
