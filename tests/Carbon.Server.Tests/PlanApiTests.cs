using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// The plan tracked through the API: a task's overdue report raises its alert (and reporting clears it); the district's
/// remaining gap on every quantitative target splits among parks and firms to the last 0.0001; a firm's request is routed,
/// answered and closed with its response time.
/// </summary>
public sealed class PlanApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly FixedTime _time = new();
    private CarbonApp _app = null!;

    public async Task InitializeAsync() => _app = new CarbonApp(_folder.Path, _time);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>
    /// A monthly task from July 2026, reports due by the 10th of the month after: on 28 November July–October are due;
    /// July–September reported, October's is 18 days late (due 11-10). Stage 1 (09-30) was reported met in September, so
    /// nothing slips. Reporting October clears the alert.
    /// </summary>
    [Fact]
    public async Task A_task_with_an_overdue_report_raises_its_alert_until_it_is_reported()
    {
        var official = await _app.OfficialAsync();
        await (await official.PostAsJsonAsync("/api/plan/tasks", Task(["no-such-target"]))).AssertProblemAsync(HttpStatusCode.BadRequest, "targets");
        var created = await official.PostAsJsonAsync("/api/plan/tasks", Task(["energy-intensity-above", "green-factories"]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync())["task"]!["id"]!.GetValue<string>();

        foreach (var (period, on, percent, stages) in new[] { ("2026-07", "2026-08-05", 10m, Array.Empty<int>()), ("2026-08", "2026-09-08", 25m, []),
                     ("2026-09", "2026-10-09", 40m, new[] { 1 }) })
        {
            Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/plan/tasks/{id}/reports", new
            {
                period, on, progress = "on-schedule", percentDone = percent, figures = $"完成改造 {percent}%", stagesMet = stages,
            })).StatusCode);
        }
        await (await official.PostAsJsonAsync($"/api/plan/tasks/{id}/reports", new { period = "2026-Q3", on = "2026-11-01", progress = "on-schedule",
            percentDone = 50m, figures = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "period");
        await (await official.PostAsJsonAsync($"/api/plan/tasks/{id}/reports", new { period = "2026-09", on = "2026-11-01", progress = "on-schedule",
            percentDone = 50m, figures = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "period");
        await (await official.PostAsJsonAsync($"/api/plan/tasks/{id}/reports", new { period = "2026-10", on = "2026-11-01", progress = "behind",
            percentDone = 50m, figures = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest, "obstacles");
        await (await official.PostAsJsonAsync($"/api/plan/tasks/{id}/reports", new { period = "2026-10", on = "2026-10-05", progress = "on-schedule",
            percentDone = 50m, figures = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "on");   // before September's report of 10-09
        await (await official.PostAsJsonAsync("/api/plan/tasks", new { title = "x", kind = "task", unit = "x", targets = new[] { "water-use" }, measures = "x",
            cadence = "monthly", starts = "9995-01-01", ends = "9999-12-31" })).AssertProblemAsync(HttpStatusCode.BadRequest, "starts");

        var park = await _app.ClientAsync("plan-park", Role.ParkAdministrator, parks: ["P-PLAN"]);
        var list = await (await park.GetAsync("/api/plan/tasks")).JsonAsync();
        var alert = list["alerts"]!.AsArray().Single(a => a!["taskId"]!.GetValue<string>() == id)!;
        Assert.Equal(("report-overdue", "2026-10", "2026-11-10", 18),
            (alert["kind"]!.GetValue<string>(), alert["what"]!.GetValue<string>(), alert["due"]!.GetValue<string>(), alert["daysLate"]!.GetValue<int>()));
        var unit = list["units"]!.AsArray().Single(u => u!["unit"]!.GetValue<string>() == "区发改局（测试）")!;
        Assert.Equal((1, 0, 0, 1), (unit["tasks"]!.GetValue<int>(), unit["done"]!.GetValue<int>(), unit["onSchedule"]!.GetValue<int>(), unit["overdueReports"]!.GetValue<int>()));
        var task = list["tasks"]!.AsArray().Single(t => t!["task"]!["id"]!.GetValue<string>() == id)!;
        Assert.Equal(40m, task.Dec("percentDone"));
        Assert.Contains("规上单位工业增加值能耗较2020年下降", task["targetNames"]!.AsArray().Select(n => n!.GetValue<string>()));

        var filer = await _app.ClientAsync("plan-filer", Role.Filer, firms: [TestUscc.Next()]);
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.GetAsync("/api/plan/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await park.PostAsJsonAsync($"/api/plan/tasks/{id}/reports", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/plan/tasks/{id}/reports", new
        {
            period = "2026-10", on = "2026-11-28", progress = "behind", percentDone = 50m, figures = "完成改造 50%", obstacles = "设备到货推迟",
        })).StatusCode);
        var after = await (await official.GetAsync($"/api/plan/tasks/{id}")).JsonAsync();
        Assert.Empty(after["alerts"]!.AsArray());
        Assert.Equal(("behind", 4), (after["latest"]!.GetValue<string>(), after["task"]!["reports"]!.AsArray().Count));
    }

    private static object Task(string[] targets) => new
    {
        title = "重点用能企业节能技改", kind = "project", unit = "区发改局（测试）", targets, measures = "电机系统节能改造", cadence = "monthly",
        starts = "2026-07-01", ends = "2026-12-31",
        stages = new[] { new { number = 1, goal = "完成方案编制", due = "2026-09-30" }, new { number = 2, goal = "完成改造", due = "2026-12-31" } },
    };

    /// <summary>
    /// Five firms in two parks and outside, filing 2020 and 2025 alike (so no target is met): for every splittable target the
    /// parks' shares sum to the district's gap exactly, and each park's firms' shares to the park's share exactly.
    /// </summary>
    [Fact]
    public async Task The_trajectory_split_sums_to_the_district_gap_exactly()
    {
        var official = await _app.OfficialAsync();
        foreach (var code in new[] { "TR-A", "TR-B" })
        {
            Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/parks", new { code, name = $"园区 {code}", kind = "industrial-park" })).StatusCode);
        }
        var firms = new (string Park, decimal Kwh, decimal Land)[] { ("TR-A", 90_000m, 30m), ("TR-A", 310_000m, 70m), ("TR-B", 55_000m, 12m), ("TR-B", 120_000m, 45m), ("", 75_000m, 33m) };
        foreach (var (p, kwh, land) in firms)
        {
            var uscc = TestUscc.Next();
            Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(uscc, p == "" ? null : p, landAreaMu: land)).StatusCode);
            foreach (var year in new[] { 2020, 2025 })
            {
                for (var m = 1; m <= 12; m++)
                {
                    Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(uscc, $"{year}-{m:00}", Api.Filing(kwh: kwh + year - 2020, water: 700m - (year - 2020) * 7m))).StatusCode);
                }
            }
        }
        var split = await (await official.GetAsync("/api/district/trajectory?year=2025")).JsonAsync();
        var targets = split["targets"]!.AsArray();
        Assert.Equal(["tax-per-mu", "value-added-per-mu", "water-use", "energy-intensity", "co2-intensity"], targets.Select(t => t!["metric"]!.GetValue<string>()));
        foreach (var t in targets)
        {
            var gap = t!.Dec("gap");
            Assert.True(gap > 0m, $"{t!["metric"]} has a gap");
            var parks = t["parks"]!.AsArray();
            Assert.Equal(3, parks.Count);
            Assert.Equal(gap, parks.Sum(p => p!.Dec("share")));
            foreach (var park in parks)
            {
                var key = park!["key"]!.GetValue<string>();
                var inPark = await (await official.GetAsync($"/api/district/trajectory?year=2025&park={key}")).JsonAsync();
                var mine = inPark["targets"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == t["id"]!.GetValue<string>())!["firms"]!.AsArray();
                Assert.Equal(park.Dec("share"), mine.Sum(f => f!.Dec("share")));
            }
        }
        // Water −10 %: 5 firms × 12 × (700 − 35) = 39 900 m³ in 2025 against 0.9 × 42 000 = 37 800 allowed: 2 100 m³; split by consumption.
        var water = targets.Single(t => t!["metric"]!.GetValue<string>() == "water-use")!;
        Assert.Equal((2_100m, "consumption"), (water.Dec("gap"), water["rule"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.ClientAsync("tr-park", Role.ParkAdministrator, parks: ["TR-A"])).GetAsync("/api/district/trajectory?year=2025")).StatusCode);
    }

    /// <summary>
    /// A firm files a request at 10:00; an official routes it to 区资规分局 and, 30 hours later, records the reply; the firm
    /// closes it satisfied. The figures: 1 request, replied in 30 h, within the 5-day limit. Another firm's filer sees nothing.
    /// </summary>
    [Fact]
    public async Task A_request_is_routed_answered_and_closed_with_its_response_time()
    {
        var official = await _app.OfficialAsync();
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        var filer = await _app.ClientAsync("req-filer", Role.Filer, firms: [uscc]);
        var other = await _app.ClientAsync("req-other", Role.Filer, firms: [TestUscc.Next()]);
        await (await filer.PostAsJsonAsync("/api/requests", new { uscc, category = "nothing", title = "x", text = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest, "category");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("/api/requests", new { uscc, category = "land", title = "x", text = "x" })).StatusCode);
        var filed = await filer.PostAsJsonAsync("/api/requests", new { uscc, category = "land", title = "扩建用地指标", text = "拟扩建二期厂房，申请新增工业用地 20 亩。" });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var id = (await filed.JsonAsync())["id"]!.GetValue<string>();

        using var form = new MultipartFormDataContent { { new ByteArrayContent("平面图"u8.ToArray()), "file", "site-plan.pdf" } };
        Assert.Equal(HttpStatusCode.Created, (await filer.PostAsync($"/api/requests/{id}/attachments", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/requests/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.PostAsJsonAsync($"/api/requests/{id}/steps", new { step = "replied", text = "自己答复" })).StatusCode);
        await (await official.PostAsJsonAsync($"/api/requests/{id}/steps", new { step = "replied", text = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "step");
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/requests/{id}/steps", new { step = "routed", unit = "区资规分局", text = "请按新增用地程序办理" })).StatusCode);
        _time.Now = _time.Now.AddHours(30);
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/requests/{id}/steps", new { step = "replied", text = "已纳入2027年用地计划" })).StatusCode);
        // The firm sends the reply back (to the same unit); the unit answers again; closing, the firm says whether it is satisfied.
        var back = await (await filer.PostAsJsonAsync($"/api/requests/{id}/steps", new { step = "routed", text = "请明确办理时限" })).JsonAsync();
        Assert.Equal(("routed", "区资规分局"), (back["state"]!.GetValue<string>(), back["unit"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/requests/{id}/steps", new { step = "replied", text = "2027年3月前完成供地" })).StatusCode);
        await (await filer.PostAsJsonAsync($"/api/requests/{id}/steps", new { step = "closed", text = "好" })).AssertProblemAsync(HttpStatusCode.Conflict, "satisfied");
        var closed = await (await filer.PostAsJsonAsync($"/api/requests/{id}/steps", new { step = "closed", text = "满意", satisfied = true })).JsonAsync();
        Assert.Equal(("closed", "区资规分局", 1), (closed["state"]!.GetValue<string>(), closed["unit"]!.GetValue<string>(), closed["attachments"]!.AsArray().Count));

        var list = await (await official.GetAsync("/api/requests")).JsonAsync();
        var total = list["total"]!;
        Assert.Equal((1, 1, 0, 30m, 1m), (total["requests"]!.GetValue<int>(), total["replied"]!.GetValue<int>(), total["open"]!.GetValue<int>(),
            total.Dec("medianHours"), total.Dec("withinLimit")));
        Assert.Equal("区资规分局", list["byUnit"]!.AsArray().Single()!["group"]!.GetValue<string>());
        Assert.Empty((await (await other.GetAsync("/api/requests")).JsonAsync())["requests"]!.AsArray());
    }
    /// <summary>
    /// The 中期评估 (the plan's mid-term year, 2023) rendered and read back: one firm of 50 亩 paying 12 × 40 = 480 万元 of tax
    /// gives 亩均税收 9.6 against 49; the water target shows as 10.00%; a quarterly task reported for Q1 only has Q2 and Q3
    /// overdue at the year's end (Q4's report is not due until 2024-01-10): 2 overdue, 0 of 1 done.
    /// </summary>
    [Fact]
    public async Task The_mid_term_evaluation_pdf_reads_back_with_its_figures()
    {
        var official = await _app.OfficialAsync();
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        foreach (var year in new[] { 2020, 2023 })
        {
            for (var m = 1; m <= 12; m++)
            {
                Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(uscc, $"{year}-{m:00}", Api.Filing())).StatusCode);
            }
        }
        var created = await (await official.PostAsJsonAsync("/api/plan/tasks", new
        {
            title = "节水型企业创建", kind = "task", unit = "区水利局（测试）", targets = new[] { "water-use" }, measures = "中水回用", cadence = "quarterly",
            starts = "2023-01-01", ends = "2023-12-31", stages = Array.Empty<object>(),
        })).JsonAsync();
        var id = created["task"]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync($"/api/plan/tasks/{id}/reports", new
        {
            period = "2023-Q1", on = "2023-04-08", progress = "on-schedule", percentDone = 20m, figures = "完成水平衡测试",
        })).StatusCode);

        var filer = await _app.ClientAsync("pe-filer", Role.Filer, firms: [uscc]);
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.PostAsJsonAsync("/api/certificates", new { kind = "plan-evaluation", year = 2023 })).StatusCode);
        await (await official.PostAsJsonAsync("/api/certificates", new { kind = "plan-evaluation", uscc, year = 2023 })).AssertProblemAsync(HttpStatusCode.BadRequest, "uscc");
        await (await official.PostAsJsonAsync("/api/certificates", new { kind = "plan-evaluation", year = 2020 })).AssertProblemAsync(HttpStatusCode.Conflict, "year");

        var issued = await official.IssueAsync(new { kind = "plan-evaluation", year = 2023 });
        var number = issued["number"]!.GetValue<string>();
        Assert.StartsWith("PE-2023-", number);
        var text = CertificateSteps.Text(await official.PdfAsync(number));
        Assert.Contains("规划实施中期评估报告", text);
        Assert.Contains(number, text);
        Assert.Contains("9.60", text);                 // 480 ÷ 50 亩均税收
        Assert.Contains("49.00", text);                // its target
        Assert.Contains("10.00%", text);               // the water target
        Assert.Contains("区水利局（测试）", text);
        Assert.Contains("0 / 1 项", text);             // tasks done
        var upload = new ByteArrayContent(await official.PdfAsync(number)) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf") } };
        Assert.Equal("valid", (await (await _app.CreateClient().PostAsync("/api/certificates/verify", upload)).JsonAsync())["result"]!.GetValue<string>());
    }

    /// <summary>
    /// Clusters and buildings evaluated as one. A (C3670, holds parcel PB of 40 亩 and lets 10 to B) and B (C3660, no land of
    /// its own) are 汽车零部件 firms; C (C1811, 50 亩 on its profile) is 纺织服装. Each files 12 × 1 000 万元 of output and
    /// 12 × 40 = 480 万元 of tax in 2020 and 2025. The cluster's output is 2 × 12 000 万元 = 2.4 亿元 both years (progress 0
    /// against 200); its 亩均税收 is (480 + 480) ÷ (30 + 10) = 24; 纺织服装's 480 ÷ 50 = 9.6. PB, worked on by A and B, is a
    /// 工业楼宇 of 40 亩 with the same 24.
    /// </summary>
    [Fact]
    public async Task Clusters_and_buildings_are_evaluated_as_one_from_their_firms()
    {
        var official = await _app.OfficialAsync();
        var (a, b, c) = (TestUscc.Next(), TestUscc.Next(), TestUscc.Next());
        foreach (var (uscc, code, mu) in new[] { (a, "C3670", 50m), (b, "C3660", 0m), (c, "C1811", 50m) })
        {
            Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/enterprises", new
            {
                uscc, name = $"宁波集群测试{code}有限公司", industry = "制造业", industryCode = code, scale = "above", landAreaMu = mu,
            })).StatusCode);
            foreach (var year in new[] { 2020, 2025 })
            {
                for (var m = 1; m <= 12; m++)
                {
                    Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(uscc, $"{year}-{m:00}", Api.Filing())).StatusCode);
                }
            }
        }
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/parcels", new
        {
            code = "PB", name = "汽配楼宇", locationKind = "block", location = "姜山镇", areaMu = 40m, landUse = "工业用地", supply = "flexible-term", holder = a,
            grantedOn = "2019-01-01", document = "x",
        })).StatusCode);
        foreach (var (step, on) in new[] { ("start", "2019-03-01"), ("complete", "2019-12-01"), ("produce", "2020-01-01") })
        {
            Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync("/api/parcels/PB/events", new { @event = step, on, document = "x" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await official.PostAsJsonAsync("/api/parcels/PB/events",
            new { @event = "lease", on = "2025-03-01", document = "租赁合同", lessee = b, mu = 10m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/evaluations", new { year = 2025, method = "district-default" })).StatusCode);

        var result = await (await official.GetAsync("/api/district/clusters?year=2025")).JsonAsync();
        var auto = result["clusters"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == "auto-parts")!;
        Assert.Equal((2, 2.4m, 2.4m, 200m, 0m), (auto["firms"]!.GetValue<int>(), auto.Dec("baselineOutput"), auto.Dec("output"), auto.Dec("targetOutput"), auto.Dec("progress")));
        Assert.Equal((40m, 24m), (auto["muYield"]!.Dec("landMu"), auto["muYield"]!.Dec("taxPerMu")));
        var textile = result["clusters"]!.AsArray().Single(x => x!["id"]!.GetValue<string>() == "textile-apparel")!;
        Assert.Equal(9.6m, textile["muYield"]!.Dec("taxPerMu"));
        var building = Assert.Single(result["buildings"]!.AsArray())!;
        Assert.Equal(("PB", 2, 40m, 24m), (building["parcel"]!.GetValue<string>(), building["firms"]!.AsArray().Count, building["muYield"]!.Dec("landMu"),
            building["muYield"]!.Dec("taxPerMu")));
        // Without a run that year there is output but no 亩均.
        Assert.Null((await (await official.GetAsync("/api/district/clusters?year=2020")).JsonAsync())["clusters"]![0]!["muYield"]);
    }
}
