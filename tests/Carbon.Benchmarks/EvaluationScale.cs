using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Carbon.Domain.MuYield;
using Carbon.Server.Demo;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Configuration;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace Carbon.Benchmarks;

/// <summary>The command line of the evaluation mode: <c>evaluation [--firms N] [--reps R] [--concurrency C] [--temp DIR]</c>.</summary>
internal sealed record EvaluationOptions(int Firms, int Reps, int Concurrency, string? TempRoot)
{
    public static readonly EvaluationOptions Default = new(10_000, 3, 64, null);

    public const string Usage =
        "usage: dotnet run -c Release --project tests/Carbon.Benchmarks -- evaluation " +
        "[--firms N] [--reps R] [--concurrency C] [--temp DIR]";

    public static EvaluationOptions Parse(string[] args)
    {
        var o = Default;
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
                "--firms" => o with { Firms = Positive(name, value) },
                "--reps" => o with { Reps = Positive(name, value) },
                "--concurrency" => o with { Concurrency = Positive(name, value) },
                "--temp" => o with { TempRoot = value },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return o.Firms > ScaleDistrict.MaxFirms ? throw new ArgumentException($"--firms is at most {ScaleDistrict.MaxFirms}") : o;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'");
}

/// <summary>
/// 亩均 evaluation at scale (docs/performance.md): a ledger of N firms seeded with EF Core before the silo starts, then
/// the real service in-process, measuring the two ways to get every firm's inputs (one bulk ledger read, as
/// <see cref="EvaluationGrain"/> does through <see cref="EvaluationSnapshots"/>, or a fan-out over the enterprise grains,
/// cold and warm), the pure evaluation compute, and the HTTP end to end.
/// </summary>
internal static class EvaluationScale
{
    /// <summary>The issue's target: evaluating 10 000 firms takes under a second of compute.</summary>
    private const double TargetMs = 1000;

    private const int SeedChunk = 2_000;           // rows per SaveChanges, as DemoSeeder
    private const int GetsPerRun = 10;             // GET page and GET firm requests per stored run
    private const string EndToEndMethod = "huangyan-2022";

    private static readonly GrainType EnterpriseGrainType = GrainType.Create("enterprise");
    private static readonly GrainType EvaluationGrainType = GrainType.Create("evaluation");

    public static async Task<int> RunAsync(string[] args)
    {
        EvaluationOptions o;
        try
        {
            o = EvaluationOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(EvaluationOptions.Usage);
            return 2;
        }

        var root = Path.Combine(Path.GetFullPath(o.TempRoot ?? Path.GetTempPath()), $"carbon-bench-eval-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        Console.WriteLine("Carbon 亩均 evaluation-at-scale benchmark");
        Console.WriteLine($"machine: {Program.MachineLine()}");
        Console.WriteLine($"options: evaluation --firms {o.Firms} --reps {o.Reps} --concurrency {o.Concurrency}");
        Console.WriteLine($"data:    {root}");
        var started = Stopwatch.GetTimestamp();
        var rows = new List<Row>();
        var checks = new List<(string What, bool Ok)>();
        var (app, url, ports) = ApiIngest.BuildService(root);
        try
        {
            Console.WriteLine($"1. seed {o.Firms} firms with EF Core, before the silo starts");
            var seed = await SeedAsync(app.Services, o.Firms);
            Console.WriteLine($"  {seed.Firms} firms, {ScaleDistrict.Parks.Length} parks, {seed.Filings} filing revisions " +
                              $"({seed.Filings2024} in {ScaleDistrict.Year}), {seed.EnergyLines} energy lines in {Stats.F(seed.Seconds, 1)} s " +
                              $"({Stats.F(seed.GenerateSeconds, 1)} s generating, the rest EF Core); " +
                              $"ledger {Stats.F(new FileInfo(ApiIngest.LedgerPath(root)).Length / 1048576.0, 0)} MiB");

            var t0 = Stopwatch.GetTimestamp();
            await app.StartAsync();
            Console.WriteLine($"  service up on {url} (silo {ports[1]}, no gateway) in {Stats.F(Stats.Ms(t0, Stopwatch.GetTimestamp()) / 1000, 1)} s");
            Memory("after start");
            var grains = app.Services.GetRequiredService<IGrainFactory>();
            var management = grains.GetGrain<IManagementGrain>(0);
            var usccs = Enumerable.Range(0, o.Firms).Select(DemoDistrict.Uscc).ToArray();
            checks.Add(("no enterprise grain active before the fan-out", (await management.GetActiveGrains(EnterpriseGrainType)).Count == 0));

            // a. The bulk ledger read, and the gather on kept year sums: what EvaluationGrain.RunAsync does first.
            Console.WriteLine("2a. inputs: EvaluationSnapshots — the year summed from the ledger, and GatherAsync with the sums cold and kept");
            var snapshots = app.Services.GetRequiredService<EvaluationSnapshots>();
            var registryReads = app.Services.GetRequiredService<RegistryReads>();
            var factorSet = app.Services.GetRequiredService<Carbon.Domain.Factors.FactorSet>();
            var landReads = app.Services.GetRequiredService<LandReads>();
            List<EvaluationInputRecord> inputs = [];
            var bulk = await RepeatAsync("inputs: the year summed from the ledger (YearTotalsFromLedgerAsync, the bulk read)", o.Reps,
                () => snapshots.YearTotalsFromLedgerAsync(ScaleDistrict.Year));
            rows.Add(bulk);
            var gatherCold = await RepeatAsync("inputs: GatherAsync, year sums cold (a fresh EvaluationSnapshots sums the ledger)", o.Reps,
                async () => inputs = await new EvaluationSnapshots(registryReads, factorSet, landReads).GatherAsync("bench", ScaleDistrict.Year));
            rows.Add(gatherCold);
            var gather = await RepeatAsync("inputs: GatherAsync, year sums kept (the service's EvaluationSnapshots)", o.Reps,
                async () => inputs = await snapshots.GatherAsync("bench", ScaleDistrict.Year));
            rows.Add(gather);
            checks.Add(($"bulk read returned {inputs.Count} firms = {o.Firms}", inputs.Count == o.Firms));
            checks.Add(($"bulk read: firms with 12 months {inputs.Count(i => i.MonthsFiled == 12)} = seeded {seed.FullYearFirms}",
                inputs.Count(i => i.MonthsFiled == 12) == seed.FullYearFirms));

            // b. The fan-out: every enterprise grain's totals, cold (activation reads its rows) then warm.
            Console.WriteLine($"2b. fan-out: IEnterpriseGrain.GetTotalsAsync({ScaleDistrict.Year}, 12) for every firm, {o.Concurrency} in flight");
            var query = new PeriodQuery(ScaleDistrict.Year, 12);
            var totals = new PeriodTotals?[o.Firms];
            Task FanOutAsync() => Stats.RunWorkersAsync(o.Firms, o.Concurrency, async i =>
                totals[i] = await grains.GetGrain<IEnterpriseGrain>(usccs[i]).GetTotalsAsync(query, Carbon.Domain.Access.Caller.System("benchmark")));
            var cold = new Row("inputs: fan-out over grains, cold (each activation reads its firm)");
            var warm = new Row("inputs: fan-out over grains, warm (grains in memory)");
            var deactivations = new List<double>();
            for (var r = -1; r < o.Reps; r++)
            {
                // Rep -1 is the warm-up of both (JIT), untimed, like the bulk read's.
                var d = Stopwatch.GetTimestamp();
                var left = await DeactivateAsync(management, EnterpriseGrainType);
                deactivations.Add(Stats.Ms(d, Stopwatch.GetTimestamp()));
                if (left > 0)
                {
                    throw new InvalidOperationException($"{left} enterprise grains still active after the forced collection: the cold run would be warm");
                }
                Stats.Settle(TimeSpan.FromSeconds(10));
                var c = await TimeAsync(FanOutAsync);
                Stats.Settle(TimeSpan.FromSeconds(10));
                var w = await TimeAsync(FanOutAsync);
                if (r >= 0)
                {
                    cold.Samples.Add(c);
                    warm.Samples.Add(w);
                }
            }
            rows.Add(cold);
            rows.Add(warm);
            var active = (await management.GetActiveGrains(EnterpriseGrainType)).Count;
            Console.WriteLine($"  {active} enterprise grains active after the warm pass; deactivating all of them took " +
                              $"{Stats.F(Median(deactivations), 0)} ms (median, not in the figures)");
            Memory($"with {active} enterprise grains active");
            var bulkVa = inputs.Sum(i => i.ValueAdded);
            var fanVa = totals.Sum(t => t?.Current.ValueAdded ?? 0m);
            checks.Add(($"fan-out answered for every firm ({totals.Count(t => t is not null)})", totals.All(t => t is not null)));
            checks.Add(($"fan-out and bulk read agree: Σ value added {ScaleDistrict.Year} = {bulkVa:0.##} 万元", fanVa == bulkVa));

            // c. Pure compute, with both shipped methods; and what the grain does around it (order, map, views).
            var factorsPath = Path.Combine(AppContext.BaseDirectory, "factors");
            var catalog = MethodCatalog.Load(factorsPath);
            Console.WriteLine($"2c. compute: MuYieldEvaluator.Evaluate on {inputs.Count} firms, methods from {factorsPath}");
            var domain = inputs.OrderBy(i => i.Uscc, StringComparer.Ordinal).Select(i => i.ToDomain()).ToList();
            var computeRows = new List<Row>();
            Row? grainCompute = null;
            foreach (var method in catalog.Methods.Values.OrderBy(m => m.Method.Id == EndToEndMethod ? 0 : 1))
            {
                MuYieldEvaluation? result = null;
                var row = await RepeatAsync($"compute: MuYieldEvaluator.Evaluate, {method.Method.Id}", o.Reps,
                    () => { result = MuYieldEvaluator.Evaluate(method.Method, ScaleDistrict.Year, domain); return Task.CompletedTask; });
                Console.WriteLine($"  {method.Method.Id}: {result!.Firms.Count} evaluated ({result.Firms.Count(f => f.ExemptReason is not null)} exempt), " +
                                  $"{result.NotEvaluated.Count} not evaluated; populations " +
                                  string.Join(", ", result.Populations.Select(p => $"{p.Id} {p.Evaluated}")));
                rows.Add(row);
                computeRows.Add(row);
                var run = new EvaluationRunRecord
                {
                    Id = "bench", Year = ScaleDistrict.Year, MethodId = method.Method.Id, MethodVersion = method.Version, MethodJson = method.Json,
                    FactorSetVersion = snapshots.FactorSetVersion, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "benchmark", Inputs = inputs,
                };
                var asGrain = await RepeatAsync($"compute + views as EvaluationGrain does, {method.Method.Id}", o.Reps,
                    () => { EvaluationViews.FromRun(run); return Task.CompletedTask; });
                rows.Add(asGrain);
                grainCompute ??= asGrain;   // the end-to-end method's, which comes first
            }

            // d. End to end over loopback HTTP.
            Console.WriteLine($"2d. end to end: POST /api/evaluations {{year: {ScaleDistrict.Year}, method: {EndToEndMethod}}}, then GETs");
            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
            {
                BaseAddress = new Uri(url),
                Timeout = TimeSpan.FromMinutes(5),
            };
            await ApiIngest.SignInAsync(app, http, "benchmark");
            // The baseline year has not been read by anyone yet: its first POST sums it from the ledger (JIT already warm).
            Stats.Settle(TimeSpan.FromSeconds(10));
            var firstOfYear = new Row($"HTTP POST /api/evaluations {ScaleDistrict.BaselineYear} ({EndToEndMethod}), first of its year: sums cold");
            firstOfYear.Samples.Add(await TimeAsync(() => PostRunAsync(http,
                JsonSerializer.SerializeToUtf8Bytes(new { year = ScaleDistrict.BaselineYear, method = EndToEndMethod }))));
            rows.Add(firstOfYear);
            var post = new Row($"HTTP POST /api/evaluations ({EndToEndMethod}) → 201");
            var page = new Row("HTTP GET /api/evaluations/{id}/enterprises?page=1&pageSize=50");
            var firm = new Row("HTTP GET /api/evaluations/{id}/enterprises/{uscc}");
            var reloaded = new Row("HTTP GET …/enterprises?page=1, run grain cold (reloads the stored run)");
            var runIds = new List<string>();
            var body = JsonSerializer.SerializeToUtf8Bytes(new { year = ScaleDistrict.Year, method = EndToEndMethod });
            for (var r = -1; r < o.Reps; r++)
            {
                Stats.Settle(TimeSpan.FromSeconds(10));
                string? id = null;
                var sample = await TimeAsync(async () => id = await PostRunAsync(http, body));
                runIds.Add(id!);
                var usccsOnPage = new List<string>();
                for (var k = 0; k < GetsPerRun; k++)
                {
                    var p = await TimeAsync(async () => usccsOnPage = await GetPageAsync(http, id!));
                    var f = await TimeAsync(() => GetAsync(http, $"/api/evaluations/{id}/enterprises/{usccsOnPage[k * 5 % usccsOnPage.Count]}"));
                    if (r >= 0)
                    {
                        page.Samples.Add(p);
                        firm.Samples.Add(f);
                    }
                }
                if (r >= 0)
                {
                    post.Samples.Add(sample);
                }
            }
            // Every grain deactivated: the first GET of a run activates its grain, which reads the run's inputs and evaluates again.
            var leftRuns = await DeactivateAsync(management, EvaluationGrainType);
            checks.Add(("evaluation grains deactivated before the cold GETs", leftRuns == 0));
            Stats.Settle(TimeSpan.FromSeconds(10));
            foreach (var id in runIds.Skip(1))
            {
                reloaded.Samples.Add(await TimeAsync(() => GetPageAsync(http, id)));
            }
            rows.AddRange([post, page, firm, reloaded]);

            Report(o, rows, bulk, cold, warm, computeRows, grainCompute!, post, gather, firstOfYear);
            Memory("at the end");
            Memory("at the end, after a full GC", collect: true);
            Console.WriteLine($"  peak working set {Stats.F(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 0)} MiB");
            foreach (var (what, ok) in checks)
            {
                Console.WriteLine($"check: {what}: {(ok ? "yes" : "NO")}");
            }
            Console.WriteLine($"whole run {Stats.F(Stopwatch.GetElapsedTime(started).TotalSeconds, 0)} s");
            return checks.All(c => c.Ok) ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
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

    internal sealed record SeedResult(int Firms, int FullYearFirms, long Filings, long Filings2024, long EnergyLines, double Seconds,
        double GenerateSeconds);

    /// <summary>
    /// The schema through the service's own migrations, then the district in one transaction, <see cref="SeedChunk"/> rows
    /// per SaveChanges: as <see cref="DemoSeeder"/> does, before the silo starts, so no grain holds any of it. Filings go in
    /// the order a real ledger receives them — month by month, every firm's revision 1, then the month's corrections — so a
    /// firm's rows are spread over the file as they would be, not stored side by side.
    /// </summary>
    internal static async Task<SeedResult> SeedAsync(IServiceProvider services, int firms, int[]? years = null)
    {
        var start = Stopwatch.GetTimestamp();
        var district = Enumerable.Range(0, firms).Select(i => ScaleDistrict.Generate(i, years)).ToList();
        var filings = district.SelectMany(f => f.Filings).OrderBy(f => f.Id).ToList();
        var generated = Stopwatch.GetElapsedTime(start).TotalSeconds;

        await using var db = services.GetRequiredService<ILedgerContextFactory>().Create();
        await db.Database.MigrateAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync();
        db.Parks.AddRange(ScaleDistrict.Parks);
        db.AuditEvents.Add(new AuditEventRecord
        {
            At = DateTimeOffset.UtcNow, Actor = ScaleDistrict.Actor, Action = "benchmark.seeded", Subject = "district",
            Detail = $"{ScaleDistrict.Parks.Length} parks, {firms} enterprises, {filings.Count} filing revisions",
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        foreach (var chunk in district.Chunk(SeedChunk))
        {
            db.Enterprises.AddRange(chunk.Select(f => f.Identity));
            db.EnterpriseRevisions.AddRange(chunk.Select(f => f.Profile));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in filings.Chunk(SeedChunk))
        {
            db.Filings.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await tx.CommitAsync();
        return new SeedResult(firms,
            district.Count(f => f.Filings.Where(x => x.Year == ScaleDistrict.Year).Select(x => x.Month).Distinct().Count() == 12),
            filings.Count, filings.Count(f => f.Year == ScaleDistrict.Year), filings.Sum(f => f.Energy.Count),
            Stopwatch.GetElapsedTime(start).TotalSeconds, generated);
    }

    /// <summary>Forces every idle activation to deactivate, then waits until none of <paramref name="type"/> is left; returns how many are.</summary>
    private static async Task<int> DeactivateAsync(IManagementGrain management, GrainType type)
    {
        await management.ForceActivationCollection(TimeSpan.Zero);
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 60;
        int left;
        while ((left = (await management.GetActiveGrains(type)).Count) > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(100);
        }
        return left;
    }

    private static async Task<string> PostRunAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/evaluations", content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/evaluations: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The first page of a run's firms (highest score first); returns the USCCs on it.</summary>
    private static async Task<List<string>> GetPageAsync(HttpClient http, string id)
    {
        var text = await GetAsync(http, $"/api/evaluations/{id}/enterprises?page=1&pageSize=50");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("uscc").GetString()!).ToList();
    }

    private static async Task<string> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? text
            : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {text}");
    }

    /// <summary>Wall and process CPU time of one call, in milliseconds.</summary>
    private readonly record struct Sample(double Ms, double CpuMs);

    private sealed class Row(string name)
    {
        public string Name { get; } = name;

        public List<Sample> Samples { get; } = [];

        public double MedianMs => Median(Samples.Select(s => s.Ms));

        public double MedianCpuMs => Median(Samples.Select(s => s.CpuMs));
    }

    private static async Task<Sample> TimeAsync(Func<Task> action)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        await action();
        var ms = Stats.Ms(start, Stopwatch.GetTimestamp());
        return new Sample(ms, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    /// <summary>One untimed warm-up call (JIT, caches), then <paramref name="reps"/> timed ones, the process settled before each.</summary>
    private static async Task<Row> RepeatAsync(string name, int reps, Func<Task> action)
    {
        var row = new Row(name);
        await action();
        for (var r = 0; r < reps; r++)
        {
            Stats.Settle(TimeSpan.FromSeconds(5));
            row.Samples.Add(await TimeAsync(action));
        }
        return row;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Report(EvaluationOptions o, List<Row> rows, Row bulk, Row cold, Row warm, List<Row> compute, Row grainCompute, Row post,
        Row gather, Row firstOfYear)
    {
        Console.WriteLine();
        Console.WriteLine($"| measurement ({o.Firms} firms, {ScaleDistrict.Year}) | n | median ms | min ms | max ms | CPU ms (median, whole process) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            Console.WriteLine($"| {r.Name} | {r.Samples.Count} | {Stats.F(r.MedianMs, 1)} | {Stats.F(r.Samples.Min(s => s.Ms), 1)} | " +
                              $"{Stats.F(r.Samples.Max(s => s.Ms), 1)} | {Stats.F(r.MedianCpuMs, 0)} |");
        }
        Console.WriteLine();
        foreach (var c in compute)
        {
            var ok = c.MedianMs < TargetMs && c.Samples.Max(s => s.Ms) < TargetMs;
            Console.WriteLine($"target: evaluating {o.Firms} firms in under a second of compute ({c.Name}): " +
                              $"{(ok ? "HOLDS" : "DOES NOT HOLD")} — median {Stats.F(c.MedianMs, 0)} ms, max {Stats.F(c.Samples.Max(s => s.Ms), 0)} ms");
        }
        Console.WriteLine($"inputs: bulk ledger read {Stats.F(bulk.MedianMs, 0)} ms; fan-out cold {Stats.F(cold.MedianMs, 0)} ms " +
                          $"({Stats.F(cold.MedianMs / bulk.MedianMs, 1)} × the bulk read); fan-out warm {Stats.F(warm.MedianMs, 0)} ms " +
                          $"({Stats.F(warm.MedianMs / bulk.MedianMs, 2)} × the bulk read)");
        var faster = bulk.MedianMs <= cold.MedianMs ? "the bulk read" : "the cold fan-out";
        Console.WriteLine($"faster path when the grains are not in memory: {faster}; " +
                          $"{(warm.MedianMs < bulk.MedianMs ? "warm grains beat the bulk read" : "even warm grains do not beat the bulk read")}");
        Console.WriteLine($"end to end: POST /api/evaluations median {Stats.F(post.MedianMs, 0)} ms " +
                          $"({(post.MedianMs < TargetMs ? "under" : "over")} a second: gather + store the run + evaluate); of which about " +
                          $"{Stats.F(gather.MedianMs / post.MedianMs * 100, 0)} % the gather on kept sums, {Stats.F(grainCompute.MedianMs / post.MedianMs * 100, 0)} % " +
                          $"compute + views, and the remaining {Stats.F(post.MedianMs - gather.MedianMs - grainCompute.MedianMs, 0)} ms storing the " +
                          $"run's {o.Firms} input rows, HTTP and JSON (by difference of medians)");
        Console.WriteLine($"end to end, first POST of a year after start (sums made from the ledger): {Stats.F(firstOfYear.MedianMs, 0)} ms " +
                          $"({(firstOfYear.MedianMs < TargetMs ? "under" : "over")} a second); kept ÷ first: {Stats.F(post.MedianMs / firstOfYear.MedianMs, 2)}; " +
                          $"gather on kept sums ÷ bulk read: {Stats.F(gather.MedianMs / bulk.MedianMs, 2)}");
    }

    private static void Memory(string when, bool collect = false)
    {
        if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine($"  memory {when}: GC heap {Stats.F(info.HeapSizeBytes / 1048576.0, 0)} MiB " +
                          $"(GC.GetTotalMemory {Stats.F(GC.GetTotalMemory(false) / 1048576.0, 0)} MiB), " +
                          $"working set {Stats.F(Environment.WorkingSet / 1048576.0, 0)} MiB");
    }
}
