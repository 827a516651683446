using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Carbon.Server.Features.Intake;
using Carbon.Sheets;
using Microsoft.Data.Sqlite;

namespace Carbon.Benchmarks;

/// <summary>
/// The bulk path: a Carbon template of N firm-months imported through the service (upload and check, confirm, commit
/// through the enterprise grains) against the same filings inserted by raw SQLite in batches, same schema, same
/// durability (WAL, synchronous=FULL), in one run. <c>dotnet run -c Release --project tests/Carbon.Benchmarks -- import</c>.
/// </summary>
internal static class ImportSpeed
{
    /// <summary>The issue's target: an import takes at most twice what raw batched inserts of the same rows take.</summary>
    private const double Target = 0.5;

    public static async Task<int> RunAsync(string[] args)
    {
        var o = BenchOptions.Parse(["--filings", "10000", "--enterprises", "1000", "--batch", "256", .. args]);
        var root = Path.Combine(Path.GetFullPath(o.TempRoot ?? Path.GetTempPath()), $"carbon-import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        Console.WriteLine("Carbon import benchmark");
        Console.WriteLine($"options: --filings {o.Filings} --enterprises {o.Enterprises} --batch {o.Batch} --warmup {o.Warmup}");
        try
        {
            var w = new Workload(o);
            var folder = Path.Combine(root, "service");
            var (import, phases) = await ImportAsync(o, w, folder);

            Console.WriteLine($"2. raw SQLite, {o.Batch} filings per transaction");
            var rawDb = Path.Combine(root, "raw", "carbon.db");
            Directory.CreateDirectory(Path.GetDirectoryName(rawDb)!);
            var raw = RawSqlite.Run($"raw SQLite: {o.Batch} filings per transaction", w, rawDb, ApiIngest.LedgerPath(folder), o.Batch);

            var counts = new[] { ApiIngest.LedgerPath(folder), rawDb }.Select(db => RawSqlite.Counts(db)).ToArray();
            var same = RawSqlite.FilingTables.All(t => counts[0].GetValueOrDefault(t) == counts[1].GetValueOrDefault(t));
            Console.WriteLine($"check: {string.Join(", ", RawSqlite.FilingTables.Select(t => $"{t} {counts[0].GetValueOrDefault(t)}/{counts[1].GetValueOrDefault(t)}"))} " +
                              $"(service/raw): {(same ? "identical" : "DIFFERENT")}");

            Console.WriteLine();
            Console.WriteLine("| run | firm-months | time s | firm-months/s |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var r in new[] { import, raw })
            {
                Console.WriteLine($"| {r.Name} | {r.Filings} | {Stats.F(r.Elapsed.TotalSeconds, 2)} | {Stats.F(r.FilingsPerSecond, 0)} |");
            }
            Console.WriteLine();
            Console.WriteLine($"phases: {string.Join(", ", phases.Select(p => $"{p.Name} {Stats.F(p.Seconds, 2)} s"))}");
            var ratio = import.FilingsPerSecond / raw.FilingsPerSecond;
            Console.WriteLine($"import ÷ raw batched: {Stats.F(ratio, 2)} (target ≥ {Stats.F(Target, 1)}: {(ratio >= Target ? "MET" : "NOT MET")})");
            var commitOnly = import.Filings / phases.Single(p => p.Name == "commit").Seconds / raw.FilingsPerSecond;
            Console.WriteLine($"commit alone ÷ raw batched: {Stats.F(commitOnly, 2)}");
            return same ? 0 : 1;
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

    /// <summary>The template rows of filings (every field the workload has; products and reason left blank).</summary>
    private static byte[] Template(IEnumerable<FilingData> filings)
    {
        var keys = CarbonTemplate.Columns.Select(c => c.Key).ToList();
        var rows = filings.Select(f =>
        {
            var cells = new object?[keys.Count];
            void Set(string key, object? value) => cells[keys.IndexOf(key)] = value;
            Set("uscc", f.Uscc);
            Set("month", f.MonthText);
            foreach (var e in f.Energy)
            {
                // The template's units are kWh, t and m³: the workload's lines already are.
                Set(e.Carrier, e.Quantity);
            }
            Set("waterM3", f.WaterM3);
            Set("outputValue", f.OutputValue);
            Set("valueAdded", f.ValueAdded);
            Set("revenue", f.Revenue);
            Set("taxPaid", f.TaxPaid);
            Set("employees", f.Employees);
            Set("rdExpense", f.RdExpense);
            Set("codT", f.CodT);
            Set("nh3nT", f.Nh3nT);
            Set("so2T", f.So2T);
            Set("noxT", f.NoxT);
            return (IReadOnlyList<object?>)cells;
        });
        return SheetFiles.Write(SheetFormat.Csv, [CarbonTemplate.Sheet(rows)]);
    }

    private static async Task<(RunResult Result, List<(string Name, double Seconds)> Phases)> ImportAsync(BenchOptions o, Workload w, string folder)
    {
        var (app, url, _) = ApiIngest.BuildService(folder);
        try
        {
            await app.StartAsync();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients, UseProxy = false })
            {
                BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(10),
            };
            await ApiIngest.SignInAsync(app, http, Workload.Actor);
            await Send(http, HttpMethod.Post, "/api/parks", new { code = Workload.ParkCode, name = Workload.ParkName, kind = Workload.ParkKind });
            var errors = new ConcurrentQueue<string>();
            await Stats.RunWorkersAsync(w.Enterprises.Length, o.Clients, async i =>
            {
                var e = w.Enterprises[i];
                var r = await http.PostAsync("/api/enterprises", Json(new
                {
                    uscc = e.Uscc, name = e.Name, industry = e.Industry, parkCode = e.ParkCode, scale = e.Scale, landAreaMu = e.LandAreaMu,
                }));
                if (!r.IsSuccessStatusCode)
                {
                    errors.Enqueue($"{e.Uscc}: {(int)r.StatusCode}");
                }
            });
            if (!errors.IsEmpty)
            {
                throw new InvalidOperationException($"registration: {errors.First()}");
            }
            Console.WriteLine($"1. service up; {w.Enterprises.Length} enterprises registered");

            // Warm-up: the warm-up filings imported the same way, untimed (their own enterprises).
            await ImportFileAsync(http, Template(w.WarmUp), "warm-up.csv");
            Stats.Settle(TimeSpan.FromSeconds(15));

            var file = Template(w.Measured);
            Console.WriteLine($"   template: {w.Measured.Length} rows, {file.Length / 1024} KiB (CSV)");
            var phases = new List<(string, double)>();
            var start = Stopwatch.GetTimestamp();
            await ImportFileAsync(http, file, "measured.csv", phases);
            var elapsed = Stopwatch.GetElapsedTime(start);
            return (new RunResult("import: upload, check, confirm, commit", w.Measured.Length, elapsed, [], TimeSpan.Zero), phases);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task ImportFileAsync(HttpClient http, byte[] file, string name, List<(string, double)>? phases = null)
    {
        var t0 = Stopwatch.GetTimestamp();
        var form = new MultipartFormDataContent { { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", name } };
        var uploaded = await http.PostAsync("/api/imports", form);
        var body = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement;
        if (!uploaded.IsSuccessStatusCode || body.GetProperty("counts").GetProperty("rejected").GetInt32() > 0)
        {
            throw new InvalidOperationException($"upload: {(int)uploaded.StatusCode} {body.ToString()[..Math.Min(500, body.ToString().Length)]}");
        }
        var id = body.GetProperty("id").GetString();
        var t1 = Stopwatch.GetTimestamp();
        (await http.PostAsync($"/api/imports/{id}/commit", null)).EnsureSuccessStatusCode();
        var t2 = Stopwatch.GetTimestamp();
        while (true)
        {
            var job = JsonDocument.Parse(await http.GetStringAsync($"/api/imports/{id}")).RootElement;
            if (job.GetProperty("state").GetString() == "committed")
            {
                var failed = job.GetProperty("progress").GetProperty("failed").GetArrayLength();
                if (failed > 0)
                {
                    throw new InvalidOperationException($"{failed} firm-months failed: {job.GetProperty("progress").GetProperty("failed")[0]}");
                }
                break;
            }
            await Task.Delay(20);
        }
        var t3 = Stopwatch.GetTimestamp();
        phases?.AddRange([("upload and check", Stats.Ms(t0, t1) / 1000), ("confirm", Stats.Ms(t1, t2) / 1000), ("commit", Stats.Ms(t2, t3) / 1000)]);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static async Task Send(HttpClient http, HttpMethod method, string path, object body) =>
        (await http.SendAsync(new HttpRequestMessage(method, path) { Content = Json(body) })).EnsureSuccessStatusCode();
}
