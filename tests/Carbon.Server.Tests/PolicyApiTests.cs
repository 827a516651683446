using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// 惠企政策 through the API: a policy matched against every firm with reasons, a near miss and a disqualification; the
/// firms told when they become eligible (after a new 亩均 run: exactly the newly eligible); 政策直兑 from the one-step
/// application to the payout.
/// </summary>
public sealed class PolicyApiTests : IAsyncLifetime
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

    private static async Task<JsonArray> MessagesAsync(HttpClient http) => (await (await http.GetAsync("/api/account/messages")).JsonAsync()).AsArray();

    /// <summary>
    /// A (规上), B (规下) and C (规上, with an open rectification case) each paid 12 × 40 = 480 万元 of tax in 2025. P1 gives 5 %
    /// of last year's tax, at most 20 万元, to 规上 firms with no open case that confirm no major accident: A gets
    /// min(480 × 5 % = 24, 20) = 20; B is a near miss (规下); C is disqualified. P2 asks a 亩均 class of D or better: before
    /// any run no one has a class; the 2025 run makes A and C eligible, and only they are told of P2 — A is not told of P1 again.
    /// </summary>
    [Fact]
    public async Task Firms_are_matched_with_reasons_told_when_they_become_eligible_and_an_application_walks_to_payout()
    {
        var official = await _app.OfficialAsync();
        var (a, b, c) = (TestUscc.Next(), TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null, scale: "below")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(c, null)).StatusCode);
        foreach (var firm in new[] { a, b, c })
        {
            for (var m = 1; m <= 12; m++)
            {
                Assert.Equal(HttpStatusCode.Created, (await official.FileAsync(firm, $"2025-{m:00}", Api.Filing())).StatusCode);
            }
        }
        var (fa, fb, fc) = (await _app.ClientAsync("pol-a", Role.Filer, firms: [a]), await _app.ClientAsync("pol-b", Role.Filer, firms: [b]),
            await _app.ClientAsync("pol-c", Role.Filer, firms: [c]));
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/rectification/cases", new
        {
            campaign = "scattered-polluting", uscc = c, town = "姜山镇", problems = new[] { "pollution" }, responsibleUnit = "姜山镇人民政府",
            measures = "废气治理", deadline = "2026-12-31", on = "2026-10-01",
        })).StatusCode);

        await (await official.PostAsJsonAsync("/api/policies", new { id = "P1", title = "x", documentNumber = "x", validFrom = "2026-01-01", validTo = "2026-12-31",
            amount = 10m, rules = new[] { new { kind = "class-at-least", value = "E" } } })).AssertProblemAsync(HttpStatusCode.BadRequest, "rules[0].value");
        var published = await official.PostAsJsonAsync("/api/policies", new
        {
            id = "P1", title = "规上企业技术改造奖励", documentNumber = "鄞经信〔2026〕18号", validFrom = "2026-01-01", validTo = "2026-12-31",
            rate = 0.05m, rateBase = "tax-paid", cap = 20m,
            rules = new object[] { new { kind = "scale", value = "above" }, new { kind = "no-open-cases" }, new { kind = "confirm", text = "近三年无重大安全生产事故" } },
        });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var p1 = await published.JsonAsync();
        Assert.Equal((1, 1, 20m), (p1["eligible"]!.GetValue<int>(), p1["nearMiss"]!.GetValue<int>(), p1.Dec("expectedOutlay")));

        // Each firm sees its own match, rule by rule.
        var mine = (await (await fb.GetAsync("/api/policies/P1")).JsonAsync())["matches"]!.AsArray().Single()!;
        Assert.Equal(("near-miss", b), (mine["status"]!.GetValue<string>(), mine["uscc"]!.GetValue<string>()));
        Assert.Contains("for above firms only", mine["wouldQualify"]!.GetValue<string>());
        var disqualified = (await (await fc.GetAsync("/api/policies/P1")).JsonAsync())["matches"]!.AsArray().Single()!;
        Assert.Equal("not-eligible", disqualified["status"]!.GetValue<string>());
        Assert.Contains("不得享受", disqualified["rules"]![1]!["reason"]!.GetValue<string>());
        Assert.Equal(["/policies/P1"], (await MessagesAsync(fa)).Select(m => m!["link"]!.GetValue<string>()));
        Assert.Empty(await MessagesAsync(fb));
        Assert.Empty(await MessagesAsync(fc));

        // P2 needs a class: nobody is evaluated yet, so nobody is told; the 2025 run makes A and C eligible, and only they hear of it.
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/policies", new
        {
            id = "P2", title = "亩均评价奖励", documentNumber = "鄞经信〔2026〕19号", validFrom = "2026-01-01", validTo = "2026-12-31", amount = 5m,
            rules = new object[] { new { kind = "class-at-least", value = "D" }, new { kind = "scale", value = "above" } },
        })).StatusCode);
        Assert.Single(await MessagesAsync(fa));
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/evaluations", new { year = 2025, method = "huangyan-2022" })).StatusCode);
        Assert.Equal(["/policies/P1", "/policies/P2"], (await MessagesAsync(fa)).Select(m => m!["link"]!.GetValue<string>()).Order());
        Assert.Equal(["/policies/P2"], (await MessagesAsync(fc)).Select(m => m!["link"]!.GetValue<string>()));
        Assert.Empty(await MessagesAsync(fb));
        Assert.Equal(0, (await (await official.PostAsync("/api/policies/notify", null)).JsonAsync())["messages"]!.GetValue<int>());

        // 政策直兑: only the eligible apply, having confirmed; an official approves and records the payout.
        Assert.Equal(HttpStatusCode.Conflict, (await fb.PostAsJsonAsync("/api/policies/P1/applications", new { uscc = b, confirm = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fb.PostAsJsonAsync("/api/policies/P1/applications", new { uscc = a, confirm = true })).StatusCode);
        await (await fa.PostAsJsonAsync("/api/policies/P1/applications", new { uscc = a })).AssertProblemAsync(HttpStatusCode.Conflict, "confirm");
        var applied = await fa.PostAsJsonAsync("/api/policies/P1/applications", new { uscc = a, confirm = true });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var application = await applied.JsonAsync();
        Assert.Equal((20m, "applied"), (application.Dec("amount"), application["state"]!.GetValue<string>()));
        Assert.Contains("近三年无重大安全生产事故", application["confirmed"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await fa.PostAsJsonAsync("/api/policies/P1/applications", new { uscc = a, confirm = true })).StatusCode);
        var steps = $"/api/policies/P1/applications/{application["id"]!.GetValue<string>()}/steps";
        Assert.Equal(HttpStatusCode.Forbidden, (await fa.PostAsJsonAsync(steps, new { step = "approved", on = "2026-11-28", text = "x" })).StatusCode);
        await (await official.PostAsJsonAsync(steps, new { step = "paid", on = "2026-11-28", text = "x", amount = 20m })).AssertProblemAsync(HttpStatusCode.Conflict, "step");
        Assert.Equal("approved", (await (await official.PostAsJsonAsync(steps, new { step = "approved", on = "2026-11-28", text = "材料齐全，同意" })).JsonAsync())["state"]!.GetValue<string>());
        await (await official.PostAsJsonAsync(steps, new { step = "paid", on = "2026-11-28", text = "x", amount = 25m })).AssertProblemAsync(HttpStatusCode.Conflict, "amount");
        await (await official.PostAsJsonAsync(steps, new { step = "paid", on = "2026-11-28", text = "x", amount = 0m })).AssertProblemAsync(HttpStatusCode.BadRequest, "amount");
        var paid = await (await official.PostAsJsonAsync(steps, new { step = "paid", on = "2026-11-28", text = "国库集中支付 2026-1125-07", amount = 20m })).JsonAsync();
        Assert.Equal(("paid", 20m, 4), (paid["state"]!.GetValue<string>(), paid.Dec("paid"), paid["steps"]!.AsArray().Count + 1));

        var outlay = await (await official.GetAsync("/api/policies/outlay")).JsonAsync();
        Assert.Equal((20m, "P1 规上企业技术改造奖励"), (outlay.Dec("total"), outlay["byPolicy"]![0]!["key"]!.GetValue<string>()));
        Assert.Equal(0m, (await (await fb.GetAsync("/api/policies/outlay")).JsonAsync()).Dec("total"));   // not its firm's
    }

    /// <summary>
    /// A firm registered as a 专精特新“小巨人” keeps the title on its profile (GET returns it, PUT takes it back unchanged) and
    /// qualifies for a policy that asks for it; a firm without is a near miss; an unknown title is refused.
    /// </summary>
    [Fact]
    public async Task A_policy_asking_for_a_title_matches_the_firms_whose_profile_holds_it()
    {
        var official = await _app.OfficialAsync();
        var (a, b) = (TestUscc.Next(), TestUscc.Next());
        await (await official.PostAsJsonAsync("/api/enterprises", new { uscc = a, name = "宁波小巨人", industry = "机械装备", scale = "above", landAreaMu = 20m,
            designations = new[] { "little-giant", "little-giant" } })).AssertProblemAsync(HttpStatusCode.BadRequest, "designations");
        Assert.Equal(HttpStatusCode.Created, (await official.PostAsJsonAsync("/api/enterprises", new { uscc = a, name = "宁波小巨人", industry = "机械装备",
            scale = "above", landAreaMu = 20m, designations = new[] { "little-giant", "high-tech" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null)).StatusCode);
        var profile = (await (await official.GetAsync($"/api/enterprises/{a}")).JsonAsync())["profile"]!;
        Assert.Equal(["little-giant", "high-tech"], profile["designations"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("unchanged", (await (await official.PutAsJsonAsync($"/api/enterprises/{a}", profile)).JsonAsync())["outcome"]!.GetValue<string>());
        // Titles come from the published lists: the firm's own filer cannot give itself one.
        var filer = await _app.ClientAsync("pd-filer", Role.Filer, firms: [b]);
        var own = (await (await filer.GetAsync($"/api/enterprises/{b}")).JsonAsync())["profile"]!;
        own["designations"] = new JsonArray("high-tech");
        own["reason"] = "自评";
        await (await filer.PutAsJsonAsync($"/api/enterprises/{b}", own)).AssertProblemAsync(HttpStatusCode.BadRequest, "designations");

        await (await official.PostAsJsonAsync("/api/policies", new { id = "PD", title = "x", documentNumber = "x", validFrom = "2026-01-01", validTo = "2026-12-31",
            amount = 10m, rules = new[] { new { kind = "designation", values = new[] { "giant" } } } })).AssertProblemAsync(HttpStatusCode.BadRequest, "rules[0].values[0]");
        var published = await (await official.PostAsJsonAsync("/api/policies", new
        {
            id = "PD", title = "专精特新企业奖励", documentNumber = "鄞经信〔2026〕21号", validFrom = "2026-01-01", validTo = "2026-12-31", amount = 30m,
            rules = new[] { new { kind = "designation", values = new[] { "specialized-sme", "little-giant" } } },
        })).JsonAsync();
        Assert.Equal(1, published["eligible"]!.GetValue<int>());
        var matches = (await (await official.GetAsync("/api/policies/PD")).JsonAsync())["matches"]!.AsArray();
        Assert.Equal("eligible", matches.Single(m => m!["uscc"]!.GetValue<string>() == a)!["status"]!.GetValue<string>());
        Assert.Equal("near-miss", matches.Single(m => m!["uscc"]!.GetValue<string>() == b)!["status"]!.GetValue<string>());
    }
}
