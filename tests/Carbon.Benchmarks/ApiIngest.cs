using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Carbon.Server.Configuration;
using Carbon.Server.Hosting;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Carbon.Benchmarks;

/// <summary>
/// The service as it runs in production (Program.cs: <c>AddCarbon</c>, <c>MapCarbon</c>, Kestrel, co-hosted silo, SQLite
/// ledger) in this process on loopback ports, fed by concurrent HTTP clients.
/// </summary>
internal static class ApiIngest
{
    /// <summary>
    /// Registers the park and enterprises, files the warm-up, then times the measured PUTs; the ledger stays in
    /// <paramref name="folder"/>. Also returns the tables other than <see cref="RawSqlite.FilingTables"/> that the
    /// measured filings wrote rows to: the raw runs would not be comparable if there were any.
    /// </summary>
    public static async Task<(RunResult Result, string[] OtherTablesWritten)> RunAsync(BenchOptions o, Workload w, string folder)
    {
        using var commits = new LedgerCommits();
        var (app, url, ports) = BuildService(folder);
        try
        {
            var startedAt = Stopwatch.GetTimestamp();
            await app.StartAsync();
            Console.WriteLine($"  service up on {url} (silo {ports[1]}, no gateway) in {Stats.F(Stats.Ms(startedAt, Stopwatch.GetTimestamp()) / 1000, 1)} s");

            using var http = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = o.Clients,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                UseProxy = false,
            })
            {
                BaseAddress = new Uri(url),
                Timeout = TimeSpan.FromMinutes(2),
            };
            await SignInAsync(app, http, Workload.Actor);
            var errors = new ConcurrentQueue<string>();

            var setup = Stopwatch.GetTimestamp();
            await SendAsync(http, HttpMethod.Post, "/api/parks",
                Json(new { code = Workload.ParkCode, name = Workload.ParkName, kind = Workload.ParkKind }), errors);
            await Stats.RunWorkersAsync(w.Enterprises.Length, o.Clients, i =>
            {
                var e = w.Enterprises[i];
                return SendAsync(http, HttpMethod.Post, "/api/enterprises",
                    Json(new { uscc = e.Uscc, name = e.Name, industry = e.Industry, parkCode = e.ParkCode, scale = e.Scale, landAreaMu = e.LandAreaMu }),
                    errors);
            });
            ThrowIfAny(errors, "registration");
            Console.WriteLine($"  registered 1 park and {w.Enterprises.Length} enterprises in {Stats.F(Stats.Ms(setup, Stopwatch.GetTimestamp()) / 1000, 1)} s");

            await FileAllAsync(http, w.WarmUp, o.Clients, errors);
            ThrowIfAny(errors, "warm-up");
            var settled = Stats.Settle(TimeSpan.FromSeconds(15));
            Console.WriteLine($"  warm-up: {w.WarmUp.Length} filings, then {Stats.F(settled.TotalSeconds, 1)} s until the process was idle");

            var rowsBefore = RawSqlite.Counts(LedgerPath(folder));
            var before = commits.Now;
            var cpu = Environment.CpuUsage.TotalTime;
            var (elapsed, latencies) = await FileAllAsync(http, w.Measured, o.Clients, errors);
            cpu = Environment.CpuUsage.TotalTime - cpu;
            var committed = commits.Now - before;
            ThrowIfAny(errors, "measured filings");
            var rowsAfter = RawSqlite.Counts(LedgerPath(folder));
            var others = rowsAfter.Where(t => !RawSqlite.FilingTables.Contains(t.Key) && t.Value != rowsBefore.GetValueOrDefault(t.Key))
                .Select(t => t.Key).ToArray();
            return (new RunResult($"API: PUT over loopback HTTP, {o.Clients} clients", w.Measured.Length, elapsed, latencies, cpu, committed),
                others);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>
    /// The service as Program.cs builds it (<c>AddCarbon</c> → <c>Build</c> → <c>MapCarbon</c>), not yet started: Kestrel
    /// on a free loopback port, the silo on a free port (no client gateway, as in production), the ledger in <c>{folder}/data</c>, logging at Warning.
    /// </summary>
    /// <summary>Creates a district official in the ledger and gives the client its API token (the service's front door checks both).</summary>
    public static async Task SignInAsync(WebApplication app, HttpClient http, string userName)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Carbon.Server.Ledger.AccountRecord>>();
            if (await users.FindByNameAsync(userName) is null)
            {
                await users.CreateAsync(new Carbon.Server.Ledger.AccountRecord
                {
                    UserName = userName, DisplayName = userName, Role = "district-official", CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "benchmark",
                }, "Bench-pass-2026");
            }
        }
        var response = await http.PostAsync("/api/auth/token", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { userName, password = "Bench-pass-2026" }), System.Text.Encoding.UTF8, "application/json"));
        var token = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    public static (WebApplication App, string Url, int[] Ports) BuildService(string folder)
    {
        var dataDir = Path.Combine(folder, "data");
        Directory.CreateDirectory(dataDir);
        var ports = FreeLoopbackPorts(2);
        var url = $"http://127.0.0.1:{ports[0]}";

        // Content root is the empty run folder: no appsettings.json is read, so the Carbon defaults apply except below.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = folder,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration["Carbon:DataDirectory"] = dataDir;
        builder.Configuration["Carbon:Silo:SiloPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        // The benchmark's clients are one address filing as fast as they can: it measures ingest, not the rate limiter.
        foreach (var limit in new[] { "Authenticated", "AnonymousReads", "AnonymousWrites", "AnonymousVerifications" })
        {
            builder.Configuration[$"Carbon:RateLimits:{limit}"] = "100000000";
        }
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(url);
        builder.AddCarbon();

        var app = builder.Build();
        app.MapCarbon();
        return (app, url, ports);
    }

    /// <summary>The service's ledger file, for the row checks after the run.</summary>
    public static string LedgerPath(string folder) => Path.Combine(folder, "data", LedgerServices.SqliteFile);

    private static async Task<(TimeSpan Elapsed, double[] LatenciesMs)> FileAllAsync(
        HttpClient http, FilingData[] filings, int clients, ConcurrentQueue<string> errors)
    {
        // Bodies are serialised before the clock starts: the clients share the two cores with the service.
        var bodies = filings.Select(f => f.ToJson()).ToArray();
        var latencies = new double[filings.Length];
        var start = Stopwatch.GetTimestamp();
        await Stats.RunWorkersAsync(filings.Length, clients, async i =>
        {
            var f = filings[i];
            var t0 = Stopwatch.GetTimestamp();
            await SendAsync(http, HttpMethod.Put, $"/api/enterprises/{f.Uscc}/filings/{f.MonthText}", bodies[i], errors);
            latencies[i] = Stats.Ms(t0, Stopwatch.GetTimestamp());
        });
        return (Stopwatch.GetElapsedTime(start), latencies);
    }

    /// <summary>Sends one request and reads the whole response; anything but 201 Created is recorded as an error.</summary>
    private static async Task SendAsync(HttpClient http, HttpMethod method, string path, byte[] body, ConcurrentQueue<string> errors)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            errors.Enqueue($"{method} {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(text)}");
        }
    }

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private static void ThrowIfAny(ConcurrentQueue<string> errors, string stage)
    {
        if (!errors.IsEmpty)
        {
            throw new InvalidOperationException(
                $"{errors.Count} requests failed during {stage} (expected 201 Created); first: {errors.First()}");
        }
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
