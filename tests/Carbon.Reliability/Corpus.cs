using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Carbon.Reliability;

/// <summary>
/// The bad-input corpus against the demo district: every case must answer 4xx (a 400 for a field fault naming the
/// field in <c>errors</c>) and change nothing — the ledger's row counts are compared around each request, and the
/// key GETs before and after the whole corpus.
/// </summary>
public sealed class Corpus(DemoService demo)
{
    public async Task<bool> RunAsync()
    {
        Console.WriteLine("== corpus: malformed requests to every write endpoint of the OpenAPI document ==");
        var watch = Stopwatch.StartNew();
        var context = await CorpusContext.LoadAsync(demo.Official);
        var document = await Api.GetAsync(demo.Official, "/openapi/v1.json");
        var cases = new CorpusCases(document, context).Build();
        var ledger = demo.Server.LedgerPath;
        var readBefore = await ReadBackAsync(demo.Official, context);
        var before = await LedgerSnapshot.SettledAsync(ledger, TimeSpan.FromSeconds(30));

        var byEndpoint = new SortedDictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        var failures = new List<string>();
        int fiveHundreds = 0, partial = 0, accepted = 0, noFieldErrors = 0, transport = 0;
        var last = before;
        using var snapshots = new LedgerSnapshot.Reader(ledger);
        foreach (var c in cases)
        {
            var http = c.AsInspector ? demo.Inspector : demo.Official;
            int status;
            JsonNode? body;
            try
            {
                using var request = new HttpRequestMessage(c.Method, c.Path) { Content = c.Content() };
                using var response = await http.SendAsync(request);
                status = (int)response.StatusCode;
                body = Api.Parse(await response.Content.ReadAsStringAsync());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The server may close the connection on a body it refuses unread (e.g. 413): that is a refusal, not a 5xx.
                status = 0;
                body = null;
                transport++;
            }
            var counts = byEndpoint.TryGetValue(c.Endpoint, out var m) ? m : byEndpoint[c.Endpoint] = new SortedDictionary<int, int>();
            counts[status] = counts.GetValueOrDefault(status) + 1;

            var now = snapshots.Counts();
            var changed = LedgerSnapshot.Differences(last, now);
            last = now;
            var label = $"{c.Endpoint} [{c.Fault}] → {status}";
            if (status >= 500)
            {
                fiveHundreds++;
                failures.Add($"5xx: {label} {Short(body)}");
            }
            else if (status is >= 200 and < 300)
            {
                accepted++;
                failures.Add($"accepted: {label} {Short(body)}");
            }
            else if (status == 400 && c.FieldFault && body?["errors"] is not JsonObject { Count: > 0 })
            {
                noFieldErrors++;
                failures.Add($"400 without field errors: {label} {Short(body)}");
            }
            if (changed.Count > 0)
            {
                partial++;
                failures.Add($"ledger changed: {label}: {string.Join(", ", changed)}");
            }
        }
        var readAfter = await ReadBackAsync(demo.Official, context);
        var differing = readBefore.Keys.Where(k => readBefore[k] != readAfter.GetValueOrDefault(k)).ToList();
        var total = LedgerSnapshot.Differences(before, LedgerSnapshot.Counts(ledger));

        Console.WriteLine($"{cases.Count} requests to {byEndpoint.Count} write endpoints in {watch.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine("| endpoint | requests | answers (status × count) |");
        Console.WriteLine("|---|---:|---|");
        foreach (var (endpoint, counts) in byEndpoint)
        {
            Console.WriteLine($"| {endpoint} | {counts.Values.Sum()} | {string.Join(" ", counts.Select(s => $"{(s.Key == 0 ? "closed" : s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}×{s.Value}"))} |");
        }
        var statuses = byEndpoint.Values.SelectMany(s => s).GroupBy(s => s.Key).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "connection closed" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Sum(s => s.Value)}");
        Console.WriteLine($"answers: {string.Join(", ", statuses)}");
        foreach (var f in failures.Take(200))
        {
            Console.WriteLine($"  {f}");
        }
        if (failures.Count > 200)
        {
            Console.WriteLine($"  … and {failures.Count - 200} more");
        }
        foreach (var k in differing)
        {
            var (a, b) = (readBefore[k], readAfter.GetValueOrDefault(k) ?? "");
            var at = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i]);
            Console.WriteLine($"  read-back differs: GET {k}: before …{a[Math.Max(0, at - 60)..Math.Min(a.Length, at + 80)]}… after …{b[Math.Max(0, at - 60)..Math.Min(b.Length, at + 80)]}…");
        }
        var met = cases.Count >= 500 && fiveHundreds == 0 && partial == 0 && accepted == 0 && noFieldErrors == 0 && differing.Count == 0 && total.Count == 0;
        Console.WriteLine($"corpus: {cases.Count} requests, {fiveHundreds} 5xx, {accepted} accepted (2xx), {partial} that changed the ledger, " +
                          $"{noFieldErrors} field faults answered 400 without field errors, {transport} refused by closing the connection; " +
                          $"ledger rows before/after: {(total.Count == 0 ? "identical" : string.Join(", ", total))}; " +
                          $"{readBefore.Count} key GETs: {(differing.Count == 0 ? "identical" : $"{differing.Count} differ")}");
        Console.WriteLine($"corpus bar (≥ 500 requests, 0 5xx, 0 partial writes, 0 accepted, 0 field faults without field errors): {(met ? "MET" : "NOT MET")}");
        return met;
    }

    private static string Short(JsonNode? body)
    {
        var text = body?.ToJsonString() ?? "";
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private static async Task<Dictionary<string, string>> ReadBackAsync(HttpClient http, CorpusContext context)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in context.ReadBack())
        {
            using var response = await http.GetAsync(path);
            // A problem's traceId differs per request; everything else must be the same.
            var text = System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", "");
            answers[path] = $"{(int)response.StatusCode} {text}";
        }
        return answers;
    }
}
