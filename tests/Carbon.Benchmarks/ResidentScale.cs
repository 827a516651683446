using System.Diagnostics;
using System.Globalization;
using System.Net;
using Carbon.Server.Demo;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Carbon.Benchmarks;

/// <summary>The command line of the resident mode: <c>resident --ledger FILE [--firms N] [--concurrency C] [--temp DIR]</c>.</summary>
internal sealed record ResidentOptions(string? Ledger, int Firms, int Concurrency, string? TempRoot)
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/Carbon.Benchmarks -- resident --ledger FILE [--firms N] [--concurrency C] [--temp DIR]\n" +
        "  the first run with a FILE that does not exist seeds it (N firms × 2020-01..2025-12) and stops; later runs copy it and measure";

    public static ResidentOptions Parse(string[] args)
    {
        var o = new ResidentOptions(null, 10_000, 64, null);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value");
            }
            var value = args[++i];
            o = name switch
            {
                "--ledger" => o with { Ledger = Path.GetFullPath(value) },
                "--firms" => o with { Firms = Positive(name, value) },
                "--concurrency" => o with { Concurrency = Positive(name, value) },
                "--temp" => o with { TempRoot = value },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return o.Ledger is null ? throw new ArgumentException("--ledger is required")
            : o.Firms > ScaleDistrict.MaxFirms ? throw new ArgumentException($"--firms is at most {ScaleDistrict.MaxFirms}") : o;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'");
}

/// <summary>
/// Issue 15 §2: a district of N firms × six years (72 months each) resident in memory. In a fresh process: the service
/// starts on a copy of a seeded ledger (cold start: process start → listening, → first filing served), the background
/// warm-up runs, then every enterprise grain is activated (each reads its firm's 72 months from the ledger) and the
/// process's working set and GC heap are printed. Seeding is a separate run (it takes minutes and is not measured).
/// </summary>
internal static class ResidentScale
{
    private static readonly int[] Years = [2020, 2021, 2022, 2023, 2024, 2025];
    private static readonly GrainType EnterpriseGrainType = GrainType.Create("enterprise");

    public static async Task<int> RunAsync(string[] args)
    {
        var processStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        ResidentOptions o;
        try
        {
            o = ResidentOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(ResidentOptions.Usage);
            return 2;
        }
        var root = Path.Combine(Path.GetFullPath(o.TempRoot ?? Path.GetTempPath()), $"carbon-bench-resident-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            return File.Exists(o.Ledger) ? await MeasureAsync(o, root, processStart) : await SeedAsync(o, root);
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

    private static async Task<int> SeedAsync(ResidentOptions o, string root)
    {
        Console.WriteLine($"Carbon resident benchmark: seeding {o.Firms} firms × {Years[0]}-01..{Years[^1]}-12 into {o.Ledger}");
        var (app, _, _) = ApiIngest.BuildService(root);
        await using (app)
        {
            var seed = await EvaluationScale.SeedAsync(app.Services, o.Firms, Years);
            Console.WriteLine($"  {seed.Firms} firms, {seed.Filings} filing revisions, {seed.EnergyLines} energy lines in {Stats.F(seed.Seconds, 1)} s");
            await using var db = app.Services.GetRequiredService<Carbon.Server.Ledger.ILedgerContextFactory>().Create();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(Path.GetDirectoryName(o.Ledger!)!);
        File.Copy(ApiIngest.LedgerPath(root), o.Ledger!);
        Console.WriteLine($"  ledger {Stats.F(new FileInfo(o.Ledger!).Length / 1048576.0, 0)} MiB saved; run again with the same --ledger to measure");
        return 0;
    }

    private static async Task<int> MeasureAsync(ResidentOptions o, string root, DateTime processStart)
    {
        var checks = new List<(string What, bool Ok)>();
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.Copy(o.Ledger!, ApiIngest.LedgerPath(root));
        var copied = DateTime.UtcNow;

        var (app, url, _) = ApiIngest.BuildService(root);
        await app.StartAsync();
        var listening = DateTime.UtcNow;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(5) };
        await ApiIngest.SignInAsync(app, http, "benchmark");
        using (var first = await http.GetAsync($"/api/enterprises/{DemoDistrict.Uscc(0)}/filings/2025-06"))
        {
            checks.Add(("first filing GET answered 200", first.StatusCode == HttpStatusCode.OK));
        }
        var served = DateTime.UtcNow;
        var settle = Stats.Settle(TimeSpan.FromMinutes(5));
        var idle = DateTime.UtcNow;
        Console.WriteLine("Carbon resident benchmark");
        Console.WriteLine($"machine: {Program.MachineLine()}");
        Console.WriteLine($"options: resident --ledger {o.Ledger} --firms {o.Firms} --concurrency {o.Concurrency}");
        Console.WriteLine($"ledger:  {Stats.F(new FileInfo(o.Ledger!).Length / 1048576.0, 0)} MiB, copied in " +
                          $"{Stats.F((copied - processStart).TotalSeconds, 1)} s after process start (in the times below)");
        Console.WriteLine($"cold start: process start → listening {Stats.F((listening - processStart).TotalSeconds, 2)} s; " +
                          $"→ first filing served (sign-in included) {Stats.F((served - processStart).TotalSeconds, 2)} s; " +
                          $"→ background warm-up done (process idle) {Stats.F((idle - processStart).TotalSeconds, 1)} s");
        Memory("after start and warm-up");

        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var usccs = Enumerable.Range(0, o.Firms).Select(DemoDistrict.Uscc).ToArray();
        var query = new PeriodQuery(2025, 12);
        var caller = Carbon.Domain.Access.Caller.System("benchmark");
        var totals = new PeriodTotals?[o.Firms];
        var cpu = Environment.CpuUsage.TotalTime;
        var t0 = Stopwatch.GetTimestamp();
        await Stats.RunWorkersAsync(o.Firms, o.Concurrency, async i =>
            totals[i] = await grains.GetGrain<IEnterpriseGrain>(usccs[i]).GetTotalsAsync(query, caller));
        var activation = Stopwatch.GetElapsedTime(t0);
        var activationCpu = Environment.CpuUsage.TotalTime - cpu;
        var active = (await management.GetActiveGrains(EnterpriseGrainType)).Count;
        Console.WriteLine($"activating {o.Firms} enterprise grains (GetTotalsAsync 2025 through 12, {o.Concurrency} in flight): " +
                          $"{Stats.F(activation.TotalSeconds, 1)} s, CPU {Stats.F(activationCpu.TotalSeconds, 1)} s; {active} active");
        checks.Add(($"every firm answered ({totals.Count(t => t is not null)})", totals.All(t => t is not null)));
        checks.Add(($"{active} enterprise grains active ≥ {o.Firms}", active >= o.Firms));
        Stats.Settle(TimeSpan.FromSeconds(30));
        Memory($"with {active} enterprise grains active");
        var months = 0L;
        foreach (var chunk in usccs.Chunk(o.Concurrency))
        {
            foreach (var m in await Task.WhenAll(chunk.Select(u => grains.GetGrain<IEnterpriseGrain>(u).ListFilingsAsync(caller))))
            {
                months += m?.Length ?? 0;
            }
        }
        Console.WriteLine($"  months held by the grains: {months} ({Stats.F((double)months / o.Firms, 1)} per firm)");
        Memory($"with {active} enterprise grains active, after a full GC", collect: true);
        Console.WriteLine($"  peak working set {Stats.F(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 0)} MiB");
        // Server GC keeps the memory it committed at the peak (activation's transient garbage); an aggressive collection hands
        // the free part back to the OS, so the working set shows what is live.
        var resident = Memory($"with {active} enterprise grains active, after an aggressive GC (free memory returned to the OS)", aggressive: true);

        // History on demand: an earlier revision is read from the ledger.
        var revised = await FindRevisedAsync(grains, usccs, caller);
        if (revised is { } r)
        {
            var view = await grains.GetGrain<IEnterpriseGrain>(r.Uscc).GetFilingAsync(r.Month, caller, 1);
            checks.Add(($"revision 1 of {r.Uscc} {r.Month} read on demand", view is { Revision: 1, History.Length: 2 }));
        }
        Console.WriteLine();
        Console.WriteLine($"target: cold start < 10 s (process start → first filing served): {Stats.F((served - processStart).TotalSeconds, 2)} s " +
                          $"{((served - processStart).TotalSeconds < 10 ? "MET" : "NOT MET")}");
        Console.WriteLine($"target: {o.Firms} firms × 72 months resident in < 1 GiB working set: {Stats.F(resident / 1048576.0, 0)} MiB " +
                          $"{(resident < 1L << 30 ? "MET" : "NOT MET")} (after an aggressive GC; see the lines above for before it)");
        foreach (var (what, ok) in checks)
        {
            Console.WriteLine($"check: {what}: {(ok ? "yes" : "NO")}");
        }
        await app.StopAsync();
        await app.DisposeAsync();
        return checks.All(c => c.Ok) ? 0 : 1;
    }

    private static async Task<(string Uscc, Carbon.Domain.Registry.YearMonth Month)?> FindRevisedAsync(IGrainFactory grains, string[] usccs,
        Carbon.Domain.Access.Caller caller)
    {
        foreach (var uscc in usccs.Take(200))
        {
            if (await grains.GetGrain<IEnterpriseGrain>(uscc).ListFilingsAsync(caller) is { } months && months.FirstOrDefault(m => m.Revision > 1) is { } m)
            {
                return (uscc, m.Month);
            }
        }
        return null;
    }

    /// <summary>Prints GC heap and working set; returns the working set in bytes.</summary>
    private static long Memory(string when, bool collect = false, bool aggressive = false)
    {
        if (aggressive)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        else if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        var info = GC.GetGCMemoryInfo();
        var ws = Environment.WorkingSet;
        Console.WriteLine($"  memory {when}: GC heap {Stats.F(info.HeapSizeBytes / 1048576.0, 0)} MiB " +
                          $"(GC.GetTotalMemory {Stats.F(GC.GetTotalMemory(false) / 1048576.0, 0)} MiB), working set {Stats.F(ws / 1048576.0, 0)} MiB");
        return ws;
    }
}
