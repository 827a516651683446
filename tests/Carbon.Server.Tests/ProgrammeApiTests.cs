using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// The "two small" programme through the API: a rectification case opened, worked and closed with an uploaded evidence
/// file, counted toward its campaign (and the plan's target) only once closed; a micro-park's entry review and the exit of
/// a firm below its standard in two evaluations in a row.
/// </summary>
public sealed class ProgrammeApiTests : IAsyncLifetime
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

    private static object Case(string? uscc, string? park, string[] problems, string? supervisionCaseId = null, string campaign = "scattered-polluting") => new
    {
        campaign, uscc, block = (string?)null, town = "姜山镇", parkCode = park, problems, supervisionCaseId, responsibleUnit = "姜山镇人民政府",
        measures = "拆除露天喷漆工位，办理排污许可", deadline = "2026-06-30", on = "2026-01-10",
    };

    [Fact]
    public async Task A_case_is_closed_with_evidence_and_counts_toward_its_campaign_only_then()
    {
        var official = await _app.OfficialAsync();
        var (firm, other) = (TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterParkAsync("RC-A")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterParkAsync("RC-B")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(firm, "RC-A")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(other, "RC-B")).StatusCode);
        var filer = await _app.ClientAsync("rc-filer", Role.Filer, firms: [firm]);
        var stranger = await _app.ClientAsync("rc-stranger", Role.Filer, firms: [other]);
        var parkB = await _app.ClientAsync("rc-park-b", Role.ParkAdministrator, parks: ["RC-B"]);

        await (await official.PostAsJsonAsync("/api/rectification/cases", Case(firm, "RC-A", ["energy-use"]))).AssertProblemAsync(HttpStatusCode.BadRequest, "supervisionCaseId");
        await (await official.PostAsJsonAsync("/api/rectification/cases", Case(firm, "RC-A", ["pollution"], campaign: "nope"))).AssertProblemAsync(HttpStatusCode.BadRequest, "campaign");
        Assert.Equal(HttpStatusCode.Forbidden, (await parkB.PostAsJsonAsync("/api/rectification/cases", Case(firm, "RC-A", ["pollution"]))).StatusCode);
        var opened = await official.PostAsJsonAsync("/api/rectification/cases", Case(firm, "RC-A", ["pollution", "unlicensed"]));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.JsonAsync())["id"]!.GetValue<string>();
        var url = $"/api/rectification/cases/{id}";

        // Only those who may see the firm see its case.
        Assert.Equal(HttpStatusCode.OK, (await filer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await parkB.GetAsync(url)).StatusCode);
        Assert.Empty((await (await stranger.GetAsync("/api/rectification/cases")).JsonAsync()).AsArray());

        Assert.Equal("in-progress", (await (await official.PostAsJsonAsync($"{url}/steps", new { kind = "started", on = "2026-02-01", text = "已停用露天喷漆工位" })).JsonAsync())["state"]!.GetValue<string>());
        await (await official.PostAsJsonAsync($"{url}/steps", new { kind = "closed", on = "2026-05-20", text = "验收合格", closure = "rectified" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "evidence");
        await (await official.PostAsJsonAsync($"{url}/steps", new { kind = "closed", on = "2026-05-20", text = "验收合格", closure = "rectified", evidence = new[] { new string('a', 64) } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "evidence");

        // Malformed input is a 400 naming the field, never a 500.
        var nullHash = new StringContent("""{"kind":"progressed","on":"2026-02-02","text":"x","evidence":[null]}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await official.PostAsync($"{url}/steps", nullHash)).StatusCode);
        var noBoundary = new ByteArrayContent("--x\r\n"u8.ToArray());
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        await (await official.PostAsync($"{url}/evidence", noBoundary)).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await official.PostAsJsonAsync($"{url}/steps", new { kind = "progressed", on = "2026-12-01", text = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "on");

        // The evidence: uploaded by an official (a filer may not), cited by its SHA-256, read back by the firm's filer.
        var bytes = System.Text.Encoding.UTF8.GetBytes("整治验收记录 2026-05-18：喷漆工位已拆除，排污许可证 91330212-2026-017");
        MultipartFormDataContent Form() => new() { { new ByteArrayContent(bytes), "file", "验收记录.txt" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.PostAsync($"{url}/evidence", Form())).StatusCode);
        var uploaded = await official.PostAsync($"{url}/evidence", Form());
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var sha = (await uploaded.JsonAsync())["sha256"]!.GetValue<string>();
        Assert.Equal(bytes, await (await filer.GetAsync($"{url}/evidence/{sha}")).Content.ReadAsByteArrayAsync());

        async Task<JsonNode> CampaignAsync(int year) => (await (await official.GetAsync($"/api/rectification/campaigns?year={year}")).JsonAsync()).AsArray()
            .Single(c => c!["id"]!.GetValue<string>() == "scattered-polluting")!;
        async Task<decimal?> TargetAsync(int year) => (await (await official.GetAsync($"/api/district/targets?year={year}")).JsonAsync())["targets"]!.AsArray()
            .Single(t => t!["id"]!.GetValue<string>() == "scattered-polluting")!["latest"]?.GetValue<decimal>();
        var before = await CampaignAsync(2026);
        Assert.Equal((0, 1, 1400m), (before["closed"]!.GetValue<int>(), before["open"]!.GetValue<int>(), before.Dec("target")));
        Assert.Equal(0m, await TargetAsync(2026));

        var closed = await (await official.PostAsJsonAsync($"{url}/steps", new { kind = "closed", on = "2026-05-20", text = "验收合格", closure = "rectified", evidence = new[] { sha } })).JsonAsync();
        Assert.Equal(("closed", "rectified", "2026-05-20"), (closed["state"]!.GetValue<string>(), closed["closure"]!.GetValue<string>(), closed["closedOn"]!.GetValue<string>()));
        await (await official.PostAsJsonAsync($"{url}/steps", new { kind = "progressed", on = "2026-06-01", text = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "kind");

        // 1 of 1 400: 1 ÷ 1 400 = 0.000714…, shown to four places; by town and by park.
        var after = await CampaignAsync(2026);
        Assert.Equal((1, 0, 0.0007m), (after["closed"]!.GetValue<int>(), after["open"]!.GetValue<int>(), after.Dec("share")));
        Assert.Equal(("姜山镇", 1), (after["byTown"]![0]!["place"]!.GetValue<string>(), after["byTown"]![0]!["closed"]!.GetValue<int>()));
        Assert.Equal("RC-A", after["byPark"]![0]!["place"]!.GetValue<string>());
        Assert.Equal(1m, await TargetAsync(2026));
        Assert.Equal(0m, await TargetAsync(2025));   // closed in 2026: nothing by the end of 2025
        Assert.Equal(0, (await (await stranger.GetAsync("/api/rectification/campaigns?year=2026")).JsonAsync()).AsArray()
            .Single(c => c!["id"]!.GetValue<string>() == "scattered-polluting")!["closed"]!.GetValue<int>());
    }

    /// <summary>
    /// XW-01 admits firms paying at least 10 万元/亩. A pays 100 万元 a month in 2023 on 50 亩 (1 200 ÷ 50 = 24: admitted on
    /// the 2023 run), then 40 a month in 2024 and 2025 (480 ÷ 50 = 9.6 &lt; 10). After the 2024 run alone it stays; after the
    /// 2025 run, below the standard twice in a row, the review makes it exit. B has never filed: refused at entry (no figure).
    /// </summary>
    [Fact]
    public async Task A_micro_park_admits_on_its_standard_and_a_firm_exits_after_two_failing_evaluations()
    {
        var official = await _app.OfficialAsync();
        var (a, b) = (TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null)).StatusCode);
        await (await official.PostAsJsonAsync("/api/micro-parks", new { code = "XW-01", name = "x", @operator = "x", developmentModel = "x", floorAreaM2 = 1m, town = "x", worstClass = "E" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "worstClass");
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/micro-parks", new
        {
            code = "XW-01", name = "姜山智造小微企业园", @operator = "宁波姜山园区运营有限公司", developmentModel = "国资建设、市场化运营", floorAreaM2 = 86_000m,
            starRating = 3, town = "姜山镇", minTaxPerMu = 10m,
        })).StatusCode);
        for (var m = 1; m <= 12; m++)
        {
            var rich = Api.Filing();
            rich["taxPaid"] = 100m;
            Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, $"2023-{m:00}", rich)).StatusCode);
        }
        async Task RunAsync(int year) => Assert.Equal(HttpStatusCode.Created,
            (await official.PostAsJsonAsync("/api/evaluations", new { year, method = "huangyan-2022" })).StatusCode);
        await RunAsync(2023);

        var admitted = await (await official.PostAsJsonAsync("/api/micro-parks/XW-01/entries", new { uscc = a, on = "2024-01-05" })).JsonAsync();
        Assert.Equal("admit", admitted["recorded"]![0]!["event"]!.GetValue<string>());
        Assert.Contains("亩均税收 24", admitted["recorded"]![0]!["detail"]!.GetValue<string>());
        var refused = await (await official.PostAsJsonAsync("/api/micro-parks/XW-01/entries", new { uscc = b, on = "2024-01-05" })).JsonAsync();
        Assert.Equal("refuse", refused["recorded"]![0]!["event"]!.GetValue<string>());
        Assert.Contains("tax-per-mu", refused["recorded"]![0]!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await official.PostAsJsonAsync("/api/micro-parks/XW-01/entries", new { uscc = a, on = "2024-01-06" })).StatusCode);

        foreach (var year in new[] { 2024, 2025 })
        {
            for (var m = 1; m <= 12; m++)
            {
                Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, $"{year}-{m:00}", Api.Filing())).StatusCode);
            }
        }
        await RunAsync(2024);
        var once = await (await official.PostAsJsonAsync("/api/micro-parks/XW-01/review", new { on = "2025-04-01" })).JsonAsync();
        Assert.Empty(once["recorded"]!.AsArray());   // 2023 met, 2024 not: one failing run is not enough
        var member = once["park"]!["members"]![0]!;
        Assert.Equal((false, 9.6m), (member["mustExit"]!.GetValue<bool>(), member["checks"]![1]!.Dec("taxPerMu")));

        await RunAsync(2025);
        var filer = await _app.ClientAsync("xw-filer", Role.Filer, firms: [a]);
        Assert.True((await (await filer.GetAsync("/api/micro-parks/XW-01")).JsonAsync())["members"]![0]!["mustExit"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.PostAsJsonAsync("/api/micro-parks/XW-01/review", new { on = "2026-04-01" })).StatusCode);
        var exited = await (await official.PostAsJsonAsync("/api/micro-parks/XW-01/review", new { on = "2026-04-01" })).JsonAsync();
        Assert.Equal(("exit", a), (exited["recorded"]![0]!["event"]!.GetValue<string>(), exited["recorded"]![0]!["uscc"]!.GetValue<string>()));
        Assert.Empty(exited["park"]!["members"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await filer.GetAsync("/api/micro-parks/XW-01")).StatusCode);   // no longer hosts its firm
    }
}
