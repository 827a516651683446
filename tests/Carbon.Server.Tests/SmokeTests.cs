using System.Net;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

[Collection(ApiCollection.Name)]
public class SmokeTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_and_reference_page_are_served()
    {
        var doc = await fixture.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        var text = await doc.Content.ReadAsStringAsync();
        Assert.Contains("/api/enterprises/{uscc}/filings/{month}", text);
        Assert.Contains("/api/district/metrics", text);
        var page = await fixture.Client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
