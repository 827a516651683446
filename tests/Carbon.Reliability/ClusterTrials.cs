using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Carbon.Server.Demo;

namespace Carbon.Reliability;

/// <summary>
/// The cluster test: a throwaway PostgreSQL, two <c>Carbon.Server</c> processes (A and B) forming one Orleans cluster on
/// it (ADO.NET clustering, mutual TLS), filings streamed through A, SIGKILL of A in the middle of the stream, the rest
/// (and whatever A never answered) sent through B. Then: every acknowledged filing is read back through B by content;
/// the firms whose grains lived on A are served by B; the park's and the district's figures equal the ledger's own sum
/// (queried in PostgreSQL); A restarted rejoins the cluster and serves again. No answer may be a 500 — while the cluster
/// has not yet declared A dead, B answers 503 with Retry-After for grains that lived on A.
/// </summary>
public sealed class ClusterTrials(int trials, int writers = 8)
{
    private const string Park = "CLUSTER";
    private const int Firms = 40;
    private const int MonthsPerTrial = 3;

    public async Task<bool> RunAsync()
    {
        Console.WriteLine($"== cluster: {trials} trials, two silos on a throwaway PostgreSQL, {writers} writers, SIGKILL of silo A mid-stream ==");
        if (ThrowawayPostgres.FindBinaries() is null)
        {
            Console.WriteLine("SKIPPED: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql); the cluster test needs its initdb");
            return true;
        }
        var folder = Path.Combine(Path.GetTempPath(), $"carbon-cluster-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var met = true;
        try
        {
            await using var pg = await ThrowawayPostgres.StartAsync();
            var (cert, key) = WriteClusterCertificate(folder);
            string[] args =
            [
                .. Api.NoRateLimits,
                "--Carbon:Database:Provider", "postgres", "--Carbon:Database:ConnectionString", pg.ConnectionString,
                "--Carbon:Silo:Tls:CertificatePath", cert, "--Carbon:Silo:Tls:KeyPath", key,
                // One signing key for the cluster (docs/deployment.md): A creates it, B reads the same file.
                "--Carbon:Certificates:KeyPath", Path.Combine(folder, "keys", "certificate-signing-key.pem"),
            ];
            await using var a = new ServerProcess(Path.Combine(folder, "a"), args);
            await using var b = new ServerProcess(Path.Combine(folder, "b"), args);
            var upA = await a.StartAsync();
            using (await Api.OfficialAsync(a))
            {
                // The first official is made with A's one-time setup code before B starts (B would print a code of its own).
            }
            var upB = await b.StartAsync();
            var active = await pg.QueryAsync("SELECT count(*) FROM orleansmembershiptable WHERE status = 3");
            Console.WriteLine($"PostgreSQL on port {pg.Port}; silo A up in {upA.TotalSeconds:F1} s, B in {upB.TotalSeconds:F1} s; active silos in the membership table: {active}");
            met &= Check(active == "2", "both silos active in OrleansMembershipTable");

            var firms = Enumerable.Range(0, Firms).Select(i => DemoDistrict.Uscc(6_000 + i)).ToList();
            using (var http = await Api.OfficialAsync(a))
            {
                await Api.RegisterParkAsync(http, Park);
                foreach (var uscc in firms)
                {
                    await Api.EnsureAsync(http, HttpMethod.Post, "/api/enterprises", Api.Enterprise(uscc, Park, "集群测试企业"));
                }
            }
            for (var trial = 1; trial <= trials; trial++)
            {
                met &= await TrialAsync(trial, pg, a, b, firms);
            }
        }
        catch (Exception e)
        {
            Console.WriteLine($"FAILED: {e.GetType().Name}: {e.Message}");
            met = false;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        return met;
    }

    private async Task<bool> TrialAsync(int trial, ThrowawayPostgres pg, ServerProcess a, ServerProcess b, IReadOnlyList<string> firms)
    {
        if (!a.IsRunning)
        {
            await a.StartAsync();
        }
        using var viaA = await Api.OfficialAsync(a);
        using var viaB = await Api.OfficialAsync(b);
        var year = 2020 + trial;   // each trial files a fresh year: every filing is a revision 1
        var work = new ConcurrentQueue<(string Uscc, string Month, JsonObject Body)>(
            Enumerable.Range(1, MonthsPerTrial).SelectMany(m => firms.Select((u, i) => (u, $"{year}-{m:D2}", Api.Filing(trial * 1_000 + m * 50 + i)))));
        var total = work.Count;
        var acked = new ConcurrentBag<(string Uscc, string Month, JsonObject Body)>();
        int killed = 0, unavailable = 0, serverErrors = 0, throughB = 0;
        var killWatch = new Stopwatch();
        // A's row in the membership table for this start: earlier trials left rows for A's earlier generations.
        var generation = await pg.QueryAsync($"SELECT max(generation) FROM orleansmembershiptable WHERE port = {a.SiloPort} AND status = 3");
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            while (work.TryDequeue(out var item))
            {
                if (acked.Count >= total / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await a.KillAsync();
                    killWatch.Start();
                }
                for (var attempt = 0; ; attempt++)
                {
                    var useB = Volatile.Read(ref killed) == 1;
                    int status;
                    try
                    {
                        (status, _) = await Api.SendAsync(useB ? viaB : viaA, HttpMethod.Put, $"/api/enterprises/{item.Uscc}/filings/{item.Month}", item.Body);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        status = 0;   // A died under the request: no answer, so not acknowledged
                    }
                    if (status is 200 or 201)
                    {
                        acked.Add(item);
                        if (useB)
                        {
                            Interlocked.Increment(ref throughB);
                        }
                        break;
                    }
                    if (status == 503)
                    {
                        Interlocked.Increment(ref unavailable);
                    }
                    else if (status >= 500)
                    {
                        Interlocked.Increment(ref serverErrors);
                    }
                    else if (status != 0)
                    {
                        throw new InvalidOperationException($"PUT {item.Uscc} {item.Month}: {status}");
                    }
                    if (attempt > 120)
                    {
                        throw new TimeoutException($"PUT {item.Uscc} {item.Month} never succeeded");
                    }
                    await Task.Delay(500);
                }
            }
        })));
        var failover = killWatch.Elapsed;
        var dead = await pg.QueryAsync($"SELECT count(*) FROM orleansmembershiptable WHERE port = {a.SiloPort} AND generation = {generation} AND status = 6");

        // Every acknowledged filing, read back through B by content.
        var lost = 0;
        foreach (var (uscc, month, body) in acked)
        {
            var got = await Api.GetAsync(viaB, $"/api/enterprises/{uscc}/filings/{month}");
            if (!Api.Holds(body, got["current"]))
            {
                lost++;
            }
        }
        // The park and the district against the ledger's own sum of the current revisions (water: a plain sum).
        var ledgerPark = await LedgerWaterAsync(pg, year, Park);
        var ledgerAll = await LedgerWaterAsync(pg, year, null);
        var park = await SettledAsync(viaB, $"/api/parks/{Park}/metrics?year={year}", ledgerPark);
        var district = await SettledAsync(viaB, $"/api/district/metrics?year={year}", ledgerAll);

        var rejoin = Stopwatch.StartNew();
        await a.StartAsync();
        var rejoined = await pg.QueryAsync($"SELECT count(*) FROM orleansmembershiptable WHERE port = {a.SiloPort} AND status = 3");
        using var again = await Api.OfficialAsync(a);
        var servedByA = 0;
        foreach (var uscc in firms.Take(10))
        {
            if ((await Api.SendAsync(again, HttpMethod.Get, $"/api/enterprises/{uscc}/filings/{year}-01")).Status == 200)
            {
                servedByA++;
            }
        }
        var rejoinedIn = rejoin.Elapsed;

        Console.WriteLine($"trial {trial}: {total} filings, {acked.Count} acknowledged ({throughB} through B after the kill); " +
                          $"{unavailable} × 503 while A was not yet declared dead, {serverErrors} × 5xx other than 503; " +
                          $"stream finished {failover.TotalSeconds:F1} s after the kill; A declared dead: {dead == "1"}; " +
                          $"acknowledged and lost: {lost}; park water {park} vs ledger {ledgerPark}, district {district} vs ledger {ledgerAll}; " +
                          $"A rejoined in {rejoinedIn.TotalSeconds:F1} s (active: {rejoined == "1"}, served {servedByA}/10 reads)");
        return Check(acked.Count == total, "every filing acknowledged in the end")
               & Check(lost == 0, "0 acknowledged filings lost")
               & Check(serverErrors == 0, "no 5xx but 503 during the failover")
               & Check(park == ledgerPark && district == ledgerAll, "park and district figures equal the ledger")
               & Check(rejoined == "1" && servedByA == 10, "A rejoins and serves");
    }

    /// <summary>Σ water of the current revision of each firm-month of the year (one park, or all) — straight from PostgreSQL.</summary>
    private static async Task<decimal> LedgerWaterAsync(ThrowawayPostgres pg, int year, string? park)
    {
        var filter = park is null ? "" : $"AND e.\"ParkCode\" = '{park}'";
        var sum = await pg.QueryAsync(
            "SELECT coalesce(sum(f.\"WaterM3\"), 0) FROM filings f JOIN enterprises e ON e.\"Uscc\" = f.\"Uscc\" " +
            $"WHERE f.\"Year\" = {year} {filter} AND f.\"Revision\" = (SELECT max(g.\"Revision\") FROM filings g " +
            "WHERE g.\"Uscc\" = f.\"Uscc\" AND g.\"Year\" = f.\"Year\" AND g.\"Month\" = f.\"Month\")");
        return decimal.Parse(sum, CultureInfo.InvariantCulture);
    }

    /// <summary>The aggregate's water once it equals <paramref name="expected"/>, or its last value after 30 s.</summary>
    private static async Task<decimal> SettledAsync(HttpClient http, string path, decimal expected)
    {
        var last = -1m;
        for (var watch = Stopwatch.StartNew(); watch.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(250))
        {
            var (status, body) = await Api.SendAsync(http, HttpMethod.Get, path);
            if (status == 200 && body?["waterM3"] is { } water)
            {
                last = water.GetValue<decimal>();
                if (last == expected)
                {
                    break;
                }
            }
        }
        return last;
    }

    /// <summary>The cluster's one TLS certificate (self-signed, pinned by every silo) and its key, as PEM files readable by the owner only.</summary>
    private static (string Certificate, string Key) WriteClusterCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=carbon-cluster-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        var cert = Path.Combine(folder, "cluster.pem");
        var key = Path.Combine(folder, "cluster.key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (cert, key);
    }

    private static bool Check(bool ok, string what)
    {
        if (!ok)
        {
            Console.WriteLine($"  BAR MISSED: {what}");
        }
        return ok;
    }
}
