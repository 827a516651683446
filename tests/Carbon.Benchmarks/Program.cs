using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Carbon.Benchmarks;

/// <summary>
/// Benchmarks, chosen by the first argument (see docs/performance.md):
/// <list type="bullet">
/// <item><c>ingest</c> (the default): filing ingest through the whole service (HTTP → validation → grain → group-committed
/// EF Core ledger) against the physical limit of the same SQLite file with the same durability;</item>
/// <item><c>evaluation</c>: 亩均 evaluation of a large district (<see cref="EvaluationScale"/>);</item>
/// <item><c>certificates</c>: certificate PDF speed and size (<see cref="CertificateSpeed"/>);</item>
/// <item><c>pages</c>: the web pages' server time on the demo district (<see cref="PageSpeed"/>);</item>
/// <item><c>import</c>: a template of 10 000 firm-months imported against raw batched inserts (<see cref="ImportSpeed"/>);</item>
/// <item><c>resident</c>: 10 000 firms × 72 months in memory: cold start, activation, working set (<see cref="ResidentScale"/>).</item>
/// </list>
/// </summary>
internal static class Program
{
    /// <summary>Issue 15's target: the API ingests at least as fast as raw SQLite one transaction per filing (issue 3's was 0.3).</summary>
    private const double Target = 1.0;

    private static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["evaluation", .. var rest]:
                return await EvaluationScale.RunAsync(rest);
            case ["certificates", .. var rest]:
                return CertificateSpeed.Run(rest);
            case ["pages", .. var rest]:
                return await PageSpeed.RunAsync(rest);
            case ["import", .. var rest]:
                return await ImportSpeed.RunAsync(rest);
            case ["resident", .. var rest]:
                return await ResidentScale.RunAsync(rest);
            case ["ingest", .. var rest]:
                args = rest;
                break;
        }
        BenchOptions o;
        try
        {
            o = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        var root = Path.Combine(Path.GetFullPath(o.TempRoot ?? Path.GetTempPath()), $"carbon-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        Console.WriteLine("Carbon ingest benchmark");
        Console.WriteLine($"machine: {MachineLine()}");
        Console.WriteLine($"options: --filings {o.Filings} --enterprises {o.Enterprises} --clients {o.Clients} " +
                          $"--batch {o.Batch} --warmup {o.Warmup}");
        Console.WriteLine($"data:    {root}");
        try
        {
            var w = new Workload(o);

            Console.WriteLine("1. API ingest (service in-process, loopback HTTP)");
            var apiFolder = Path.Combine(root, "api");
            var (api, otherTables) = await ApiIngest.RunAsync(o, w, apiFolder);
            Console.WriteLine($"  {api.Filings} filings in {Stats.F(api.Elapsed.TotalSeconds, 2)} s");

            Console.WriteLine("2a. raw SQLite, one transaction per filing");
            var perFilingDb = Path.Combine(root, "raw-per-filing", "carbon.db");
            Directory.CreateDirectory(Path.GetDirectoryName(perFilingDb)!);
            var perFiling = RawSqlite.Run("raw SQLite: 1 transaction per filing", w, perFilingDb, ApiIngest.LedgerPath(apiFolder), 1);
            Console.WriteLine($"  {perFiling.Filings} filings in {Stats.F(perFiling.Elapsed.TotalSeconds, 2)} s");

            Console.WriteLine($"2b. raw SQLite, {o.Batch} filings per transaction");
            var batchedDb = Path.Combine(root, "raw-batched", "carbon.db");
            Directory.CreateDirectory(Path.GetDirectoryName(batchedDb)!);
            var batched = RawSqlite.Run($"raw SQLite: {o.Batch} filings per transaction", w, batchedDb, ApiIngest.LedgerPath(apiFolder), o.Batch);
            Console.WriteLine($"  {batched.Filings} filings in {Stats.F(batched.Elapsed.TotalSeconds, 3)} s");

            var consistent = Check(w, otherTables, ApiIngest.LedgerPath(apiFolder), perFilingDb, batchedDb);
            Report(o, api, perFiling, batched);
            return consistent ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"could not delete {root}: {e.Message}");
            }
        }
    }

    private static void Report(BenchOptions o, RunResult api, RunResult perFiling, RunResult batched)
    {
        Console.WriteLine();
        Console.WriteLine("| run | filings | time s | filings/s | p50 ms | p99 ms | CPU ms/filing |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { api, perFiling, batched })
        {
            Console.WriteLine($"| {r.Name} | {r.Filings} | {Stats.F(r.Elapsed.TotalSeconds, 2)} | {Stats.F(r.FilingsPerSecond, 0)} | " +
                              $"{Stats.F(r.P50, 2)} | {Stats.F(r.P99, 2)} | {Stats.F(r.CpuMsPerFiling, 2)} |");
        }
        var vsPerFiling = api.FilingsPerSecond / perFiling.FilingsPerSecond;
        var vsBatched = api.FilingsPerSecond / batched.FilingsPerSecond;
        Console.WriteLine();
        Console.WriteLine($"API ÷ raw per-filing: {Stats.F(vsPerFiling, 2)}");
        Console.WriteLine($"API ÷ raw batched ({o.Batch}/tx): {Stats.F(vsBatched, 3)}");
        Console.WriteLine($"target API ≥ {Stats.F(Target, 1)} × raw per-filing: {(vsPerFiling >= Target ? "MET" : "NOT MET")}");
        if (api.Commits is { Saves: > 0 } c)
        {
            Console.WriteLine($"API ledger: {c.Saves} group commits for {api.Filings} filings ({Stats.F((double)api.Filings / c.Saves, 1)} per commit), " +
                              $"{Stats.F(c.CommitTime.TotalSeconds, 2)} s in COMMIT ({Stats.F(100 * c.CommitTime / api.Elapsed, 0)} % of wall time)");
        }
        Console.WriteLine("(p50/p99: per HTTP request for the API, per commit for raw per-filing, — for batches; " +
                          "CPU: the whole process, service and clients, over the two cores)");
    }

    /// <summary>All three ledgers hold the same rows, and the raw runs stored values as the service does.</summary>
    private static bool Check(Workload w, string[] otherTables, string apiDb, string perFilingDb, string batchedDb)
    {
        Console.WriteLine($"check: the service's filings wrote only to {string.Join(", ", RawSqlite.FilingTables)}: " +
                          (otherTables.Length == 0 ? "yes" : $"NO, also {string.Join(", ", otherTables)}: RawSqlite must write those rows too"));
        var counts = new[] { apiDb, perFilingDb, batchedDb }
            .Select(db => string.Join(", ", RawSqlite.Counts(db).Select(t => $"{t.Key} {t.Value}"))).ToArray();
        var sameCounts = counts.Distinct().Count() == 1;
        Console.WriteLine($"check: rows in each ledger: {(sameCounts ? counts[0] + ": identical" : "DIFFERENT: " + string.Join(" / ", counts))}");

        var sample = w.Measured[^1];
        var service = RawSqlite.FilingRow(apiDb, sample);
        var raw = RawSqlite.FilingRow(perFilingDb, sample);
        var differing = service.Keys.Where(k => k is not ("Id" or "RecordedAt") && raw.GetValueOrDefault(k) != service[k]).ToList();
        var timeShape = IsStoredTime(service.GetValueOrDefault("RecordedAt")) && IsStoredTime(raw.GetValueOrDefault("RecordedAt"));
        var sameRow = service.Count > 0 && differing.Count == 0 && timeShape;
        Console.WriteLine($"check: filing {sample.Uscc} {sample.MonthText} stored alike by service and raw run " +
                          $"(e.g. WaterM3 {service.GetValueOrDefault("WaterM3")}, RecordedAt {service.GetValueOrDefault("RecordedAt")}): " +
                          (sameRow ? "yes" : $"NO: {string.Join(", ", differing.Select(k => $"{k} {service[k]} vs {raw.GetValueOrDefault(k)}"))}"));
        return otherTables.Length == 0 && sameCounts && sameRow;
    }

    private static bool IsStoredTime(string? typed) =>
        typed is not null && typed.StartsWith("TEXT:", StringComparison.Ordinal)
        && DateTimeOffset.TryParseExact(typed["TEXT:".Length..], RawSqlite.DateTimeOffsetFormat,
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    /// <summary>Processors, OS, runtime, GC and SQLite version, for the record of a run.</summary>
    public static string MachineLine() =>
        $"{Environment.ProcessorCount} logical processors; {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}); " +
        $"{RuntimeInformation.FrameworkDescription}; {(GCSettings.IsServerGC ? "server" : "workstation")} GC; SQLite {SqliteVersion()}";

    private static string SqliteVersion()
    {
        using var conn = new SqliteConnection("Data Source=:memory:");
        conn.Open();
        return conn.ServerVersion;
    }
}
