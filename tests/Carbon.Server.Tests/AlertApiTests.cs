using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;

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
}
