using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Server.Hosting;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Carbon.Server.Tests;

/// <summary>
/// /health/live and /health/ready: anonymous, never rate limited, ready only with the ledger, the factors and a serving
/// silo; ready flips to 503 when the ledger goes away and back when it returns. And a fresh start's console: no warning
/// that is not a problem.
/// </summary>
public class HealthTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ready_names_each_check_and_flips_when_the_ledger_is_unreachable()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        await using var app = new CarbonApp(data);
        var http = app.CreateClient();   // anonymous

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = (await ready.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("healthy", body["status"]!.GetValue<string>());
        var checks = body["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!);
        Assert.Equal(["factors", "ledger", "silo"], checks.Keys.Order());
        Assert.All(checks.Values, c => Assert.Equal("healthy", c!["status"]!.GetValue<string>()));
        using (var db = new Carbon.Server.Ledger.SqliteLedgerDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Carbon.Server.Ledger.SqliteLedgerDbContext>()
                   .UseSqlite("Data Source=:memory:").Options))
        {
            Assert.Equal(db.Database.GetMigrations().Last(), checks["ledger"]!["data"]!["migration"]!.GetValue<string>());   // the last one applied
        }
        Assert.Equal("1", checks["silo"]!["data"]!["active-silos"]!.GetValue<string>());

        // The data folder moved away (a full disk remounted, an operator's mistake): not ready, and no empty ledger made.
        var aside = data + "-aside";
        Directory.Move(data, aside);
        try
        {
            var gone = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.StatusCode);
            var goneBody = (await gone.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("unhealthy", goneBody["status"]!.GetValue<string>());
            var ledger = goneBody["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "ledger")!;
            Assert.Equal("unhealthy", ledger["status"]!.GetValue<string>());
            Assert.Contains("carbon.db", ledger["description"]!.GetValue<string>());
            Assert.False(Directory.Exists(data), "the health check created a ledger where the old one was");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);   // alive: restarting would not help
        }
        finally
        {
            Directory.Move(aside, data);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Probes_are_anonymous_echo_a_correlation_id_and_are_not_rate_limited()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path, settings: new Dictionary<string, string?>
        {
            ["Carbon:RateLimits:AnonymousReads"] = "5",
        });
        var http = app.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        // A caller's well-formed correlation id comes back; a malformed one is replaced by the trace id.
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready") { Headers = { { "X-Correlation-Id", "gw-7f3a.42" } } };
        var response = await http.SendAsync(request);
        Assert.Equal("gw-7f3a.42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "bad id\r\nforged: line");
        response = await http.SendAsync(request);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task A_silo_not_yet_active_is_not_ready()
    {
        var self = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
        foreach (var status in new[] { SiloStatus.Created, SiloStatus.Joining, SiloStatus.ShuttingDown, SiloStatus.Dead })
        {
            var check = new SiloHealthCheck(new Membership(self, status), new Local(self), null!);
            var result = await check.CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains(status.ToString(), result.Description);
        }
    }

    /// <summary>
    /// A fresh start on an empty data folder, as an operator makes it (default log levels, the public address set), until
    /// ready, then a SIGTERM: not one warning, error or critical line on the console.
    /// </summary>
    [LinuxFact]
    public async Task A_fresh_start_and_stop_print_no_warning()
    {
        using var folder = new TempFolder();
        await using var service = await ServiceProcess.StartAsync(Path.Combine(folder.Path, "data"), "--Logging:LogLevel:Default", "Information");
        await Eventually.JsonAsync(service.Http, "/health/ready", r => r["status"]!.GetValue<string>() == "healthy", 30_000);
        Assert.Equal(HttpStatusCode.OK, (await service.Http.GetAsync("/")).StatusCode);
        Assert.Equal(0, await service.StopAsync(TimeSpan.FromSeconds(30)));
        var lines = service.Output;
        output.WriteLine(string.Join('\n', lines));
        Assert.Contains(lines, l => l.Contains("Ledger ready", StringComparison.Ordinal));   // the info lines that matter stay
        var noisy = lines.Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal)
                                     || l.StartsWith("crit:", StringComparison.Ordinal) || l.Contains("Polly", StringComparison.Ordinal)).ToList();
        Assert.True(noisy.Count == 0, "a fresh start printed:\n" + string.Join('\n', noisy));
    }

    private sealed class Local(SiloAddress address) : ILocalSiloDetails
    {
        public string Name => "test";
        public string ClusterId => "test";
        public string DnsHostName => "localhost";
        public SiloAddress SiloAddress => address;
        public SiloAddress GatewayAddress => address;
    }

    private sealed class Membership(SiloAddress self, SiloStatus status) : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot { get; } = new(
            ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(self, new ClusterMember(self, status, "test")), new MembershipVersion(1));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
    }
}
