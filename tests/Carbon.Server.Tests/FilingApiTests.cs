using Carbon.Domain.Access;
using System.Net;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

[Collection(ApiCollection.Name)]
public class FilingApiTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    private async Task<string> RegisteredAsync()
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        return uscc;
    }

    [Fact]
    public async Task First_put_creates_revision_1_and_a_revision_needs_a_reason()
    {
        var uscc = await RegisteredAsync();
        var filer = await fixture.App.ClientAsync($"filer-{uscc}", Role.Filer, firms: [uscc]);
        var first = await filer.FileAsync(uscc, "2023-05", Api.Filing());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (await first.JsonAsync())["revision"]!.GetValue<int>());

        var noReason = await Http.FileAsync(uscc, "2023-05", Api.Filing(kwh: 101_000m));
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "reason");

        var revised = await Http.FileAsync(uscc, "2023-05", Api.Filing(kwh: 101_000m, reason: "电表抄见数更正"));   // the district corrects it
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var body = await revised.JsonAsync();
        Assert.Equal(2, body["revision"]!.GetValue<int>());
        Assert.Equal("revised", body["outcome"]!.GetValue<string>());

        var read = await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2023-05")).JsonAsync();
        Assert.Equal(2, read["revision"]!.GetValue<int>());
        Assert.Equal(101_000m, read["current"]!["energy"]![0]!.Dec("quantity"));
        var history = read["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal($"filer-{uscc}", history[0]!["actor"]!.GetValue<string>());   // the authenticated account, never a header
        Assert.Null(history[0]!["reason"]);
        Assert.Equal("test-official", history[1]!["actor"]!.GetValue<string>());
        Assert.Equal("电表抄见数更正", history[1]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task What_get_returns_put_accepts_unchanged()
    {
        var uscc = await RegisteredAsync();
        var filing = Api.Filing();
        filing["products"] = new[] { new { name = "钢结构件", quantity = 12.5m, unit = "t" } };
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2024-04", filing)).StatusCode);

        var current = (await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-04")).JsonAsync())["current"]!;
        Assert.Equal("钢结构件", current["products"]![0]!["name"]!.GetValue<string>());
        Assert.Null(current["productLines"]);   // one field per concept

        var again = await Http.FileAsync(uscc, "2024-04", current.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", (await again.JsonAsync())["outcome"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("91350100M000100Y44", "校验码")]     // wrong check character
    [InlineData("91350100M00010", "18")]             // too short
    public async Task A_malformed_uscc_in_the_path_is_a_field_error_with_the_gb32100_reason(string uscc, string reason)
    {
        var message = await (await Http.FileAsync(uscc, "2023-01", Api.Filing())).AssertProblemAsync(HttpStatusCode.BadRequest, "uscc");
        Assert.Contains(reason, message);
        await (await Http.GetAsync($"/api/enterprises/{uscc}")).AssertProblemAsync(HttpStatusCode.BadRequest, "uscc");
    }

    [Fact]
    public async Task Every_revision_can_be_read_as_it_was_filed()
    {
        var uscc = await RegisteredAsync();
        await Http.FileAsync(uscc, "2024-05", Api.Filing(kwh: 100_000m));
        await Http.FileAsync(uscc, "2024-05", Api.Filing(kwh: 120_000m, reason: "补录"));

        var first = await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-05?revision=1")).JsonAsync();
        Assert.Equal(1, first["revision"]!.GetValue<int>());
        Assert.Equal(100_000m, first["current"]!["energy"]![0]!.Dec("quantity"));
        Assert.Equal(2, first["history"]!.AsArray().Count);
        Assert.Equal(120_000m, (await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-05")).JsonAsync())["current"]!["energy"]![0]!.Dec("quantity"));
        await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-05?revision=3")).AssertProblemAsync(HttpStatusCode.NotFound, "revision");
    }

    [Fact]
    public async Task A_revision_cannot_drop_a_section_by_leaving_it_out()
    {
        var uscc = await RegisteredAsync();
        var filing = Api.Filing();                                   // with pollutants
        filing["products"] = new[] { new { name = "阀门", quantity = 10m, unit = "件" } };
        await Http.FileAsync(uscc, "2024-06", filing);

        var withoutPollutants = Api.Filing(kwh: 99_000m, reason: "更正电量");
        withoutPollutants.Remove("pollutants");
        withoutPollutants["products"] = filing["products"];
        Assert.Contains("null", await (await Http.FileAsync(uscc, "2024-06", withoutPollutants)).AssertProblemAsync(HttpStatusCode.BadRequest, "pollutants"));
        var withoutProducts = Api.Filing(kwh: 99_000m, reason: "更正电量");
        await (await Http.FileAsync(uscc, "2024-06", withoutProducts)).AssertProblemAsync(HttpStatusCode.BadRequest, "products");
        Assert.Equal(1, (await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-06")).JsonAsync())["revision"]!.GetValue<int>());

        // Said explicitly, the removal is a revision like any other, and revision 1 still shows what was filed.
        withoutPollutants["pollutants"] = null;
        var revised = await Http.FileAsync(uscc, "2024-06", withoutPollutants);
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Null((await revised.JsonAsync())["current"]!["pollutants"]);
        Assert.NotNull((await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-06?revision=1")).JsonAsync())["current"]!["pollutants"]);
    }

    [Fact]
    public async Task A_figure_far_outside_the_firms_history_needs_a_confirmation_and_is_flagged()
    {
        var uscc = await RegisteredAsync();
        foreach (var month in new[] { "2024-01", "2024-02", "2024-03" })
        {
            await Http.FileAsync(uscc, month, Api.Filing(kwh: 100_000m));
        }
        // 10 000 000 kWh against a median of 100 000 for the last three months: a slip, most likely (×100).
        var slip = Api.Filing(kwh: 10_000_000m);
        var message = await (await Http.FileAsync(uscc, "2024-04", slip)).AssertProblemAsync(HttpStatusCode.BadRequest, "energy[0].quantity");
        Assert.Contains("10000", message);                                     // the expected range 10 000 … 1 000 000
        Assert.Contains("1000000", message);
        await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-04")).AssertProblemAsync(HttpStatusCode.NotFound, "month");

        slip["confirm"] = true;
        slip["note"] = "新生产线投产，电量属实";
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2024-04", slip)).StatusCode);
        var m = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2024&throughMonth=4")).JsonAsync();
        var flag = Assert.Single(m["flags"]!.AsArray())!;
        Assert.Equal("2024-04", flag["month"]!.GetValue<string>());
        Assert.Equal("electricity", flag["carrier"]!.GetValue<string>());
        Assert.Equal("新生产线投产，电量属实", flag["note"]!.GetValue<string>());
        Assert.Equal("新生产线投产，电量属实",
            (await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-04")).JsonAsync())["history"]![0]!["confirmation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repeating_the_same_put_makes_no_new_revision()
    {
        var uscc = await RegisteredAsync();
        await Http.FileAsync(uscc, "2022-02", Api.Filing());
        var again = await Http.FileAsync(uscc, "2022-02", Api.Filing());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await again.JsonAsync();
        Assert.Equal("unchanged", body["outcome"]!.GetValue<string>());
        Assert.Equal(1, body["revision"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_rejected_request_changes_nothing()
    {
        var uscc = await RegisteredAsync();
        await Http.FileAsync(uscc, "2021-07", Api.Filing());
        var before = await CountRowsAsync();

        var bad = Api.Filing(kwh: 200_000m, reason: "更正");
        bad["valueAdded"] = 5_000m; // above output value
        await (await Http.FileAsync(uscc, "2021-07", bad)).AssertProblemAsync(HttpStatusCode.BadRequest, "valueAdded");
        await (await Http.FileAsync(uscc, "2021-07", Api.Filing(kwh: 200_000m))).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");

        Assert.Equal(before, await CountRowsAsync());
        var read = await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2021-07")).JsonAsync();
        Assert.Equal(1, read["revision"]!.GetValue<int>());
        Assert.Equal(100_000m, read["current"]!["energy"]![0]!.Dec("quantity"));
    }

    [Theory]
    [InlineData("2027-01", "未来")]     // the clock says 2026-11
    [InlineData("2019-12", "2020")]
    [InlineData("2023-13", "yyyy-MM")]
    [InlineData("202305", "yyyy-MM")]
    public async Task Months_in_the_future_before_2020_or_malformed_are_rejected(string month, string reason)
    {
        var uscc = await RegisteredAsync();
        var message = await (await Http.FileAsync(uscc, month, Api.Filing())).AssertProblemAsync(HttpStatusCode.BadRequest, "month");
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task The_current_month_in_zhejiang_time_may_be_filed()
    {
        var uscc = await RegisteredAsync();
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2026-11", Api.Filing())).StatusCode);
    }

    [Fact]
    public async Task A_filing_for_an_unknown_enterprise_is_404()
    {
        var response = await Http.FileAsync(TestUscc.Next(), "2023-01", Api.Filing());
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "uscc");
    }

    [Theory]
    [InlineData("""{"carrier":"coal","quantity":1,"unit":"t"}""", "energy[0].carrier")]
    [InlineData("""{"carrier":"natural-gas","quantity":1,"unit":"t"}""", "energy[0].unit")]
    [InlineData("""{"carrier":"electricity","quantity":1,"unit":"kwh"}""", "energy[0].unit")]
    [InlineData("""{"carrier":"electricity","quantity":-5,"unit":"kWh"}""", "energy[0].quantity")]
    [InlineData("""{"carrier":"electricity","unit":"kWh"}""", "energy[0].quantity")]
    [InlineData("""{"carrier":"electricity","quantity":1e400,"unit":"kWh"}""", "energy[0].quantity")]
    [InlineData("""{"carrier":"electricity","quantity":"NaN","unit":"kWh"}""", "energy[0].quantity")]
    [InlineData("""{"carrier":"electricity","quantity":"12","unit":"kWh"}""", "energy[0].quantity")]
    public async Task A_bad_energy_line_names_its_field(string line, string field)
    {
        var uscc = await RegisteredAsync();
        var body = $$"""{"energy":[{{line}}],"waterM3":1,"outputValue":10,"valueAdded":2,"revenue":10,"taxPaid":1,"employees":3,"rdExpense":0}""";
        await (await Http.FileAsync(uscc, "2023-01", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2023-01")).StatusCode);
    }

    [Fact]
    public async Task The_second_line_of_a_duplicate_carrier_is_named()
    {
        var uscc = await RegisteredAsync();
        var body = """{"energy":[{"carrier":"electricity","quantity":1,"unit":"kWh"},{"carrier":"diesel","quantity":1,"unit":"t"},{"carrier":"electricity","quantity":2,"unit":"MWh"}],"waterM3":1,"outputValue":10,"valueAdded":2,"revenue":10,"taxPaid":1,"employees":3,"rdExpense":0}""";
        await (await Http.FileAsync(uscc, "2023-01", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "energy[2].carrier");
    }

    [Fact]
    public async Task An_unknown_field_is_an_error_not_silently_dropped()
    {
        var uscc = await RegisteredAsync();
        var body = """{"energy":[],"watreM3":1,"outputValue":10,"valueAdded":2,"revenue":10,"taxPaid":1,"employees":3,"rdExpense":0}""";
        await (await Http.FileAsync(uscc, "2023-01", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "watreM3");
    }

    [Fact]
    public async Task Missing_figures_are_each_named()
    {
        var uscc = await RegisteredAsync();
        var response = await Http.FileAsync(uscc, "2023-01", """{"energy":[]}""");
        foreach (var field in new[] { "waterM3", "outputValue", "valueAdded", "revenue", "taxPaid", "employees", "rdExpense" })
        {
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        }
    }

    [Fact]
    public async Task Negative_pollutants_are_rejected_and_missing_ones_are_allowed()
    {
        var uscc = await RegisteredAsync();
        var bad = Api.Filing();
        bad["pollutants"] = new { codT = -1m };
        await (await Http.FileAsync(uscc, "2023-02", bad)).AssertProblemAsync(HttpStatusCode.BadRequest, "pollutants.codT");
        var none = Api.Filing();
        none["pollutants"] = null;
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2023-02", none)).StatusCode);
    }

    [Fact]
    public async Task Quantities_are_kept_exactly_as_filed()
    {
        var uscc = await RegisteredAsync();
        var body = """{"energy":[{"carrier":"electricity","quantity":12.3456,"unit":"10k-kWh"},{"carrier":"heat","quantity":0.125,"unit":"GJ"}],"waterM3":0.5,"outputValue":10.01,"valueAdded":2.005,"revenue":10,"taxPaid":1,"employees":3,"rdExpense":0}""";
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2024-03", body)).StatusCode);
        var read = await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2024-03")).JsonAsync();
        Assert.Equal("12.3456", read["current"]!["energy"]![0]!["quantity"]!.ToJsonString());
        Assert.Equal("10k-kWh", read["current"]!["energy"]![0]!["unit"]!.GetValue<string>());
        Assert.Equal("2.005", read["current"]!["valueAdded"]!.ToJsonString());
    }

    private async Task<(int Filings, int Lines, int Audit)> CountRowsAsync()
    {
        await using var db = fixture.App.Services.GetRequiredService<ILedgerContextFactory>().Create();
        return (await db.Filings.CountAsync(), await db.FilingEnergy.CountAsync(), await db.AuditEvents.CountAsync());
    }
}
