using System.Net;
using System.Net.Sockets;
using Carbon.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Carbon.Web.Tests.Infrastructure;

/// <summary>The browser tests share one site: the demo district is seeded once (about 20 s), not per test.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<CarbonSite>
{
    public const string Name = "browser";
}

/// <summary>
/// The service as Program.cs builds it (<c>AddCarbon</c> → <c>Build</c> → <c>MapCarbon</c>) with <c>--demo</c>, in this
/// process on a real Kestrel loopback port (a browser needs a real address), the co-hosted silo on a free port and the
/// ledger in a temp folder (no Orleans client gateway, the default); and one headless Chromium that each test opens its own context (cookies) in.
/// </summary>
public sealed class CarbonSite : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "carbon-web-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    /// <summary>The site's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string Url { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>How long start-up with the demo seed took, for the tests' output.</summary>
    public TimeSpan StartedIn { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Chromium.Available)
        {
            return;   // every [BrowserFact] is skipped: no site, no browser
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var dataDir = Path.Combine(_folder, "data");
        Directory.CreateDirectory(dataDir);
        var ports = FreeLoopbackPorts(2);
        Url = $"http://127.0.0.1:{ports[0]}";

        // Content root is the empty temp folder: no appsettings.json is read, so the Carbon defaults apply except below.
        // The application is Carbon.Server (not the test host), so its static web assets (carbon.css, blazor.web.js) are found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(CarbonHost).Assembly.GetName().Name,
            ContentRootPath = _folder,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration["Carbon:DataDirectory"] = dataDir;
        builder.Configuration["Carbon:Silo:SiloPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Carbon:Demo"] = "true";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(Url);
        builder.AddCarbon();
        _app = builder.Build();
        _app.MapCarbon();
        await _app.StartAsync();
        StartedIn = started.Elapsed;

        // Generous waits: under `dotnet test Carbon.sln` the other test projects share the machine's cores.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the closing host; the OS temp cleaner takes it.
        }
    }

    /// <summary>A fresh browser context (its own cookies) on the site, desktop-sized unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Url,
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Distinct free ports on 127.0.0.1, all held open until every one is chosen.</summary>
    private static int[] FreeLoopbackPorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ =>
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            return l;
        }).ToArray();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var l in listeners)
        {
            l.Stop();
        }
        return ports;
    }
}
