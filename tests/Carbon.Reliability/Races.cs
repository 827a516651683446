using System.Text.Json.Nodes;
using Carbon.Server.Demo;

namespace Carbon.Reliability;

/// <summary>
/// Races on the demo district: many revisions of one month at once (one revision per acknowledged PUT, numbered 1..n
/// without a gap, the stored one the last acknowledged), one USCC registered at once by many, approve against reject
/// of one green-factory application, and revoke against revoke of one certificate (one winner each).
/// </summary>
public sealed class Races(DemoService demo, int contenders = 12, int rounds = 3)
{
    private HttpClient Http => demo.Official;

    public async Task<bool> RunAsync()
    {
        Console.WriteLine($"== races: {contenders} contenders at once, {rounds} rounds each ==");
        var met = true;
        try
        {
            const string park = "RACE";
            await Api.RegisterParkAsync(Http, park);
            for (var round = 1; round <= rounds; round++)
            {
                met &= await SameMonthAsync(park, round);
            }
            for (var round = 1; round <= rounds; round++)
            {
                met &= await SameUsccAsync(park, round);
            }
            met &= await ApproveRejectAsync();
            for (var round = 1; round <= rounds; round++)
            {
                met &= await RevokeRevokeAsync(round);
            }
        }
        catch (Exception e)
        {
            Console.WriteLine($"races: FAILED to run: {e.Message}");
            met = false;
        }
        Console.WriteLine($"races bar (one winner each, revisions gap-free, the stored revision an acknowledged one): {(met ? "MET" : "NOT MET")}");
        return met;
    }

    /// <summary>Runs the calls at once (all released together) and returns each one's status and answer.</summary>
    private static async Task<(int Status, JsonNode? Body)[]> AtOnceAsync(IEnumerable<Func<Task<(int, JsonNode?)>>> calls)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = calls.Select(async call =>
        {
            await gate.Task;
            return await call();
        }).ToArray();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    private static string Tally((int Status, JsonNode? Body)[] answers) =>
        string.Join(" ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));

    private async Task<bool> SameMonthAsync(string park, int round)
    {
        var uscc = DemoDistrict.Uscc(6_000 + round);
        await Api.EnsureAsync(Http, HttpMethod.Post, "/api/enterprises", Api.Enterprise(uscc, park, $"竞态企业{round}有限公司"));
        var path = $"/api/enterprises/{uscc}/filings/2025-06";
        await Api.EnsureAsync(Http, HttpMethod.Put, path, Api.Filing(1));
        var bodies = Enumerable.Range(2, contenders).Select(i => Api.Filing(i * 13, $"并发修订{i}")).ToArray();
        var answers = await AtOnceAsync(bodies.Select(b => (Func<Task<(int, JsonNode?)>>)(() => Api.SendAsync(Http, HttpMethod.Put, path, b))));
        var acked = answers.Select((a, i) => (a, i)).Where(x => x.a.Status is >= 200 and < 300).ToList();
        var got = await Api.GetAsync(Http, path);
        var revisions = got["history"]!.AsArray().Select(h => h!["revision"]!.GetValue<int>()).Order().ToList();
        var n = got["revision"]!.GetValue<int>();
        var gapFree = revisions.SequenceEqual(Enumerable.Range(1, revisions.Count)) && n == revisions.Count;
        var onePerAck = n == 1 + acked.Count;
        var ackedRevisions = acked.Select(x => x.a.Body?["revision"]?.GetValue<int>()).ToList();
        var distinct = ackedRevisions.Distinct().Count() == acked.Count;
        var lastAcked = acked.FirstOrDefault(x => x.a.Body?["revision"]?.GetValue<int>() == n);
        var storedIsAcked = lastAcked.a.Body is not null && Api.Holds(Figures(bodies[lastAcked.i]), got["current"]);
        var ok = gapFree && onePerAck && distinct && storedIsAcked && answers.All(a => a.Status < 500);
        Console.WriteLine($"same month revised at once (round {round}): {Tally(answers)}; revisions stored 1..{n} " +
                          $"{(gapFree ? "gap-free" : "WITH GAPS: " + string.Join(",", revisions))}, {acked.Count} acknowledged " +
                          $"{(onePerAck && distinct ? "= one revision each" : "≠ revisions stored")}; stored = the acknowledged revision {n}: " +
                          $"{(storedIsAcked ? "yes" : "NO")} → {(ok ? "ok" : "FAILED")}");
        return ok;
    }

    private static JsonObject Figures(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        copy.Remove("reason");
        return copy;
    }

    private async Task<bool> SameUsccAsync(string park, int round)
    {
        var uscc = DemoDistrict.Uscc(6_100 + round);
        var answers = await AtOnceAsync(Enumerable.Range(0, contenders).Select(i => (Func<Task<(int, JsonNode?)>>)(() =>
            Api.SendAsync(Http, HttpMethod.Post, "/api/enterprises", Api.Enterprise(uscc, park, $"抢注企业{round}-{i}有限公司")))));
        var created = answers.Where(a => a.Status == 201).ToList();
        var got = await Api.GetAsync(Http, $"/api/enterprises/{uscc}");
        var winnerName = created.FirstOrDefault().Body?["profile"]?["name"]?.GetValue<string>();
        var ok = created.Count == 1 && answers.All(a => a.Status is 201 or 409) && got["revision"]!.GetValue<int>() == 1
                 && (winnerName is null || got["profile"]!["name"]!.GetValue<string>() == winnerName);
        Console.WriteLine($"one USCC registered at once (round {round}): {Tally(answers)}; stored revision {got["revision"]}, " +
                          $"name {got["profile"]!["name"]} → {(ok ? "ok (one 201, the rest 409)" : "FAILED")}");
        return ok;
    }

    private async Task<bool> ApproveRejectAsync()
    {
        var list = await Api.GetAsync(Http, "/api/green-factory/applications");
        // The demo's second application: verified, waiting for the district's decision.
        var verified = list.AsArray().FirstOrDefault(a => a!["status"]!.GetValue<string>() is "verified" or "verifying")?["id"]!.GetValue<string>();
        if (verified is null)
        {
            Console.WriteLine("approve vs reject: no verified application in the demo district → FAILED");
            return false;
        }
        var path = $"/api/green-factory/applications/{verified}/decision";
        var answers = await AtOnceAsync(Enumerable.Range(0, contenders).Select(i => (Func<Task<(int, JsonNode?)>>)(() =>
            Api.SendAsync(Http, HttpMethod.Post, path, new JsonObject
            {
                ["approve"] = i % 2 == 0, ["comment"] = i % 2 == 0 ? $"同意{i}" : $"不予通过{i}",
            }))));
        var winners = answers.Select((a, i) => (a, i)).Where(x => x.a.Status is >= 200 and < 300).ToList();
        var status = (await Api.GetAsync(Http, $"/api/green-factory/applications/{verified}"))["status"]?.GetValue<string>();
        var expected = winners.Count == 1 ? (winners[0].i % 2 == 0 ? "approved" : "rejected") : null;
        var ok = winners.Count == 1 && status == expected && answers.All(a => a.Status < 500);
        Console.WriteLine($"approve vs reject of one application ({contenders / 2} each): {Tally(answers)}; " +
                          $"winner {(winners.Count == 1 ? (winners[0].i % 2 == 0 ? "approve" : "reject") : "none or several")}, stored status {status} → {(ok ? "ok" : "FAILED")}");
        return ok;
    }

    private async Task<bool> RevokeRevokeAsync(int round)
    {
        var firms = (await Api.GetAsync(Http, $"/api/enterprises?pageSize=20&page=1"))["items"]!.AsArray();
        var uscc = firms[5 + round]!["uscc"]!.GetValue<string>();
        var (issuedStatus, issued) = await Api.SendAsync(Http, HttpMethod.Post, "/api/certificates",
            new JsonObject { ["kind"] = "annual-report", ["uscc"] = uscc, ["year"] = 2025, ["partial"] = true });
        var number = issued?["number"]?.GetValue<string>();
        if (number is null)
        {
            Console.WriteLine($"revoke vs revoke (round {round}): could not issue a certificate: {issuedStatus} {issued?.ToJsonString()} → FAILED");
            return false;
        }
        var answers = await AtOnceAsync(Enumerable.Range(0, contenders).Select(i => (Func<Task<(int, JsonNode?)>>)(() =>
            Api.SendAsync(Http, HttpMethod.Post, $"/api/certificates/{number}/revoke", new JsonObject { ["reason"] = $"竞态吊销{i}" }))));
        var winners = answers.Count(a => a.Status is >= 200 and < 300);
        var (_, state) = await Api.SendAsync(Http, HttpMethod.Get, $"/api/certificates/{number}/status");
        var ok = winners == 1 && answers.All(a => a.Status < 500);
        Console.WriteLine($"revoke vs revoke of {number} (round {round}): {Tally(answers)}; public status {state?["status"] ?? state} → " +
                          $"{(ok ? "ok (one winner)" : "FAILED")}");
        return ok;
    }
}
