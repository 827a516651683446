using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// Defects the reliability suite's bad-input corpus found (tests/Carbon.Reliability, docs/reliability.md), through the
/// real HTTP pipeline: each was a 500 and is now a 4xx naming what is wrong, with nothing written.
/// </summary>
[Collection(ApiCollection.Name)]
public class CorpusRegressionTests(ApiFixture fixture)
{
    private HttpClient Http => fixture.Client;

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"year\":2025,\"kind\":\"special\",\"name\":\"专项监察\",\"targets\":null}")]
    public async Task A_supervision_plan_without_targets_is_a_400_naming_targets(string body)
    {
        var before = (await (await Http.GetAsync("/api/supervision/plans")).JsonAsync()).AsArray().Count;
        var response = await Http.PostAsync("/api/supervision/plans", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "targets");
        Assert.Equal(before, (await (await Http.GetAsync("/api/supervision/plans")).JsonAsync()).AsArray().Count);
    }

    [Fact]
    public async Task A_JSON_body_in_an_unknown_charset_is_a_415_and_nothing_is_filed()
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(Api.Filing())));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=no-such-charset");
        var response = await Http.PutAsync($"/api/enterprises/{uscc}/filings/2023-05", content);
        var message = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "body");
        Assert.Contains("no-such-charset", message);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/enterprises/{uscc}/filings/2023-05")).StatusCode);
    }

    [Fact]
    public async Task A_JSON_body_in_a_known_charset_other_than_UTF8_is_still_read()
    {
        var uscc = TestUscc.Next();
        Assert.Equal(HttpStatusCode.Created, (await Http.RegisterEnterpriseAsync(uscc, null)).StatusCode);
        var json = System.Text.Json.JsonSerializer.Serialize(Api.Filing());   // ASCII: the same bytes in Latin-1
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(json));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=iso-8859-1");
        Assert.Equal(HttpStatusCode.Created, (await Http.PutAsync($"/api/enterprises/{uscc}/filings/2023-06", content)).StatusCode);
    }
}
