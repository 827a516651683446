using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// Industrial land through the API: a 标准地 parcel registered with its obligations, built and put into production, reviewed
/// at 达产 against the holder's filings (the tax clause broken), transferred with its obligations, and repossessed.
/// </summary>
public sealed class LandApiTests : IAsyncLifetime
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

    private static object Parcel(string code, string holder, object? obligations, string supply = "standard-land") => new
    {
        code, name = "鄞州工业区 3 号地块", locationKind = "block", location = "姜山镇工业街区", parkCode = (string?)null, areaMu = 20m,
        landUse = "工业用地", supply, holder, grantedOn = "2022-01-15", expiresOn = "2042-01-14", obligations, document = "甬鄞土出〔2022〕3号",
    };

    private static readonly object Obligations = new
    {
        investmentPerMu = 300m, taxPerMu = 30m, energyPerValueAdded = 0.5m, floorAreaRatio = 1.2m, reviewYear = 2025,
        startBy = "2022-06-30", completeBy = "2023-12-31", remedies = new[] { "按差额支付违约金", "取消用地优惠", "收回土地使用权" },
    };

    private static Task<HttpResponseMessage> EventAsync(HttpClient http, string code, object body) => http.PostAsJsonAsync($"/api/parcels/{code}/events", body);

    /// <summary>
    /// A files every month of 2025 with 40 万元 of tax: 12 × 40 = 480 万元 over its 20 亩 = 24 万元/亩, short of the 30 agreed.
    /// 竣工 recorded 14 000 万元 invested (14 000 ÷ 20 = 700 ≥ 300) and a floor-area ratio of 1.5 (≥ 1.2). Energy per value
    /// added is met by a wide margin (about 42 tce a month against 250 万元).
    /// </summary>
    [Fact]
    public async Task A_standard_land_parcel_is_reviewed_against_its_holders_filings_transferred_with_its_obligations_and_repossessed()
    {
        var official = await _app.OfficialAsync();
        var (a, b) = (TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null)).StatusCode);
        for (var m = 1; m <= 12; m++)
        {
            Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(a, $"2025-{m:00}", Api.Filing())).StatusCode);
        }
        var filerA = await _app.ClientAsync("land-a", Role.Filer, firms: [a]);
        var filerB = await _app.ClientAsync("land-b", Role.Filer, firms: [b]);

        await (await official.PostAsJsonAsync("/api/parcels", Parcel("YZ-3", a, null))).AssertProblemAsync(HttpStatusCode.BadRequest, "obligations");
        Assert.Equal(HttpStatusCode.Forbidden, (await filerA.PostAsJsonAsync("/api/parcels", Parcel("YZ-3", a, Obligations))).StatusCode);
        var created = await official.PostAsJsonAsync("/api/parcels", Parcel("YZ-3", a, Obligations));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await official.PostAsJsonAsync("/api/parcels", Parcel("YZ-3", a, Obligations))).StatusCode);
        var parcel = await created.JsonAsync();
        Assert.Equal(("granted", a), (parcel["state"]!.GetValue<string>(), parcel["holder"]!.GetValue<string>()));

        // The lifecycle in order; out of order is refused with what may happen now.
        var early = await EventAsync(official, "YZ-3", new { @event = "produce", on = "2022-02-01", document = "x" });
        Assert.Contains("start", await early.AssertProblemAsync(HttpStatusCode.Conflict, "event"));
        Assert.Equal(HttpStatusCode.OK, (await EventAsync(official, "YZ-3", new { @event = "start", on = "2022-03-01", document = "施工许可 2022-031" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EventAsync(official, "YZ-3",
            new { @event = "complete", on = "2023-10-01", document = "竣工验收 2023-118", investment = 14_000m, floorAreaRatio = 1.5m })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EventAsync(official, "YZ-3", new { @event = "produce", on = "2024-01-01", document = "投产备案" })).StatusCode);

        // The review, read by the holder's filer, and recorded by an official.
        var review = await (await filerA.GetAsync("/api/parcels/YZ-3/review")).JsonAsync();
        Assert.Equal((2025, 20m, true), (review["year"]!.GetValue<int>(), review.Dec("landMu"), review["breached"]!.GetValue<bool>()));
        var clauses = review["clauses"]!.AsArray().ToDictionary(c => c!["clause"]!.GetValue<string>(), c => c!);
        Assert.Equal((30m, 24m, false), (clauses["tax-per-mu"]!.Dec("contracted"), clauses["tax-per-mu"]!.Dec("actual"), clauses["tax-per-mu"]!["met"]!.GetValue<bool>()));
        Assert.Equal((300m, 700m, true), (clauses["investment"]!.Dec("contracted"), clauses["investment"]!.Dec("actual"), clauses["investment"]!["met"]!.GetValue<bool>()));
        Assert.True(clauses["floor-area-ratio"]!["met"]!.GetValue<bool>());
        Assert.True(clauses["energy-per-value-added"]!["met"]!.GetValue<bool>());
        Assert.Equal(3, review["remedies"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Forbidden, (await filerA.PostAsJsonAsync("/api/parcels/YZ-3/review", new { on = "2026-03-01", document = "x" })).StatusCode);
        await (await official.PostAsJsonAsync("/api/parcels/YZ-3/review", new { year = 2026, on = "2026-03-01", document = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "year");   // 2026 has not ended
        var recorded = await (await official.PostAsJsonAsync("/api/parcels/YZ-3/review", new { on = "2026-03-01", document = "达产复核 2026-007" })).JsonAsync();
        Assert.Equal("in-breach", recorded["state"]!.GetValue<string>());
        var events = (await (await official.GetAsync("/api/parcels/YZ-3")).JsonAsync())["events"]!.AsArray();
        Assert.Equal("fail-review", events[^1]!["event"]!.GetValue<string>());
        Assert.Contains("tax-per-mu 约定 30，实际 24，未达标", events[^1]!["detail"]!.GetValue<string>());

        // The breach is a case of the agreed remedies: only those, each once.
        await (await EventAsync(official, "YZ-3", new { @event = "enforce-remedy", on = "2026-03-10", document = "x", remedy = "罚款" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "remedy");
        var enforced = await (await EventAsync(official, "YZ-3", new { @event = "enforce-remedy", on = "2026-03-10", document = "违约金缴款书 2026-02", remedy = "按差额支付违约金" })).JsonAsync();
        var breach = enforced["breaches"]!.AsArray().Single()!;
        Assert.Equal(("2026-03-01", "按差额支付违约金", 3), (breach["openedOn"]!.GetValue<string>(), breach["enforced"]![0]!["remedy"]!.GetValue<string>(), breach["agreed"]!.AsArray().Count));
        await (await EventAsync(official, "YZ-3", new { @event = "enforce-remedy", on = "2026-03-11", document = "x", remedy = "按差额支付违约金" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "remedy");

        // 转让: B takes the parcel and its obligations; A's filer no longer sees it, B's does.
        await (await EventAsync(official, "YZ-3", new { @event = "transfer", on = "2026-04-01", document = "x" })).AssertProblemAsync(HttpStatusCode.BadRequest, "newHolder");
        var transferred = await (await EventAsync(official, "YZ-3", new { @event = "transfer", on = "2026-04-01", document = "二级市场转让 2026-015", newHolder = b })).JsonAsync();
        Assert.Equal((b, "in-breach", 30m), (transferred["holder"]!.GetValue<string>(), transferred["state"]!.GetValue<string>(), transferred.Dec("obligations.taxPerMu")));
        Assert.Equal(HttpStatusCode.NotFound, (await filerA.GetAsync("/api/parcels/YZ-3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await filerB.GetAsync("/api/parcels/YZ-3")).StatusCode);
        Assert.Single((await (await filerB.GetAsync("/api/parcels")).JsonAsync()).AsArray());
        Assert.Empty((await (await filerA.GetAsync("/api/parcels")).JsonAsync()).AsArray());

        // 收回 ends it.
        var repossessed = await (await EventAsync(official, "YZ-3", new { @event = "repossess", on = "2026-06-01", document = "收回决定 2026-003" })).JsonAsync();
        Assert.Equal("repossessed", repossessed["state"]!.GetValue<string>());
        Assert.Empty(repossessed["next"]!.AsArray());
        await (await EventAsync(official, "YZ-3", new { @event = "start", on = "2026-07-01", document = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "event");
    }

    /// <summary>
    /// H holds P1B (40 亩) and leases 10 亩 of it to L from 2025-03-01: the 2025 亩均 run evaluates H on 40 − 10 = 30 亩 (not the
    /// 50 its profile says) and L, with no land of its own, on its 10 leased 亩. I holds P2 (18 亩) and has never filed:
    /// idle, so P2 is proposed; confirmed, its 收回 is begun in March 2026 (the 5 000 亩 target's figure stays 0) and completed
    /// in September (18 亩, and the parcel is repossessed).
    /// </summary>
    [Fact]
    public async Task Leases_give_firms_their_land_and_low_efficiency_land_counts_once_its_disposal_is_completed()
    {
        var official = await _app.OfficialAsync();
        var (h, l, idle) = (TestUscc.Next(), TestUscc.Next(), TestUscc.Next());
        foreach (var firm in new[] { h, idle })
        {
            Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(firm, null)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(l, null, landAreaMu: 0m)).StatusCode);   // a lessee, no land of its own
        for (var m = 1; m <= 12; m++)
        {
            Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(h, $"2025-{m:00}", Api.Filing())).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(l, $"2025-{m:00}", Api.Filing())).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/parcels", new
        {
            code = "P1B", name = "P1", locationKind = "block", location = "姜山镇", areaMu = 40m, landUse = "工业用地", supply = "flexible-term", holder = h,
            grantedOn = "2020-01-01", document = "x",
        })).StatusCode);
        foreach (var (step, on) in new[] { ("start", "2020-03-01"), ("complete", "2021-03-01"), ("produce", "2021-06-01") })
        {
            Assert.Equal(HttpStatusCode.OK, (await EventAsync(official, "P1B", new { @event = step, on, document = "x" })).StatusCode);
        }
        await (await EventAsync(official, "P1B", new { @event = "lease", on = "2025-03-01", document = "租赁合同 2025-08", lessee = h, mu = 10m }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "lessee");
        await (await EventAsync(official, "P1B", new { @event = "lease", on = "2025-03-01", document = "租赁合同 2025-08", lessee = l, mu = 40.5m }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "mu");
        var leased = await (await EventAsync(official, "P1B", new { @event = "lease", on = "2025-03-01", document = "租赁合同 2025-08", lessee = l, mu = 10m })).JsonAsync();
        Assert.Equal((l, 10m), (leased["lessees"]![0]!["lessee"]!.GetValue<string>(), leased["lessees"]![0]!.Dec("mu")));

        var run = (await (await official.PostAsJsonAsync("/api/evaluations", new { year = 2025, method = "huangyan-2022" })).JsonAsync())["id"]!.GetValue<string>();
        var holder = (await (await official.GetAsync($"/api/evaluations/{run}/enterprises/{h}")).JsonAsync())["inputs"]!;
        Assert.Equal((30m, 0m), (holder.Dec("landAreaMu"), holder.Dec("leasedAreaMu")));
        Assert.Equal("P1B 30 亩", holder["landSource"]!.GetValue<string>());
        var lessee = (await (await official.GetAsync($"/api/evaluations/{run}/enterprises/{l}")).JsonAsync())["inputs"]!;
        Assert.Equal((0m, 10m, "P1B 租 10 亩"), (lessee.Dec("landAreaMu"), lessee.Dec("leasedAreaMu"), lessee["landSource"]!.GetValue<string>()));

        // Low-efficiency land: I never filed.
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/parcels", new
        {
            code = "P2", name = "闲置地块", locationKind = "village-cluster", location = "下应村工业点", areaMu = 18m, landUse = "工业用地", supply = "long-lease",
            holder = idle, grantedOn = "2019-05-01", document = "x",
        })).StatusCode);
        Assert.DoesNotContain((await (await official.GetAsync("/api/land/low-efficiency")).JsonAsync())["proposed"]!.AsArray(),
            p => p!["parcel"]!["code"]!.GetValue<string>() == "P2");   // granted, not at work: nothing to judge it by yet
        foreach (var (step, on) in new[] { ("start", "2019-06-01"), ("complete", "2020-06-01"), ("produce", "2020-09-01") })
        {
            Assert.Equal(HttpStatusCode.OK, (await EventAsync(official, "P2", new { @event = step, on, document = "x" })).StatusCode);
        }
        var low = await (await official.GetAsync("/api/land/low-efficiency")).JsonAsync();
        var proposal = low["proposed"]!.AsArray().Single(p => p!["parcel"]!["code"]!.GetValue<string>() == "P2")!;
        Assert.Equal(["idle"], proposal["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        // H, the same figures as L on three times the land, is classed D in the run: proposed for that alone (480 ÷ 30 = 16 ≥ 5 万元/亩).
        var p1b = low["proposed"]!.AsArray().Single(p => p!["parcel"]!["code"]!.GetValue<string>() == "P1B")!;
        Assert.Equal(["class-d"], p1b["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(16m, p1b.Dec("taxPerMu"));
        await (await EventAsync(official, "P2", new { @event = "start-disposal", on = "2026-03-01", document = "x", disposal = "reclaim", mu = 18m }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "event");   // not confirmed yet
        Assert.Equal(HttpStatusCode.OK, (await EventAsync(official, "P2", new { @event = "mark-low-efficiency", on = "2026-02-01", document = "低效用地认定 2026-01", note = "闲置" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await EventAsync(official, "P2", new { @event = "start-disposal", on = "2026-03-01", document = "处置方案 2026-04", disposal = "reclaim", mu = 18m })).StatusCode);

        await (await EventAsync(official, "P2", new { @event = "repossess", on = "2026-03-02", document = "x" })).AssertProblemAsync(HttpStatusCode.Conflict, "event");
        await (await EventAsync(official, "P1B", new { @event = "transfer", on = "2026-03-02", document = "x", newHolder = l }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "newHolder");   // to its own lessee: end the lease first

        async Task<decimal?> ReclaimedAsync(int year) =>
            (await (await official.GetAsync($"/api/district/targets?year={year}")).JsonAsync())["targets"]!.AsArray()
                .Single(t => t!["id"]!.GetValue<string>() == "land-reclaimed")!["latest"]?.GetValue<decimal>();
        Assert.Equal(0m, await ReclaimedAsync(2026));
        var done = await (await EventAsync(official, "P2", new { @event = "complete-disposal", on = "2026-09-01", document = "收回决定书 2026-11 及交地确认书" })).JsonAsync();
        Assert.Equal("repossessed", done["state"]!.GetValue<string>());
        Assert.Equal(18m, await ReclaimedAsync(2026));
        Assert.Equal(0m, await ReclaimedAsync(2025));
        low = await (await official.GetAsync("/api/land/low-efficiency")).JsonAsync();
        Assert.Equal((18m, 0m), (low.Dec("freedMu"), low.Dec("underWayMu")));
    }
}
