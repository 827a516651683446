using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Carbon.Server.Http;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Carbon.Server.Tests;

/// <summary>
/// The rate limiter: anonymous certificate verification and anonymous writes have their own small counts per IP
/// address; over a count the answer is a 429 problem with Retry-After, and the caller's other counts go on.
/// </summary>
public class RateLimitTests
{
    /// <summary>A long window, so that no window ends between a test's few requests.</summary>
    private static Dictionary<string, string?> Limits(string key, int permits) => new()
    {
        ["Carbon:RateLimits:WindowSeconds"] = "3600",
        [$"Carbon:RateLimits:{key}"] = permits.ToString(),
    };

    private static ByteArrayContent Pdf()
    {
        var pdf = new ByteArrayContent("%PDF-1.7 not a certificate"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return pdf;
    }

    [Fact]
    public async Task Anonymous_verification_over_its_limit_is_a_429_problem_with_Retry_After()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path, settings: Limits("AnonymousVerifications", 2));
        var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/certificates/verify", Pdf())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/verify/AR-2023-999999")).StatusCode);
        var refused = await http.PostAsync("/api/certificates/verify", Pdf());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var seconds = refused.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is > 0 and <= 3600, $"Retry-After: {refused.Headers.RetryAfter}");
        var problem = await refused.JsonAsync();
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        Assert.Contains("at most 2 requests per 3600 s", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("/verify/AR-2023-999999")).StatusCode);

        // Anonymous reads are counted apart, and so is a signed-in account.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/certificates/public-key")).StatusCode);
        var official = await app.OfficialAsync();
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterParkAsync("RL-" + Guid.NewGuid().ToString("N")[..6])).StatusCode);
    }

    [Fact]
    public async Task Anonymous_writes_over_their_limit_are_refused_while_a_signed_in_account_counts_apart()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path, settings: Limits("AnonymousWrites", 3));
        var official = await app.OfficialAsync();   // signing in is an anonymous write: the first of three
        var anonymous = app.CreateClient();

        // Guessing passwords is an anonymous write like any other.
        for (var i = 0; i < 2; i++)
        {
            var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "test-official", password = $"guess-{i}" });
            Assert.NotEqual(HttpStatusCode.TooManyRequests, wrong.StatusCode);
            Assert.False(wrong.IsSuccessStatusCode);
        }
        var refused = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "test-official", password = CarbonApp.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("at most 3 requests per 3600 s", (await refused.JsonAsync())["detail"]!.GetValue<string>());

        var code = "RW-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterParkAsync(code)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await official.GetAsync($"/api/parks/{code}")).StatusCode);
    }

    [Fact]
    public void A_signed_in_caller_is_counted_by_account_and_anyone_else_by_address()
    {
        static HttpContext Request(string method, string path, string? account = null, string ip = "203.0.113.7")
        {
            var http = new DefaultHttpContext();
            http.Request.Method = method;
            http.Request.Path = path;
            http.Connection.RemoteIpAddress = IPAddress.Parse(ip);
            if (account is not null)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, account)], "test"));
            }
            return http;
        }

        Assert.Equal((RateLimits.Policy.Account, "account:alice"), RateLimits.PartitionOf(Request("POST", "/api/certificates/verify", "alice")));
        Assert.Equal((RateLimits.Policy.Account, "account:alice"), RateLimits.PartitionOf(Request("GET", "/api/parks/A", "alice", "198.51.100.1")));
        Assert.Equal((RateLimits.Policy.AnonymousVerification, "ip:203.0.113.7"), RateLimits.PartitionOf(Request("POST", "/api/certificates/verify")));
        Assert.Equal((RateLimits.Policy.AnonymousVerification, "ip:203.0.113.7"), RateLimits.PartitionOf(Request("GET", "/verify/AR-2023-000001")));
        Assert.Equal((RateLimits.Policy.AnonymousWrite, "ip:203.0.113.7"), RateLimits.PartitionOf(Request("PUT", "/api/enterprises/X/filings/2023-01")));
        Assert.Equal((RateLimits.Policy.AnonymousRead, "ip:198.51.100.1"), RateLimits.PartitionOf(Request("GET", "/api/parks/A", ip: "198.51.100.1")));
        Assert.Equal(RateLimits.Policy.AnonymousRead, RateLimits.PartitionOf(Request("GET", "/verifying")).Policy);
    }

    [Fact]
    public async Task A_limit_out_of_range_stops_the_service_with_the_key()
    {
        using var data = new TempFolder();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(data.Path,
            "--Carbon:RateLimits:AnonymousWrites", "0", "--Carbon:Silo:SiloPort", FreePort.Next().ToString()));
        Assert.Contains("exited with 2", failure.Message);
        Assert.Contains("Carbon:RateLimits:AnonymousWrites", failure.Message);
    }
}
