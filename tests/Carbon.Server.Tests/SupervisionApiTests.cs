using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>节能监察 through the HTTP API: a planned case from notice to re-inspection, its refusals, the quota check, the draw, a restart.</summary>
public sealed class SupervisionApiTests : IAsyncLifetime
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

    /// <summary>
    /// A clinker maker filing January–March 2026: 1 000 000 kWh a month and 1 000 t of 水泥熟料.
    /// Energy on 当量值: 1 000 000 kWh × 0.1229 kgce/kWh = 122 900 kgce a month.
    /// </summary>
    private async Task<string> ClinkerFirmAsync(HttpClient http)
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/api/enterprises", new
        {
            uscc, name = "宁波熟料有限公司", industry = "水泥制造", industryCode = "C3011", parkCode = (string?)null, scale = "above", landAreaMu = 80m,
        })).StatusCode);
        for (var m = 1; m <= 3; m++)
        {
            var body = new
            {
                energy = new[] { new { carrier = "electricity", quantity = 1_000_000m, unit = "kWh" } },
                waterM3 = 2_000m, outputValue = 3_000m, valueAdded = 600m, revenue = 3_100m, taxPaid = 90m, employees = 120, rdExpense = 10m,
                products = new[] { new { name = "水泥熟料", quantity = 1_000m, unit = "t" } },
            };
            Assert.Equal(HttpStatusCode.Created, (await http.FileAsync(uscc, $"2026-{m:D2}", body)).StatusCode);
        }
        return uscc;
    }

    private static async Task<JsonNode> StepAsync(HttpClient http, string caseId, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.PostAsJsonAsync($"/api/supervision/cases/{caseId}/steps", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{expected} expected, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    [Fact]
    public async Task A_planned_case_goes_from_notice_to_rectified_and_survives_a_restart()
    {
        var official = await _app.OfficialAsync();
        var uscc = await ClinkerFirmAsync(official);
        var inspector = await _app.ClientAsync("insp-a", Role.Inspector);
        await _app.ClientAsync("insp-b", Role.Inspector);
        var filer = await _app.ClientAsync("clinker-filer", Role.Filer, firms: [uscc]);
        var stranger = await _app.ClientAsync("other-filer", Role.Filer, firms: [TestUscc.Next()]);

        // 2026-11-28: the plan opens a case for the firm, on site.
        SetDay(2026, 11, 28);
        var planned = await inspector.PostAsJsonAsync("/api/supervision/plans", new
        {
            year = 2026, kind = "special", name = "2026年水泥行业能耗限额专项监察",
            targets = new[] { new { uscc, reason = "熟料能耗限额", mode = "on-site" } },
        });
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var caseId = (await planned.JsonAsync())["caseIds"]![0]!.GetValue<string>();
        var opened = await (await inspector.GetAsync($"/api/supervision/cases/{caseId}")).JsonAsync();
        Assert.Equal("planned", opened["state"]!.GetValue<string>());

        // The firm sees its case; another firm's filer gets 404; a filer cannot record an inspector's step.
        Assert.Equal(HttpStatusCode.OK, (await filer.GetAsync($"/api/supervision/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/supervision/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/supervision/cases/{caseId}/steps",
            new { kind = "statement", on = "2026-11-28", text = "x" })).StatusCode);
        await (await filer.PostAsJsonAsync($"/api/supervision/cases/{caseId}/steps", new { kind = "notified", on = "2026-11-28", date = "2026-12-03" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "actor");

        // Notice 4 days ahead is refused; 5 days is accepted.
        await (await inspector.PostAsJsonAsync($"/api/supervision/cases/{caseId}/steps", new { kind = "notified", on = "2026-11-28", date = "2026-12-02" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "date");
        await StepAsync(inspector, caseId, new { kind = "notified", on = "2026-11-28", date = "2026-12-03", text = "监察通知书 鄞节监〔2026〕12号" });

        // 2026-12-03 on site: one inspector is refused, two are accepted. The quota check from the filings:
        // (3 × 122 900 kgce) ÷ 3 000 t = 122.9 kgce/t > 117 (GB 16780-2021 3级限定值).
        SetDay(2026, 12, 3);
        await (await inspector.PostAsJsonAsync($"/api/supervision/cases/{caseId}/steps",
            new { kind = "on-site", on = "2026-12-03", inspectors = new[] { "insp-a" }, text = "现场检查笔录" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "inspectors");
        await StepAsync(inspector, caseId, new { kind = "on-site", on = "2026-12-03", inspectors = new[] { "insp-a", "insp-b" },
            text = "检查熟料生产线及能源计量，企业负责人在场签字" });
        var checks = (await (await inspector.GetAsync($"/api/supervision/cases/{caseId}/quota-checks")).JsonAsync()).AsArray();
        var clinker = checks.Single(c => c!["quotaId"]!.GetValue<string>() == "gb16780-2021-clinker")!;
        Assert.Equal(122.9m, clinker.Dec("value"));
        Assert.Equal(117m, clinker.Dec("limit"));
        Assert.True(clinker["exceeds"]!.GetValue<bool>());
        Assert.Equal(3, clinker["months"]!.GetValue<int>());

        // Evidence is uploaded first and cited by hash in the finding.
        var photo = new MultipartFormDataContent { { new ByteArrayContent("photo of the kiln meter"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "file", "kiln.jpg" } };
        var uploaded = await (await inspector.PostAsync($"/api/supervision/cases/{caseId}/evidence", photo)).JsonAsync();
        var sha = uploaded["sha256"]!.GetValue<string>();
        var withFinding = await StepAsync(inspector, caseId, new
        {
            kind = "finding", on = "2026-12-03",
            finding = new { category = "quota", ruleRef = "gb16780-2021-clinker", text = "熟料单位产品综合能耗 122.9 kgce/t，超过3级限定值 117",
                measured = 122.9m, limit = 117m, unit = "kgce/t", evidence = new[] { sha } },
        });
        Assert.Equal(1, withFinding["findings"]![0]!["number"]!.GetValue<int>());
        await StepAsync(inspector, caseId, new { kind = "hearing", on = "2026-12-03" });

        // The firm states its view; the order is served within 20 days with a deadline.
        SetDay(2026, 12, 5);
        await StepAsync(filer, caseId, new { kind = "statement", on = "2026-12-05", text = "正在改造篦冷机，请给予整改期限" });
        SetDay(2026, 12, 8);
        var ordered = await StepAsync(inspector, caseId, new { kind = "order", on = "2026-12-08", date = "2027-01-08", text = "限期整改通知书：2027-01-08前降至117以下" });
        Assert.Equal("rectification-ordered", ordered["state"]!.GetValue<string>());
        // The order as a signed document (step 7: opened, notified, on-site, finding, hearing, statement, order); the firm
        // downloads it; it verifies; asking again returns the same document; an inspector issues nothing else.
        var document = await inspector.IssueAsync(new { kind = "supervision-document", uscc, caseStep = $"{caseId}:7" });
        var number = document["number"]!.GetValue<string>();
        Assert.StartsWith("SD-2026-", number);
        var pdf = await filer.GetByteArrayAsync($"/api/certificates/{number}");
        var text = CertificateSteps.Text(pdf);
        Assert.Contains("限期整改通知书", text);
        Assert.Contains("gb16780-2021-clinker", text);
        Assert.Contains("2027年1月8日", text);
        var upload = new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };
        var verified = await (await _app.CreateClient().PostAsync("/api/certificates/verify", upload)).JsonAsync();
        Assert.Equal("valid", verified["result"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await inspector.PostAsJsonAsync("/api/certificates",
            new { kind = "supervision-document", uscc, caseStep = $"{caseId}:7" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.PostAsJsonAsync("/api/certificates", new { kind = "annual-report", uscc, year = 2026, partial = true })).StatusCode);
        await (await inspector.PostAsJsonAsync("/api/certificates", new { kind = "supervision-document", uscc, caseStep = $"{caseId}:5" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "caseStep");   // a hearing gives no document

        var rows = (await (await filer.GetAsync("/api/supervision/cases")).JsonAsync()).AsArray();
        Assert.Equal(caseId, Assert.Single(rows)!["id"]!.GetValue<string>());

        // The firm reports before the deadline; the service restarts; nothing is lost.
        SetDay(2026, 12, 20);
        var report = new MultipartFormDataContent { { new ByteArrayContent("rectification report pdf"u8.ToArray()), "file", "整改报告.pdf" } };
        var reportSha = (await (await filer.PostAsync($"/api/supervision/cases/{caseId}/evidence", report)).JsonAsync())["sha256"]!.GetValue<string>();
        await StepAsync(filer, caseId, new { kind = "rectification-report", on = "2026-12-20", text = "已更换篦冷机，附检测报告", evidence = new[] { reportSha } });
        var before = (await (await inspector.GetAsync($"/api/supervision/cases/{caseId}")).JsonAsync()).ToJsonString();
        await _app.DisposeAsync();
        _app = new CarbonApp(_folder.Path, _time);
        inspector = await _app.ClientAsync("insp-a", Role.Inspector);
        Assert.Equal(before, (await (await inspector.GetAsync($"/api/supervision/cases/{caseId}")).JsonAsync()).ToJsonString());
        var file = await inspector.GetAsync($"/api/supervision/cases/{caseId}/evidence/{reportSha}");
        Assert.Equal("rectification report pdf", await file.Content.ReadAsStringAsync());

        // Re-inspection after the deadline closes the case.
        SetDay(2027, 1, 10);
        await StepAsync(inspector, caseId, new { kind = "re-inspection", on = "2027-01-10" });
        var closed = await StepAsync(inspector, caseId, new { kind = "re-inspected", on = "2027-01-10", passed = true, text = "复查：单耗 114 kgce/t，整改完成" });
        Assert.Equal("closed", closed["state"]!.GetValue<string>());
        Assert.Equal("rectified", closed["outcome"]!.GetValue<string>());
        // opened, notified, on-site, finding, hearing, statement, order, report, re-inspection, re-inspected.
        Assert.Equal(10, closed["steps"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_passed_deadline_without_a_report_is_referred_and_the_timer_says_so()
    {
        var official = await _app.OfficialAsync();
        var uscc = await ClinkerFirmAsync(official);
        var inspector = await _app.ClientAsync("insp-c", Role.Inspector);
        var filer = await _app.ClientAsync("late-filer", Role.Filer, firms: [uscc]);
        SetDay(2026, 11, 28);
        var opened = await (await inspector.PostAsJsonAsync("/api/supervision/cases",
            new { uscc, year = 2026, mode = "on-site", trigger = "complaint", reason = "群众投诉锅炉冒黑烟" })).JsonAsync();
        var caseId = opened["id"]!.GetValue<string>();
        // A complaint needs no five-day notice.
        await StepAsync(inspector, caseId, new { kind = "notified", on = "2026-11-28", date = "2026-11-28" });
        await StepAsync(inspector, caseId, new { kind = "on-site", on = "2026-11-28", inspectors = new[] { "insp-c", "insp-d" }, text = "笔录" });
        await StepAsync(inspector, caseId, new
        {
            kind = "finding", on = "2026-11-28",
            finding = new { category = "phased-out-equipment", ruleRef = "b1-007", text = "在用S7变压器", evidence = Array.Empty<string>() },
        });
        await StepAsync(inspector, caseId, new { kind = "hearing", on = "2026-11-28" });
        // No order before the firm is heard.
        await (await inspector.PostAsJsonAsync($"/api/supervision/cases/{caseId}/steps", new { kind = "order", on = "2026-11-28", date = "2026-12-15" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "state");
        await StepAsync(inspector, caseId, new { kind = "statement", on = "2026-11-28", text = "企业放弃陈述（记录在案）" });
        await StepAsync(inspector, caseId, new { kind = "order", on = "2026-11-28", date = "2026-12-15" });

        SetDay(2026, 12, 16);
        await (await filer.PostAsJsonAsync($"/api/supervision/cases/{caseId}/steps", new { kind = "rectification-report", on = "2026-12-16", text = "迟到" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "on");
        var listed = (await (await inspector.GetAsync("/api/supervision/cases")).JsonAsync()).AsArray().Single(r => r!["id"]!.GetValue<string>() == caseId)!;
        Assert.Equal("refer", listed["alerts"]![0]!["code"]!.GetValue<string>());
        Assert.True(listed["alerts"]![0]!["overdue"]!.GetValue<bool>());
        var referred = await StepAsync(inspector, caseId, new { kind = "referred", on = "2026-12-16", text = "逾期未整改，移送区发改局" });
        Assert.Equal("referred", referred["state"]!.GetValue<string>());
        var closed = await StepAsync(official, caseId, new { kind = "referral-closed", on = "2026-12-16", number = "鄞发改罚〔2026〕8号" });
        Assert.Equal("penalised", closed["outcome"]!.GetValue<string>());

        // The year's report: one case, visited, one order, none rectified of one settled (0 %), one referred.
        var report = await (await inspector.GetAsync("/api/supervision/report?year=2026")).JsonAsync();
        Assert.Equal(1, report["cases"]!.GetValue<int>());
        Assert.Equal(1, report["visited"]!.GetValue<int>());
        Assert.Equal(1, report["orders"]!.GetValue<int>());
        Assert.Equal(1, report["referred"]!.GetValue<int>());
        Assert.Equal(0m, report.Dec("rectificationRate"));
        Assert.Equal(1, report["findingsByCategory"]!["phased-out-equipment"]!.GetValue<int>());

        // Next year's 整改复查 plan re-inspects the firm; there is nothing to follow up before 2026.
        await (await inspector.PostAsJsonAsync("/api/supervision/plans/follow-up", new { year = 2026, name = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "year");
        var followUp = await (await inspector.PostAsJsonAsync("/api/supervision/plans/follow-up", new { year = 2027, name = "2027年整改落实情况专项监察" })).JsonAsync();
        Assert.Equal("follow-up", followUp["kind"]!.GetValue<string>());
        var again = await (await inspector.GetAsync($"/api/supervision/cases/{followUp["caseIds"]![0]!.GetValue<string>()}")).JsonAsync();
        Assert.Equal(uscc, again["uscc"]!.GetValue<string>());
        Assert.Contains("2026年限期整改", again["steps"]![0]!["text"]!.GetValue<string>());
    }

    /// <summary>
    /// The district's 年度节能监察报告 as a signed PDF. Two cases of 2026: one advised (书面, a metering finding) and one
    /// still planned. Hand count: cases 2, inspected 1 (the document review), visited 0, advice 1, orders 0, so the
    /// rectification rate is "—" (no order settled); findings: 能源计量 1.
    /// </summary>
    [Fact]
    public async Task The_years_supervision_report_is_a_signed_PDF_of_the_district_that_only_district_readers_get()
    {
        var official = await _app.OfficialAsync();
        var uscc = await ClinkerFirmAsync(official);
        var other = await ClinkerFirmAsync(official);
        var inspector = await _app.ClientAsync("insp-r", Role.Inspector);
        var filer = await _app.ClientAsync("report-filer", Role.Filer, firms: [uscc]);
        var auditor = await _app.ClientAsync("report-auditor", Role.Auditor);
        SetDay(2026, 11, 28);   // the clock only moves forward (Orleans schedules on it)

        // Nothing to report before a case exists.
        await (await inspector.PostAsJsonAsync("/api/certificates", new { kind = "supervision-report", year = 2026 }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "year");

        var opened = await inspector.PostAsJsonAsync("/api/supervision/cases",
            new { uscc, year = 2026, mode = "written", trigger = "case", reason = "计量器具配备核查" });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var caseId = (await opened.JsonAsync())["id"]!.GetValue<string>();
        await StepAsync(inspector, caseId, new { kind = "notified", on = "2026-11-28" });
        await StepAsync(inspector, caseId, new { kind = "document-review", on = "2026-11-28", text = "审查能源计量器具一览表" });
        await StepAsync(inspector, caseId, new
        {
            kind = "finding", on = "2026-11-28",
            finding = new { category = "metering", ruleRef = "4.3.2", text = "主要次级用能单位电力计量配备率不足", evidence = Array.Empty<string>() },
        });
        await StepAsync(inspector, caseId, new { kind = "hearing", on = "2026-11-28" });
        await StepAsync(filer, caseId, new { kind = "statement", on = "2026-11-28", text = "将补装电表" });
        await StepAsync(inspector, caseId, new { kind = "advice", on = "2026-11-28", text = "建议补齐二级计量" });
        await StepAsync(inspector, caseId, new { kind = "advice-closed", on = "2026-11-28" });
        Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/supervision/cases",
            new { uscc = other, year = 2026, mode = "on-site", trigger = "complaint", reason = "投诉" })).StatusCode);

        // A district-wide document names no firm; the year is required.
        await (await inspector.PostAsJsonAsync("/api/certificates", new { kind = "supervision-report", uscc, year = 2026 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "uscc");
        await (await inspector.PostAsJsonAsync("/api/certificates", new { kind = "supervision-report" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "year");
        // A filer cannot issue it.
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.PostAsJsonAsync("/api/certificates", new { kind = "supervision-report", year = 2026 })).StatusCode);

        var issued = await inspector.IssueAsync(new { kind = "supervision-report", year = 2026 });
        var number = issued["number"]!.GetValue<string>();
        Assert.StartsWith("SR-2026-", number);
        Assert.Null(issued["uscc"]);
        var pdf = await auditor.GetByteArrayAsync($"/api/certificates/{number}");
        var text = CertificateSteps.Text(pdf);
        Assert.Contains("2026年度节能监察报告", text);
        Assert.Contains("能源计量", text);
        Assert.Contains("宁波熟料有限公司", text);          // the advised case is listed
        Assert.Contains("已结案（建议）", text);
        var upload = new ByteArrayContent(pdf) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };
        Assert.Equal("valid", (await (await _app.CreateClient().PostAsync("/api/certificates/verify", upload)).JsonAsync())["result"]!.GetValue<string>());
        var status = await _app.CreateClient().GetStringAsync($"/verify/{number}");
        Assert.Contains("全区", status);

        // The data frozen in it: the hand count above.
        var stored = await (await auditor.GetAsync($"/api/certificates?kind=supervision-report")).JsonAsync();
        Assert.Equal(number, Assert.Single(stored.AsArray())!["number"]!.GetValue<string>());
        var report = await (await inspector.GetAsync("/api/supervision/report?year=2026")).JsonAsync();
        Assert.Equal(2, report["cases"]!.GetValue<int>());
        Assert.Equal(1, report["inspected"]!.GetValue<int>());
        Assert.Equal(0, report["visited"]!.GetValue<int>());
        Assert.Equal(1, report["advice"]!.GetValue<int>());
        Assert.Null(report["rectificationRate"]);

        // A filer neither lists nor downloads it.
        Assert.Empty((await (await filer.GetAsync("/api/certificates?kind=supervision-report")).JsonAsync()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await filer.GetAsync($"/api/certificates/{number}")).StatusCode);

        // Asking again returns the live one; a reissue with a reason supersedes it.
        Assert.Equal(number, (await inspector.IssueAsync(new { kind = "supervision-report", year = 2026 }, HttpStatusCode.OK))["number"]!.GetValue<string>());
        var reissued = await inspector.IssueAsync(new { kind = "supervision-report", year = 2026, supersede = true, reason = "年末补充案件" });
        Assert.NotEqual(number, reissued["number"]!.GetValue<string>());
        var first = await (await auditor.GetAsync($"/api/certificates/{number}/status")).JsonAsync();
        Assert.Equal("revoked", first["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_draw_is_recorded_reproducible_and_respects_declared_conflicts()
    {
        var official = await _app.OfficialAsync();
        var firms = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var uscc = TestUscc.Next();
            Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(uscc, null)).StatusCode);
            firms.Add(uscc);
        }
        var a = await _app.ClientAsync("draw-a", Role.Inspector);
        foreach (var name in new[] { "draw-b", "draw-c" })
        {
            await _app.ClientAsync(name, Role.Inspector);
        }
        // draw-a declares a conflict with every firm: the draw never pairs them.
        foreach (var uscc in firms)
        {
            Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync("/api/supervision/conflicts", new { uscc, reason = "亲属任职" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await official.PostAsJsonAsync("/api/supervision/conflicts", new { uscc = firms[0], reason = "x" })).StatusCode);

        async Task<JsonNode> DrawAsync() =>
            await (await a.PostAsJsonAsync("/api/supervision/plans/draw", new { year = 2026, name = "2026年双随机抽查", firms = 4, seed = 20261202L })).JsonAsync();
        var first = await DrawAsync();
        var second = await DrawAsync();
        Assert.Equal(20261202L, first["seed"]!.GetValue<long>());
        Assert.Contains("splitmix64", first["drawJson"]!.GetValue<string>());

        async Task<List<string>> PairsAsync(JsonNode plan) =>
            (await (await a.GetAsync($"/api/supervision/plans/{plan["id"]!.GetValue<string>()}")).JsonAsync())["cases"]!.AsArray()
                .Select(c => c!["uscc"]!.GetValue<string>()).Order().ToList();
        var drawnFirst = await PairsAsync(first);
        Assert.Equal(4, drawnFirst.Count);
        Assert.Equal(drawnFirst, await PairsAsync(second));
        foreach (var caseId in first["caseIds"]!.AsArray().Select(c => c!.GetValue<string>()))
        {
            var c = await (await a.GetAsync($"/api/supervision/cases/{caseId}")).JsonAsync();
            var assigned = c["assignedInspectors"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
            Assert.Equal(["draw-b", "draw-c"], assigned.Order().ToList());
            Assert.Equal("random", c["trigger"]!.GetValue<string>());
        }
        // Three inspectors per firm cannot be drawn without draw-a: refused, nothing written.
        var plansBefore = (await (await a.GetAsync("/api/supervision/plans")).JsonAsync()).AsArray().Count;
        await (await a.PostAsJsonAsync("/api/supervision/plans/draw", new { year = 2026, name = "x", firms = 2, seed = 1L, inspectorsPerFirm = 3 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "inspectorsPerFirm");
        Assert.Equal(plansBefore, (await (await a.GetAsync("/api/supervision/plans")).JsonAsync()).AsArray().Count);
    }

    [Fact]
    public async Task Equipment_and_meters_are_checked_against_the_catalogues_and_GB_17167()
    {
        var inspector = await _app.ClientAsync("checker", Role.Inspector);
        var result = await (await inspector.PostAsJsonAsync("/api/supervision/checks", new
        {
            equipment = new object[]
            {
                new { type = "变压器", model = "S7-500/10", powerKw = (decimal?)null, count = 1 },
                new { type = "电动机", model = "YE4-160M-4", powerKw = (decimal?)11m, count = 2 },
            },
            meters = new object[] { new { energy = "electricity", tier = "equipment", required = 20, equipped = 18 } },
        })).JsonAsync();
        var phasedOut = result["phasedOut"]!.AsArray();
        Assert.Equal(["S7-500/10"], phasedOut.Select(p => p!["model"]!.GetValue<string>()));   // YE4 is a current high-efficiency series
        // 18 of 20 = 90 % against the electricity rate for main equipment in metering.json.
        var gap = Assert.Single(result["metering"]!.AsArray())!;
        Assert.Equal(90m, gap.Dec("found"));
        Assert.Equal("GB 17167-2006", gap["standard"]!.GetValue<string>());
        var rules = await (await inspector.GetAsync("/api/supervision/rules")).JsonAsync();
        Assert.Contains(rules["quotas"]!.AsArray(), q => q!["id"]!.GetValue<string>() == "gb16780-2021-clinker");
    }

    [Fact]
    public async Task A_firm_declares_its_equipment_and_meters_and_every_revision_is_checked()
    {
        var official = await _app.OfficialAsync();
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        var filer = await _app.ClientAsync("register-filer", Role.Filer, firms: [uscc]);
        var stranger = await _app.ClientAsync("register-stranger", Role.Filer, firms: [TestUscc.Next()]);
        var inspector = await _app.ClientAsync("register-inspector", Role.Inspector);

        var declared = await filer.PutAsJsonAsync($"/api/enterprises/{uscc}/equipment", new
        {
            lines = new object[]
            {
                new { type = "变压器", model = "S7-500/10", powerKw = (decimal?)null, count = 1 },
                new { type = "电动机", model = "YE3-160M-4", powerKw = (decimal?)11m, count = 2 },
            },
            reason = "首次申报",
        });
        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        var equipment = await declared.JsonAsync();
        Assert.Equal(1, equipment["revision"]!.GetValue<int>());
        Assert.Equal(["S7-500/10"], equipment["phasedOut"]!.AsArray().Select(p => p!["model"]!.GetValue<string>()));

        // What GET returns, PUT accepts: the same lines again make revision 2.
        var got = await (await inspector.GetAsync($"/api/enterprises/{uscc}/equipment")).JsonAsync();
        var again = await (await inspector.PutAsJsonAsync($"/api/enterprises/{uscc}/equipment", new { lines = got["lines"], reason = "现场核对" })).JsonAsync();
        Assert.Equal(2, again["revision"]!.GetValue<int>());
        Assert.Equal(got["lines"]!.ToJsonString(), again["lines"]!.ToJsonString());

        // The meter register: 18 of 20 main-equipment electricity meters is 90 %, below 95 %.
        var meters = await (await inspector.PutAsJsonAsync($"/api/enterprises/{uscc}/meters", new
        {
            lines = new[] { new { energy = "electricity", tier = "equipment", required = 20, equipped = 18 } }, reason = "现场清点",
        })).JsonAsync();
        Assert.Equal(90m, Assert.Single(meters["gaps"]!.AsArray())!.Dec("found"));

        // Another firm's filer sees and changes nothing; a bad line is a field error.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/enterprises/{uscc}/equipment")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/enterprises/{uscc}/meters", new { lines = Array.Empty<object>() })).StatusCode);
        await (await filer.PutAsJsonAsync($"/api/enterprises/{uscc}/equipment", new { lines = new[] { new { type = "x", model = "", count = 1 } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "lines[0].model");
        Assert.Equal(2, (await (await filer.GetAsync($"/api/enterprises/{uscc}/equipment")).JsonAsync())["revision"]!.GetValue<int>());
    }
}
