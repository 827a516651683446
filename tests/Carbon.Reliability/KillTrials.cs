using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Server.Demo;

namespace Carbon.Reliability;

/// <summary>
/// kill -9 trials: concurrent writers (filings, revisions of them, registrations) against a child service, SIGKILL at a
/// random moment, restart on the same data folder, then every acknowledged write read back and compared by content.
/// A write in flight at the kill (no answer) must be either entirely there or entirely absent.
/// </summary>
public sealed class KillTrials(int trials, int writers = 8)
{
    private const string Park = "KILL";
    private const int EnterprisesPerWriter = 3;

    /// <summary>What is known of one key (a firm's month or a registration): the acknowledged bodies in order and the one in flight.</summary>
    private sealed class Key(string path)
    {
        public string Path { get; } = path;
        public List<JsonObject> Acked { get; } = [];
        public JsonObject? InFlight { get; set; }
    }

    private readonly Dictionary<string, Key> _filings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Key> _registrations = new(StringComparer.Ordinal);
    private readonly List<string> _owned = [];
    private readonly Lock _gate = new();
    private int _nextFirm = 5_000;
    private int _seed;

    public async Task<bool> RunAsync()
    {
        Console.WriteLine($"== kill: {trials} trials, {writers} concurrent writers, SIGKILL at a random moment 0.5–3 s into each ==");
        var folder = Path.Combine(Path.GetTempPath(), $"carbon-kill-{Guid.NewGuid():N}");
        await using var server = new ServerProcess(folder, Api.NoRateLimits);
        var rng = new Random(20260415);
        int acked = 0, lost = 0, inFlight = 0, landed = 0, absent = 0, partial = 0, fiveHundreds = 0, refused = 0;
        try
        {
            var startup = await server.StartAsync();
            Console.WriteLine($"service up in {startup.TotalSeconds:F1} s (pid {server.Pid}, data {folder})");
            using (var http = await Api.OfficialAsync(server))
            {
                await Api.RegisterParkAsync(http, Park);
                for (var w = 0; w < writers * EnterprisesPerWriter; w++)
                {
                    var (key, body) = NewRegistration();
                    await Api.EnsureAsync(http, HttpMethod.Post, "/api/enterprises", body);
                    key.Acked.Add(body);
                    _owned.Add(body["uscc"]!.GetValue<string>());
                }
            }
            for (var trial = 1; trial <= trials; trial++)
            {
                if (!server.IsRunning)
                {
                    await server.StartAsync();
                }
                using var http = await Api.OfficialAsync(server);
                var killAt = TimeSpan.FromMilliseconds(500 + rng.Next(2500));
                using var stop = new CancellationTokenSource();
                var counts = new Counts();
                var work = Enumerable.Range(0, writers).Select(w => WriterAsync(http, w, new Random(rng.Next()), counts, stop.Token)).ToArray();
                await Task.Delay(killAt);
                await server.KillAsync();
                stop.Cancel();
                await Task.WhenAll(work);

                var restart = Stopwatch.StartNew();
                await server.StartAsync();
                using var after = await Api.OfficialAsync(server);
                var v = await VerifyAsync(after);
                Console.WriteLine($"trial {trial,2}: killed at {killAt.TotalMilliseconds,5:F0} ms after {counts.Acked,4} acked writes " +
                                  $"({counts.Refused} refused, {counts.ServerErrors} 5xx); restarted in {restart.Elapsed.TotalSeconds:F1} s; " +
                                  $"{v.InFlight} in flight → {v.Landed} present, {v.Absent} absent, {v.Partial} partial; " +
                                  $"acknowledged and lost: {v.Lost} (of {v.Checked} checked)");
                acked += counts.Acked;
                refused += counts.Refused;
                fiveHundreds += counts.ServerErrors;
                inFlight += v.InFlight;
                landed += v.Landed;
                absent += v.Absent;
                partial += v.Partial;
                lost += v.Lost;
            }
        }
        catch (Exception e)
        {
            Console.WriteLine($"kill: FAILED to run: {e.Message}{Environment.NewLine}{server.Tail()}");
            return false;
        }
        finally
        {
            await server.DisposeAsync();
            TryDelete(folder);
        }
        var met = lost == 0 && partial == 0 && fiveHundreds == 0;
        Console.WriteLine($"kill: {trials} trials, {acked} acknowledged writes, {lost} lost; {inFlight} in flight at the kills: " +
                          $"{landed} present entirely, {absent} absent entirely, {partial} partial; {refused} refused (4xx), {fiveHundreds} 5xx");
        Console.WriteLine($"kill bar (0 acknowledged writes lost, 0 partial, 0 5xx): {(met ? "MET" : "NOT MET")}");
        return met;
    }

    private sealed class Counts
    {
        public int Acked;
        public int Refused;
        public int ServerErrors;
    }

    private async Task WriterAsync(HttpClient http, int writer, Random rng, Counts counts, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Key key;
            JsonObject body;
            HttpMethod method;
            lock (_gate)
            {
                if (rng.Next(100) < 12)
                {
                    (key, body) = NewRegistration();
                    method = HttpMethod.Post;
                }
                else
                {
                    var firm = _owned[writer * EnterprisesPerWriter + rng.Next(EnterprisesPerWriter)];
                    var month = $"2024-{1 + rng.Next(12):D2}";
                    var path = $"/api/enterprises/{firm}/filings/{month}";
                    if (!_filings.TryGetValue(path, out key!))
                    {
                        _filings[path] = key = new Key(path);
                    }
                    body = Api.Filing(++_seed, key.Acked.Count > 0 ? $"第{key.Acked.Count + 1}次修订 (trial revision)" : null);
                    method = HttpMethod.Put;
                }
                key.InFlight = body;
            }
            var status = await TrySendAsync(http, method, key, body);
            lock (_gate)
            {
                switch (status)
                {
                    case null:
                        return;   // no answer: the service is gone; the write stays in flight
                    case >= 200 and < 300:
                        key.Acked.Add(body);
                        key.InFlight = null;
                        counts.Acked++;
                        break;
                    default:
                        key.InFlight = null;
                        if (status >= 500)
                        {
                            counts.ServerErrors++;
                        }
                        else
                        {
                            counts.Refused++;
                        }
                        break;
                }
            }
        }
    }

    private static async Task<int?> TrySendAsync(HttpClient http, HttpMethod method, Key key, JsonObject body)
    {
        try
        {
            var path = method == HttpMethod.Post ? "/api/enterprises" : key.Path;
            using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = Api.Json(body) });
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private (Key, JsonObject) NewRegistration()
    {
        lock (_gate)
        {
            var uscc = DemoDistrict.Uscc(_nextFirm++);
            var key = new Key($"/api/enterprises/{uscc}");
            _registrations[uscc] = key;
            return (key, Api.Enterprise(uscc, Park, $"断电试验企业{_nextFirm}有限公司"));
        }
    }

    private sealed record Verdict(int Checked, int Lost, int InFlight, int Landed, int Absent, int Partial);

    /// <summary>Reads back every key ever written (not only this trial's) and settles what was in flight.</summary>
    private async Task<Verdict> VerifyAsync(HttpClient http)
    {
        int check = 0, lost = 0, inFlight = 0, landed = 0, absent = 0, partial = 0;
        foreach (var key in _filings.Values.Concat(_registrations.Values).Where(k => k.Acked.Count > 0 || k.InFlight is not null).ToList())
        {
            check++;
            var response = await http.GetAsync(key.Path);
            var got = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
            var isFiling = key.Path.Contains("/filings/", StringComparison.Ordinal);
            bool Shows(JsonObject body) => got is not null && (isFiling
                ? Api.Holds(Figures(body), got["current"]) && got["revision"]?.GetValue<int>() == key.Acked.Count + (ReferenceEquals(body, key.InFlight) ? 1 : 0)
                : Api.Holds(Profile(body), got["profile"]) && got["parkCode"]?.GetValue<string>() == body["parkCode"]?.GetValue<string>());
            var showsAcked = key.Acked.Count == 0 ? got is null : Shows(key.Acked[^1]);
            if (key.InFlight is { } pending)
            {
                inFlight++;
                if (Shows(pending))
                {
                    landed++;
                    key.Acked.Add(pending);
                }
                else if (showsAcked)
                {
                    absent++;
                }
                else
                {
                    partial++;
                    Console.WriteLine($"  PARTIAL or unexplained after the kill: {key.Path}: {got?.ToJsonString()}");
                }
                key.InFlight = null;
            }
            else if (!showsAcked)
            {
                lost++;
                Console.WriteLine($"  LOST: {key.Path} (acked {key.Acked.Count}): {(int)response.StatusCode} {got?.ToJsonString()}");
            }
        }
        return new Verdict(check, lost, inFlight, landed, absent, partial);
    }

    private static JsonObject Figures(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove("reason");
        return copy;
    }

    private static JsonObject Profile(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove("uscc");
        copy.Remove("parkCode");
        return copy;
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held: the temp folder is cleaned by the system
        }
    }
}
