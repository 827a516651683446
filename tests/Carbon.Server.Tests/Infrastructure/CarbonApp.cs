using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>
/// The real service (HTTP pipeline, co-hosted silo, SQLite ledger) on a data directory of the test's choosing,
/// with its own silo port (no client gateway, as in production) and a fixed clock.
/// </summary>
public sealed class CarbonApp(string dataDirectory, FixedTime? time = null, IReadOnlyDictionary<string, string?>? settings = null)
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
        });
    }
}
