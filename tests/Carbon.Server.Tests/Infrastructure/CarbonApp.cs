using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>
/// The real service (HTTP pipeline, co-hosted silo, SQLite ledger) on a data directory of the test's choosing,
/// with its own silo port (no client gateway, as in production) and a fixed clock.
/// </summary>
public sealed class CarbonApp(string dataDirectory, FixedTime? time = null, IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<Program>
{
    public FixedTime Time { get; } = time ?? new FixedTime();

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Where the test services' certificates point (a service on the localhost default refuses to issue).</summary>
    public const string PublicBaseUrl = "https://carbon.example.test";

    public static readonly IReadOnlyDictionary<string, string> HighRateLimits = new Dictionary<string, string>
    {
        ["Carbon:RateLimits:Authenticated"] = "10000000",
        ["Carbon:RateLimits:AnonymousReads"] = "10000000",
        ["Carbon:RateLimits:AnonymousWrites"] = "10000000",
        ["Carbon:RateLimits:AnonymousVerifications"] = "10000000",
    };

    /// <summary>The password every test account is given.</summary>
    public const string Password = "Test-pass-2026";

    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    /// <summary>A client signed in (API token) as a district official — what most tests act as.</summary>
    public Task<HttpClient> OfficialAsync() => ClientAsync("test-official", Role.DistrictOfficial);

    /// <summary>
    /// A client signed in as <paramref name="userName"/>, created with this role and scope if it does not exist yet (then
    /// a later call with another scope gets the first one's client: pick a new name for a new scope).
    /// </summary>
    public async Task<HttpClient> ClientAsync(string userName, Role role, string[]? firms = null, string[]? parks = null, string[]? applications = null)
    {
        if (_clients.TryGetValue(userName, out var existing))
        {
            return existing;
        }
        await EnsureAccountAsync(userName, role, firms, parks, applications);
        var http = CreateClient();
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { userName, password = Password })).Content.ReadFromJsonAsync<JsonObject>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!["token"]!.GetValue<string>());
        return _clients.GetOrAdd(userName, http);
    }

    /// <summary>Creates an account straight in the ledger (as POST /api/accounts would), unless it exists.</summary>
    public async Task EnsureAccountAsync(string userName, Role role, string[]? firms = null, string[]? parks = null, string[]? applications = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountRecord>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }
        var account = new AccountRecord { UserName = userName, DisplayName = userName, Role = role.Token(), CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test" };
        account.Scopes.AddRange((firms ?? []).Select(k => new AccountScopeRecord { AccountId = account.Id, Kind = "firm", Key = k })
            .Concat((parks ?? []).Select(k => new AccountScopeRecord { AccountId = account.Id, Kind = "park", Key = k }))
            .Concat((applications ?? []).Select(k => new AccountScopeRecord { AccountId = account.Id, Kind = "application", Key = k })));
        var created = await users.CreateAsync(account, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Carbon:DataDirectory", DataDirectory);
        builder.UseSetting("Carbon:Silo:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests make many requests from one address in a moment: limits no test reaches, unless a test sets its own.
        foreach (var limit in HighRateLimits)
        {
            builder.UseSetting(limit.Key, limit.Value);
        }
        // Certificates point at the address the public uses; a test may set the localhost default back through settings.
        builder.UseSetting("Carbon:PublicBaseUrl", PublicBaseUrl);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            // Orleans takes the same clock: a test that jumps it weeks ahead would make the silo's own membership entry look
            // stale, and the silo would declare itself dead. Liveness is for a cluster under real time, not for this host.
            services.Configure<Orleans.Configuration.ClusterMembershipOptions>(o => o.LivenessEnabled = false);
        });
        if (testServices is { } more)
        {
            builder.ConfigureTestServices(more);
        }
    }
}
