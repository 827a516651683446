using System.Net;
using System.Net.Http.Json;
using System.Text;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// Input hygiene through the real HTTP pipeline: invisible and control characters in names and free text, a field
/// said twice, and numbers without an upper bound are refused with a 400 naming the field.
/// </summary>
[Collection(ApiCollection.Name)]
public class InputHygieneTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    /// <summary>NUL, a C0 control, CR, LF, DEL, a C1 control, bidi overrides and isolates, zero-width characters, a BOM.</summary>
    public static TheoryData<string> Invisible => new()
    {
        "\u0000", "\u0007", "\t", "\r", "\n", "\u007F", "\u0085", "\u202A", "\u202E", "\u2066", "\u2069", "\u200B", "\u200D", "\u200F",
        "\uFEFF", "\u2028",
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(Invisible))]
    public async Task A_name_with_a_control_or_invisible_character_is_refused_and_nothing_is_registered(string character)
    {
        var code = "HY" + Guid.NewGuid().ToString("N")[..8];
        var message = await (await Http.RegisterParkAsync(code, "望春" + character + "工业园区")).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        Assert.Contains($"U+{(int)character[0]:X4}", message);
        Assert.Contains("第3个字符", message);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/parks/{code}")).StatusCode);

        var uscc = TestUscc.Next();
        await (await Http.RegisterEnterpriseAsync(uscc, null, name: "宁波" + character + "制造有限公司"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/enterprises/{uscc}")).StatusCode);
    }

    [Fact]
    public async Task Every_free_text_field_of_a_filing_and_a_profile_is_checked()
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2023-01", Api.Filing())).StatusCode);

        var filing = Api.Filing(kwh: 110_000m, reason: "电表\u202E更正");
        filing["products"] = new[] { new { name = "钢\u200B结构件", quantity = 10m, unit = "t\u0000" } };
        filing["confirm"] = true;
        filing["note"] = "核实\u2067无误";
        var response = await Http.FileAsync(uscc, "2023-01", filing);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "products[0].name");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "products[0].unit");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "note");
        Assert.Equal(1, (await (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2023-01")).JsonAsync())["revision"]!.GetValue<int>());

        var profile = await Http.PutAsJsonAsync($"/api/enterprises/{uscc}", new
        {
            name = "宁波测试制造有限公司", industry = "机械\u0008装备", scale = "above", landAreaMu = 50m, reason = "\uFEFF更名",
        });
        await profile.AssertProblemAsync(HttpStatusCode.BadRequest, "industry");
        await profile.AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
    }

    [Fact]
    public async Task A_multi_line_reason_may_break_lines_with_LF_only()
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2023-02", Api.Filing())).StatusCode);

        var crlf = await (await Http.FileAsync(uscc, "2023-02", Api.Filing(kwh: 101_000m, reason: "电表抄见数更正\r\n见附件")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.Contains("U+000D", crlf);
        Assert.Contains("LF", crlf);

        var revised = await Http.FileAsync(uscc, "2023-02", Api.Filing(kwh: 101_000m, reason: "电表抄见数更正\n见附件"));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var history = (await revised.JsonAsync())["history"]!.AsArray();
        Assert.Equal("电表抄见数更正\n见附件", history[^1]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Green_factory_and_certificate_texts_are_checked()
    {
        var uscc = TestUscc.Next();
        var application = await Http.PostAsJsonAsync("/api/green-factory/applications", new
        {
            uscc, year = 2023, edition = "gbt36132-2025", product = "钢\u202D结构件",
            answers = new[] { new { item = "basic.legal", met = true, evidence = "营业执照\u0000" } },
        });
        await application.AssertProblemAsync(HttpStatusCode.BadRequest, "product");
        await application.AssertProblemAsync(HttpStatusCode.BadRequest, "answers[0].evidence");

        await (await Http.PostAsJsonAsync("/api/certificates/AR-2023-999999/revoke", new { reason = "数据\u200C造假" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        await (await Http.PostAsJsonAsync("/api/certificates", new { kind = "green-factory", uscc, applicationId = "ab\u0001cd" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "applicationId");
    }

    [Fact]
    public async Task A_field_said_twice_is_refused_naming_the_field()
    {
        var code = "DUP" + Guid.NewGuid().ToString("N")[..8];
        var message = await (await Http.PostAsync("/api/parks",
                Json($$"""{"code":"{{code}}","name":"甲园区","kind":"industrial-park","name":"乙园区"}""")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        Assert.Contains("the field name appears twice", message);
        Assert.DoesNotContain("Carbon.Server", message);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/parks/{code}")).StatusCode);

        // Nested, in a line of a list: the path says which line.
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        const string Body = """
            {"energy":[{"carrier":"electricity","quantity":100000,"unit":"kWh"},
                       {"carrier":"natural-gas","quantity":1,"unit":"10k-m3","quantity":100}],
             "waterM3":500,"outputValue":1000,"valueAdded":250,"revenue":1050,"taxPaid":40,"employees":80,"rdExpense":20}
            """;
        await (await Http.FileAsync(uscc, "2023-03", Body)).AssertProblemAsync(HttpStatusCode.BadRequest, "energy[1].quantity");
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2023-03")).StatusCode);
    }

    [Theory]
    [InlineData("floorAreaM2", "1000000000000", "100,000,000")]
    [InlineData("footprintM2", "100000000", "66,666,667")]
    [InlineData("leasedAreaMu", "1000000", "100000")]
    [InlineData("landAreaMu", "1000000", "100000")]
    [InlineData("floorAreaM2", "1.0000001", "6")]
    public async Task Areas_have_an_upper_bound_stated_in_the_error(string field, string value, string bound)
    {
        var uscc = TestUscc.Next();
        var land = field == "landAreaMu" ? value : "0";
        var extra = field == "landAreaMu" ? "" : $",\"{field}\":{value}";
        var json = $$"""{"uscc":"{{uscc}}","name":"宁波测试制造有限公司","industry":"机械装备","scale":"above","landAreaMu":{{land}}{{extra}}}""";
        var message = await (await Http.PostAsync("/api/enterprises", Json(json))).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Contains(bound, message);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/enterprises/{uscc}")).StatusCode);
    }

    [Fact]
    public async Task A_page_beyond_any_district_is_refused_rather_than_overflowing()
    {
        await (await Http.GetAsync("/api/evaluations/0123456789abcdef0123456789abcdef/enterprises?page=2147483647&pageSize=500"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "page");
    }
}
