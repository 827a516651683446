using System.Net;
using System.Net.Http.Json;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

[Collection(ApiCollection.Name)]
public class RegistryApiTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    [Fact]
    public async Task A_park_registers_once_and_reads_back()
    {
        var created = await Http.RegisterParkAsync("P-REG-1", "望春工业园区");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/parks/P-REG-1", created.Headers.Location?.ToString());

        var again = await Http.RegisterParkAsync("P-REG-1", "另一个名字");
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "code");

        var park = await (await Http.GetAsync("/api/parks/P-REG-1")).JsonAsync();
        Assert.Equal("望春工业园区", park["name"]!.GetValue<string>());
        Assert.Equal("工业园区", park["kindName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "code")]
    [InlineData("~unparked", "code")]
    [InlineData("has space", "code")]
    public async Task A_bad_park_code_is_rejected(string code, string field)
    {
        var response = await Http.PostAsJsonAsync("/api/parks", new { code, name = "x", kind = "industrial-park" });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_park_of_unknown_kind_names_the_field()
    {
        var response = await Http.PostAsJsonAsync("/api/parks", new { code = "P-KIND", name = "x", kind = "theme-park" });
        var message = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "kind");
        Assert.Contains("industrial-park", message);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/parks/P-KIND")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_registers_into_a_park_and_the_park_counts_it()
    {
        await Http.RegisterParkAsync("P-REG-2");
        var uscc = TestUscc.Next();
        var created = await Http.RegisterEnterpriseAsync(uscc, "P-REG-2", landAreaMu: 42.5m);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var enterprise = await (await Http.GetAsync($"/api/enterprises/{uscc}")).JsonAsync();
        Assert.Equal("P-REG-2", enterprise["parkCode"]!.GetValue<string>());
        Assert.Equal(42.5m, enterprise.Dec("profile.landAreaMu"));

        var park = await Eventually.JsonAsync(Http, "/api/parks/P-REG-2", p => p["enterprises"]!.GetValue<int>() == 1);
        Assert.Equal(42.5m, park.Dec("landAreaMu"));

        await (await Http.RegisterEnterpriseAsync(uscc, "P-REG-2")).AssertProblemAsync(HttpStatusCode.Conflict, "uscc");
    }

    [Fact]
    public async Task An_enterprise_outside_every_park_is_allowed()
    {
        var response = await Http.RegisterEnterpriseAsync(TestUscc.Next(), parkCode: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("91350100M000100Y44", "校验码")]   // check character should be 3
    [InlineData("9135010", "18")]
    [InlineData("91350100M000100I43", "字符集")]
    public async Task A_uscc_failing_gb_32100_is_rejected_with_the_reason(string uscc, string reason)
    {
        var message = await (await Http.RegisterEnterpriseAsync(uscc, null)).AssertProblemAsync(HttpStatusCode.BadRequest, "uscc");
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task An_enterprise_in_an_unknown_park_is_rejected_and_not_registered()
    {
        var uscc = TestUscc.Next();
        await (await Http.RegisterEnterpriseAsync(uscc, "NO-SUCH-PARK")).AssertProblemAsync(HttpStatusCode.BadRequest, "parkCode");
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/enterprises/{uscc}")).StatusCode);
    }

    [Fact]
    public async Task Every_bad_field_of_an_enterprise_is_named_at_once()
    {
        var response = await Http.PostAsJsonAsync("/api/enterprises",
            new { uscc = TestUscc.Next(), name = "", industry = "", scale = "huge", landAreaMu = -1m });
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "industry");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "scale");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "landAreaMu");
    }

    [Fact]
    public async Task Unknown_lookups_are_404_problems()
    {
        await (await Http.GetAsync($"/api/enterprises/{TestUscc.Next()}")).AssertProblemAsync(HttpStatusCode.NotFound, "uscc");
        await (await Http.GetAsync("/api/parks/NOPE")).AssertProblemAsync(HttpStatusCode.NotFound, "code");
    }
}

[Collection(ApiCollection.Name)]
public class ProfileRevisionApiTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    private static object Profile(decimal land, string scale = "above", string? reason = null, string? industryCode = "C3441") =>
        new { name = "宁波测试制造有限公司", industry = "机械装备", scale, landAreaMu = land, industryCode,
              establishedOn = "2015-06-01", landGrantedOn = (string?)null, reason };

    [Fact]
    public async Task A_profile_revision_keeps_history_and_moves_the_parks_land()
    {
        var park = "P-REV-" + Guid.NewGuid().ToString("N")[..6];
        await Http.RegisterParkAsync(park);
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, park, landAreaMu: 30m);

        var noReason = await Http.PutAsJsonAsync($"/api/enterprises/{uscc}", Profile(35m));
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "reason");

        var revised = await Http.PutAsJsonAsync($"/api/enterprises/{uscc}", Profile(35m, reason: "新增厂房用地 5 亩"));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var body = await revised.JsonAsync();
        Assert.Equal(2, body["revision"]!.GetValue<int>());
        Assert.Equal("revised", body["outcome"]!.GetValue<string>());
        Assert.Equal(35m, body.Dec("profile.landAreaMu"));
        Assert.Equal("2015-06-01", body["profile"]!["establishedOn"]!.GetValue<string>());
        Assert.Equal(park, body["parkCode"]!.GetValue<string>());
        Assert.Equal("新增厂房用地 5 亩", body["history"]![1]!["reason"]!.GetValue<string>());

        var same = await Http.PutAsJsonAsync($"/api/enterprises/{uscc}", Profile(35m));
        Assert.Equal("unchanged", (await same.JsonAsync())["outcome"]!.GetValue<string>());

        await Eventually.JsonAsync(Http, $"/api/parks/{park}", p => p.Dec("landAreaMu") == 35m);
    }

    [Fact]
    public async Task A_bad_revision_names_the_fields_and_changes_nothing()
    {
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null, landAreaMu: 30m);
        var bad = await Http.PutAsJsonAsync($"/api/enterprises/{uscc}", new
        {
            name = "x", industry = "x", scale = "medium", landAreaMu = -3m, industryCode = "3441",
            establishedOn = "2030-01-01", reason = "test",
        });
        foreach (var field in new[] { "scale", "landAreaMu", "industryCode", "establishedOn" })
        {
            await bad.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        }
        var read = await (await Http.GetAsync($"/api/enterprises/{uscc}")).JsonAsync();
        Assert.Equal(1, read["revision"]!.GetValue<int>());
        Assert.Equal(30m, read.Dec("profile.landAreaMu"));
    }

    [Fact]
    public async Task What_get_returns_as_the_profile_put_accepts_unchanged()
    {
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null, landAreaMu: 30m);
        var profile = (await (await Http.GetAsync($"/api/enterprises/{uscc}")).JsonAsync())["profile"]!;
        var again = await Http.PutAsync($"/api/enterprises/{uscc}",
            new StringContent(profile.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", (await again.JsonAsync())["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_parcel_group_is_kept_on_the_profile_round_trips_and_a_bad_code_names_the_field()
    {
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null, landAreaMu: 30m);
        var bad = await Http.PutAsJsonAsync($"/api/enterprises/{uscc}", new
        {
            name = "宁波测试制造有限公司", industry = "机械装备", scale = "above", landAreaMu = 30m, parcelGroup = "浙(2022) 第12号",
            reason = "混合型企业",
        });
        await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "parcelGroup");

        var revised = await Http.PutAsJsonAsync($"/api/enterprises/{uscc}", new
        {
            name = "宁波测试制造有限公司", industry = "机械装备", scale = "above", landAreaMu = 30m, parcelGroup = "330212-GB-0042",
            reason = "与另两家企业共用同一宗地 (混合型企业)",
        });
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        var profile = (await (await Http.GetAsync($"/api/enterprises/{uscc}")).JsonAsync())["profile"]!;
        Assert.Equal("330212-GB-0042", profile["parcelGroup"]!.GetValue<string>());
        var again = await Http.PutAsync($"/api/enterprises/{uscc}",
            new StringContent(profile.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal("unchanged", (await again.JsonAsync())["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task Revising_an_unknown_enterprise_is_404()
    {
        var response = await Http.PutAsJsonAsync($"/api/enterprises/{TestUscc.Next()}", Profile(10m, reason: "x"));
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "uscc");
    }
}
