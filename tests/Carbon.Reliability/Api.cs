using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carbon.Reliability;

/// <summary>Signing in to a child service and the few calls every mode needs.</summary>
public static class Api
{
    /// <summary>Rate limits out of the way: the suite is one client sending thousands of requests a minute.</summary>
    public static readonly string[] NoRateLimits =
    [
        "--Carbon:RateLimits:Authenticated", "100000000", "--Carbon:RateLimits:AnonymousReads", "100000000",
        "--Carbon:RateLimits:AnonymousWrites", "100000000", "--Carbon:RateLimits:AnonymousVerifications", "100000000",
    ];

    public const string ChiefUser = "chief";
    public const string ChiefPassword = "Reliability-2026";

    public static HttpClient Client(ServerProcess server, int connections = 64) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseProxy = false,
        UseCookies = false,
    })
    {
        BaseAddress = server.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>
    /// A client signed in as a district official: on a fresh ledger the setup code the service printed creates it
    /// (<c>POST /api/setup</c>); on a demo ledger the demo official; afterwards the same credentials again.
    /// </summary>
    public static async Task<HttpClient> OfficialAsync(ServerProcess server, bool demo = false)
    {
        var http = Client(server);
        if (demo)
        {
            await SignInAsync(http, "official", "Demo-official-2026");
            return http;
        }
        if (server.SetupCode is { } code)
        {
            var setup = await http.PostAsync("/api/setup", Json(new
            {
                code, userName = ChiefUser, displayName = "可靠性测试", password = ChiefPassword,
            }));
            // Refused when the code was spent by an earlier call: then the account exists and signing in says so.
            setup.Dispose();
        }
        await SignInAsync(http, ChiefUser, ChiefPassword);
        return http;
    }

    public static async Task SignInAsync(HttpClient http, string userName, string password)
    {
        var response = await http.PostAsync("/api/auth/token", Json(new { userName, password }));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"no token for {userName}: {(int)response.StatusCode} {text}");
        }
        var token = JsonNode.Parse(text)!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static async Task<(int Status, JsonNode? Body)> SendAsync(HttpClient http, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, Parse(text));
    }

    public static JsonNode? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static async Task<JsonNode> GetAsync(HttpClient http, string path)
    {
        var (status, body) = await SendAsync(http, HttpMethod.Get, path);
        return status == 200 && body is not null ? body : throw new InvalidOperationException($"GET {path}: {status} {body?.ToJsonString()}");
    }

    public static async Task EnsureAsync(HttpClient http, HttpMethod method, string path, JsonNode body)
    {
        var (status, answer) = await SendAsync(http, method, path, body);
        if (status is < 200 or > 299)
        {
            throw new InvalidOperationException($"{method} {path}: {status} {answer?.ToJsonString()}");
        }
    }

    public static Task RegisterParkAsync(HttpClient http, string code) =>
        EnsureAsync(http, HttpMethod.Post, "/api/parks", new JsonObject { ["code"] = code, ["name"] = $"可靠性园区{code}", ["kind"] = "industrial-park" });

    public static JsonObject Enterprise(string uscc, string parkCode, string name) => new()
    {
        ["uscc"] = uscc, ["name"] = name, ["industry"] = "机械装备", ["industryCode"] = "C3441", ["parkCode"] = parkCode,
        ["scale"] = "above", ["landAreaMu"] = 50,
    };

    /// <summary>A month's filing whose figures follow <paramref name="seed"/> and stay within ±30 % of each other (no anomaly check trips).</summary>
    public static JsonObject Filing(int seed, string? reason = null)
    {
        var k = 100_000m + seed % 997 * 31m;
        var filing = new JsonObject
        {
            ["energy"] = new JsonArray(
                new JsonObject { ["carrier"] = "electricity", ["quantity"] = k, ["unit"] = "kWh" },
                new JsonObject { ["carrier"] = "natural-gas", ["quantity"] = 2000m + seed % 389, ["unit"] = "m3" }),
            ["waterM3"] = 500m + seed % 97,
            ["outputValue"] = 1000m + seed % 89,
            ["valueAdded"] = 250m + seed % 31,
            ["revenue"] = 1100m + seed % 83,
            ["taxPaid"] = 40m + seed % 7,
            ["employees"] = 80 + seed % 11,
            ["rdExpense"] = 20m + seed % 5,
            ["pollutants"] = new JsonObject { ["codT"] = 0.1m, ["noxT"] = 0.05m + seed % 3 / 100m },
        };
        if (reason is not null)
        {
            filing["reason"] = reason;
        }
        return filing;
    }

    private static decimal Number(JsonValue v) =>
        decimal.Parse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether <paramref name="got"/> holds everything <paramref name="sent"/> said: each property equal (numbers as
    /// decimals), arrays element by element; a property sent as null may be absent, null or empty.
    /// </summary>
    public static bool Holds(JsonNode? sent, JsonNode? got)
    {
        switch (sent)
        {
            case null:
                return got is null || got is JsonArray { Count: 0 } || got.GetValueKind() == JsonValueKind.Null;
            case JsonObject o:
                return got is JsonObject g && o.All(p => Holds(p.Value, g[p.Key]));
            case JsonArray a:
                return got is JsonArray b && a.Count == b.Count && a.Zip(b).All(x => Holds(x.First, x.Second));
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return got is JsonValue w && w.GetValueKind() == JsonValueKind.Number && Number(v) == Number(w);
            default:
                return got is not null && JsonNode.DeepEquals(sent, got);
        }
    }
}
