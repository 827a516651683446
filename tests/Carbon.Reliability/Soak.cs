using System.Diagnostics;
using System.Net;
using Carbon.Server.Demo;

namespace Carbon.Reliability;

/// <summary>
/// A bounded mixed load on the demo district: <see cref="Workers"/> workers, 70 % reads (web pages and API GETs), 30 %
/// filings, for a fixed time after an unmeasured warm-up of the same load, while the child's working set and resident
/// memory are sampled every second. Flat memory is the bar: the working set's floor in the last third at most
/// <see cref="MaxSlopeMbPerMinute"/> a minute (or 2 %) above the first third's, and no 5xx or failed request. Printed
/// beside it: the slope over the second half, the anonymous resident floor by minute, and the live managed heap after
/// a full GC at the start, at each third and at the end (<see cref="LiveHeap"/>), which tells a leak from GC sizing.
/// The warm-up is long in the full run (five minutes) because the service's memory climbs for the first minutes of
/// load and then levels (caches filling, the GC sizing its heaps, the native allocator's arenas): docs/reliability.md.
/// </summary>
public sealed class Soak(DemoService demo, TimeSpan duration, TimeSpan warmUpLoad)
{
    public const int Workers = 8;

    /// <summary>
    /// The bar on the second half's slope. A leak of one object graph per request shows as tens of MB a minute at this
    /// rate (hundreds of requests a second); the server GC's own breathing on a steady load is within a few MB.
    /// </summary>
    public const double MaxSlopeMbPerMinute = 5;

    /// <summary>
    /// The share of the first floor a run may rise by whatever its length: 2 % from two minutes on, 8 % below. Over 30 s
    /// the floor moves by one or two GC heap resizings, measured on code without a leak (five 30-second runs on
    /// 2026-12-03, among them the previous release's): +38.6, +29.7, +17.0, +12.4 and −14.6 MB on a 520–700 MB service.
    /// A short run therefore only catches a gross leak (about 100 MB a minute); the full run's 5 MB/min is the real bar.
    /// </summary>
    public static double ShortRunShare(TimeSpan duration) => duration < TimeSpan.FromMinutes(2) ? 0.08 : 0.02;

    public async Task<bool> RunAsync()
    {
        Console.WriteLine($"== soak: {Workers} workers, 70 % reads / 30 % filings, {warmUpLoad.TotalSeconds:F0} s unmeasured then {duration.TotalSeconds:F0} s measured, working set sampled every second ==");
        const string park = "SOAK";
        var firms = Enumerable.Range(0, Workers).Select(i => DemoDistrict.Uscc(7_000 + i)).ToArray();
        await Api.RegisterParkAsync(demo.Official, park);
        foreach (var (uscc, i) in firms.Select((u, i) => (u, i)))
        {
            await Api.EnsureAsync(demo.Official, HttpMethod.Post, "/api/enterprises", Api.Enterprise(uscc, park, $"浸泡试验企业{i}有限公司"));
        }
        var demoFirms = (await Api.GetAsync(demo.Official, "/api/enterprises?pageSize=20"))["items"]!.AsArray()
            .Select(f => f!["uscc"]!.GetValue<string>()).Where(u => !firms.Contains(u)).ToArray();
        using var pages = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = demo.Server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var signIn = await pages.PostAsync("/api/auth/sign-in", Api.Json(new { userName = "official", password = "Demo-official-2026" }));
        if (!signIn.IsSuccessStatusCode)
        {
            Console.WriteLine($"soak: page sign-in refused: {(int)signIn.StatusCode}");
            return false;
        }

        // Warm-up, not measured: every read once for every firm of the load (grains activated, caches filled, pages
        // compiled) and every month of the soak's own firms filed once, so that the measured load finds a steady state.
        var warm = Stopwatch.StartNew();
        var reads = demoFirms.SelectMany(f => ReadPaths(f, 3)).Distinct().ToArray();
        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (r, ct) =>
        {
            using var response = await (r.Pages ? pages : demo.Official).GetAsync(r.Path, ct);
        });
        await Parallel.ForEachAsync(firms, new ParallelOptions { MaxDegreeOfParallelism = Workers }, async (uscc, ct) =>
        {
            for (var m = 1; m <= 12; m++)
            {
                using var response = await demo.Official.PutAsync($"/api/enterprises/{uscc}/filings/2024-{m:D2}", Api.Json(Api.Filing(m)), ct);
                if (!response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"  warm-up filing refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
            }
        });
        // Then the same load as measured, unmeasured: memory climbs for the first minutes of a load, then levels.
        var warmTally = new Tally();
        using (var warmStop = new CancellationTokenSource(warmUpLoad))
        {
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(w =>
                Task.Run(() => WorkAsync(w, firms[w], demoFirms, pages, warmTally, warmStop.Token, 1_000_000))));
        }
        Console.WriteLine($"warm-up: {reads.Length} reads and {firms.Length * 12} filings, then {warmTally.Requests} requests of the load " +
                          $"({warmTally.ServerErrors} 5xx) in {warm.Elapsed.TotalSeconds:F0} s; working set {demo.Server.WorkingSetMb():F0} MB");

        var pid = demo.Server.Pid ?? 0;
        var heaps = new List<(double Seconds, long? Bytes)> { (0, await LiveHeap.MeasureAsync(pid, TimeSpan.FromSeconds(30))) };
        var samples = new List<(double Seconds, double Mb)>();
        var resident = new List<(double Seconds, double AnonymousMb, double FileMb)>();
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (demo.Server.WorkingSetMb() is { } mb)
                {
                    samples.Add((watch.Elapsed.TotalSeconds, mb));
                }
                if (demo.Server.ResidentMb() is { } rss)
                {
                    resident.Add((watch.Elapsed.TotalSeconds, rss.AnonymousMb, rss.FileMb));
                }
                try
                {
                    await Task.Delay(1000, stop.Token);
                }
                catch (TaskCanceledException)
                {
                    break;
                }
            }
        });
        // The live heap at the end of each third as well (a full GC each: three short pauses in the measured load).
        var heapSampler = Task.Run(async () =>
        {
            for (var k = 1; k <= 2; k++)
            {
                var at = duration * k / 3 - watch.Elapsed;
                if (at > TimeSpan.Zero)
                {
                    try
                    {
                        await Task.Delay(at, stop.Token);
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
                heaps.Add((watch.Elapsed.TotalSeconds, await LiveHeap.MeasureAsync(pid, TimeSpan.FromSeconds(30))));
            }
        });
        var tally = new Tally();
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(w, firms[w], demoFirms, pages, tally, stop.Token))).ToArray();
        await Task.WhenAll(workers);
        await sampler;
        var elapsed = watch.Elapsed.TotalSeconds;
        await heapSampler;
        heaps.Add((elapsed, await LiveHeap.MeasureAsync(pid, TimeSpan.FromSeconds(30))));

        // A collected heap saw-tooths: the working set's floor (its minimum over a stretch) is what a leak raises. Flat
        // memory: the last third's floor at most MaxSlope MB a minute (or 2 %, for short runs) above the first third's.
        var third = duration.TotalSeconds / 3;
        var firstFloor = samples.Where(s => s.Seconds < third).Select(s => s.Mb).DefaultIfEmpty(double.NaN).Min();
        var lastFloor = samples.Where(s => s.Seconds >= 2 * third).Select(s => s.Mb).DefaultIfEmpty(double.NaN).Min();
        var growth = lastFloor - firstFloor;
        var allowed = Math.Max(MaxSlopeMbPerMinute * duration.TotalMinutes, ShortRunShare(duration) * firstFloor);
        var secondHalf = samples.Where(s => s.Seconds >= duration.TotalSeconds / 2).ToList();
        var slope = Slope(secondHalf) * 60;
        var startMb = samples.Count > 0 ? samples[0].Mb : double.NaN;
        var endMb = samples.Count > 0 ? samples[^1].Mb : double.NaN;
        Console.WriteLine($"soak: {tally.Requests} requests in {elapsed:F0} s = {tally.Requests / elapsed:F0} requests/s " +
                          $"({tally.Reads} reads, {tally.Writes} filings); errors: {tally.ServerErrors} 5xx, {tally.OtherFailures} other failures");
        Console.WriteLine($"working set: {samples.Count} samples, {startMb:F0} MB at the start of steady state (after the warm-up), {endMb:F0} MB at the end, " +
                          $"max {samples.DefaultIfEmpty().Max(s => s.Mb):F0} MB; floor of the first third {firstFloor:F0} MB, of the last third {lastFloor:F0} MB " +
                          $"({growth:+0.0;-0.0} MB, allowed {allowed:F1}); least-squares slope over the second half: {slope:F2} MB/min");
        if (resident.Count > 0)
        {
            var anonFirst = resident.Where(s => s.Seconds < third).DefaultIfEmpty().Min(s => s.AnonymousMb);
            var anonLast = resident.Where(s => s.Seconds >= 2 * third).DefaultIfEmpty().Min(s => s.AnonymousMb);
            Console.WriteLine($"resident: anonymous floor {anonFirst:F0} → {anonLast:F0} MB, file-backed {resident[0].FileMb:F0} → {resident[^1].FileMb:F0} MB; " +
                              $"by minute (anonymous floor): {string.Join(", ", resident.GroupBy(s => (int)(s.Seconds / 60)).Select(g => $"{g.Min(s => s.AnonymousMb):F0}"))}");
        }
        Console.WriteLine($"live managed heap after a full GC: {string.Join(", ", heaps.Select(h => $"{Mb(h.Bytes)} at {h.Seconds:F0} s"))}");
        foreach (var f in tally.Examples.Take(10))
        {
            Console.WriteLine($"  {f}");
        }
        if (tally.ServerErrors + warmTally.ServerErrors > 0)
        {
            Console.WriteLine($"  the service's last lines:{Environment.NewLine}{demo.Server.Tail(40)}");
        }
        var met = tally.ServerErrors + warmTally.ServerErrors == 0 && tally.OtherFailures == 0 && samples.Count >= 9 && growth <= allowed;
        Console.WriteLine($"soak bar (0 5xx, 0 failures, the working set's floor up by at most {MaxSlopeMbPerMinute} MB/min or {ShortRunShare(duration):P0}): {(met ? "MET" : "NOT MET")}");
        return met;
    }

    private sealed class Tally
    {
        public int Requests, Reads, Writes, ServerErrors, OtherFailures;
        public readonly System.Collections.Concurrent.ConcurrentQueue<string> Examples = new();
    }

    private async Task WorkAsync(int worker, string ownFirm, string[] demoFirms, HttpClient pages, Tally tally, CancellationToken stop,
        int seedOffset = 0)
    {
        var rng = new Random(worker + seedOffset);
        var filed = Enumerable.Range(1, 12).ToDictionary(m => $"/api/enterprises/{ownFirm}/filings/2024-{m:D2}", _ => 1, StringComparer.Ordinal);
        var seed = worker * 100_000 + seedOffset;
        while (!stop.IsCancellationRequested)
        {
            var firm = demoFirms[rng.Next(demoFirms.Length)];
            var roll = rng.Next(100);
            HttpClient http = demo.Official;
            HttpRequestMessage request;
            var write = roll >= 70;
            if (write)
            {
                var month = $"2024-{1 + rng.Next(12):D2}";
                var path = $"/api/enterprises/{ownFirm}/filings/{month}";
                var times = filed.GetValueOrDefault(path);
                request = new HttpRequestMessage(HttpMethod.Put, path)
                {
                    Content = Api.Json(Api.Filing(++seed, times > 0 ? $"浸泡修订{times}" : null)),
                };
                filed[path] = times + 1;
            }
            else
            {
                var paths = ReadPaths(firm, rng.Next(36)).ToArray();
                var (usePages, path) = paths[roll switch { < 10 => 0, < 18 => 1, < 24 => 2, < 30 => 3, < 42 => 4, < 50 => 5, < 58 => 6, < 64 => 7, _ => 8 }];
                http = usePages ? pages : http;
                request = new HttpRequestMessage(HttpMethod.Get, path);
            }
            try
            {
                using (request)
                using (var response = await http.SendAsync(request, stop))
                {
                    await response.Content.ReadAsByteArrayAsync(stop);
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        Interlocked.Increment(ref tally.ServerErrors);
                        tally.Examples.Enqueue($"{status} {request.Method} {request.RequestUri}");
                    }
                    else if (status >= 300)
                    {
                        Interlocked.Increment(ref tally.OtherFailures);
                        var text = await response.Content.ReadAsStringAsync(stop);
                        tally.Examples.Enqueue($"{status} {request.Method} {request.RequestUri} {text[..Math.Min(text.Length, 300)]}");
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref tally.OtherFailures);
                tally.Examples.Enqueue($"{request.Method} {request.RequestUri}: {e.Message}");
            }
            Interlocked.Increment(ref tally.Requests);
            Interlocked.Increment(ref write ? ref tally.Writes : ref tally.Reads);
        }
    }

    /// <summary>What the readers ask for one firm (web pages through the cookie client, the rest with the token).</summary>
    private static IEnumerable<(bool Pages, string Path)> ReadPaths(string firm, int variant) =>
    [
        (true, $"/firms/{firm}"), (true, "/district"), (true, $"/firms/{firm}/filings/2025-03"), (true, "/firms"),
        (false, $"/api/enterprises/{firm}/metrics?year=2025"), (false, $"/api/enterprises/{firm}/filings/2025-0{1 + variant % 9}"),
        (false, "/api/district/metrics?year=2025"), (false, $"/api/enterprises?page={1 + variant % 4}&pageSize=50"), (false, "/api/alerts"),
    ];

    private static string Mb(long? bytes) => bytes is { } b ? $"{b / (1024.0 * 1024.0):F1} MB" : "not measured";

    /// <summary>The least-squares slope of MB over seconds.</summary>
    public static double Slope(IReadOnlyList<(double Seconds, double Mb)> points)
    {
        if (points.Count < 2)
        {
            return double.NaN;
        }
        var mx = points.Average(p => p.Seconds);
        var my = points.Average(p => p.Mb);
        var sxy = points.Sum(p => (p.Seconds - mx) * (p.Mb - my));
        var sxx = points.Sum(p => (p.Seconds - mx) * (p.Seconds - mx));
        return sxy / sxx;
    }
}
