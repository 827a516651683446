using System.Text.Json.Nodes;

namespace Carbon.Reliability;

/// <summary>
/// What the corpus needs from the demo ledger before it starts: a firm, a park, the id of one record of each kind for
/// the paths that take one, one certificate, and the GETs whose answers must read the same after the corpus.
/// </summary>
public sealed class CorpusContext
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    private JsonObject? _filing, _profile;

    public string Uscc { get; private set; } = "";

    public string ParkCode { get; private set; } = "";

    public string? CertificateNumber { get; private set; }

    public static async Task<CorpusContext> LoadAsync(HttpClient official)
    {
        var c = new CorpusContext();
        var firm = (await Api.GetAsync(official, "/api/enterprises?pageSize=1"))["items"]![0]!;
        c.Uscc = firm["uscc"]!.GetValue<string>();
        c.ParkCode = firm["parkCode"]!.GetValue<string>();
        // The firm's own March 2025 and profile, sent back with a reason: valid revisions but for the one mutated field.
        c._filing = (await Api.GetAsync(official, $"/api/enterprises/{c.Uscc}/filings/2025-03"))["current"]!.DeepClone().AsObject();
        c._filing["reason"] = "语料修订";
        c._profile = (await Api.GetAsync(official, $"/api/enterprises/{c.Uscc}"))["profile"]!.DeepClone().AsObject();
        c._profile["reason"] = "语料更正";
        foreach (var list in new[]
                 {
                     "/api/accounts", "/api/green-factory/applications", "/api/supervision/cases", "/api/imports", "/api/rectification/cases",
                     "/api/requests", "/api/plan/tasks", "/api/policies", "/api/parcels", "/api/micro-parks", "/api/evaluations",
                 })
        {
            if (FirstId(await Api.GetAsync(official, list)) is { } id)
            {
                c._ids[list] = id;
            }
        }
        var (status, issued) = await Api.SendAsync(official, HttpMethod.Post, "/api/certificates",
            new JsonObject { ["kind"] = "annual-report", ["uscc"] = c.Uscc, ["year"] = 2025, ["partial"] = true });
        c.CertificateNumber = status is >= 200 and < 300 ? FindString(issued, "number") : null;
        if (c.CertificateNumber is null)
        {
            Console.WriteLine($"  (no certificate issued for the corpus: {status} {issued?.ToJsonString()})");
        }
        return c;
    }

    /// <summary>The first "id" (else "code") found depth-first in a list's answer.</summary>
    private static string? FirstId(JsonNode? node) => FindString(node, "id") ?? FindString(node, "code");

    private static string? FindString(JsonNode? node, string property)
    {
        switch (node)
        {
            case JsonObject o:
                if (o[property] is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    return s;
                }
                foreach (var (_, child) in o)
                {
                    if (FindString(child, property) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonArray a:
                return a.Select(x => FindString(x, property)).FirstOrDefault(x => x is not null);
            default:
                return null;
        }
    }

    /// <summary>A valid value for a path parameter of a route: the id of an existing record of the kind the route names.</summary>
    public string PathValue(string route, string parameter)
    {
        var prefix = route[..route.IndexOf("{" + parameter + "}", StringComparison.Ordinal)].TrimEnd('/');
        return parameter switch
        {
            "uscc" => Uscc,
            "month" => "2025-03",
            "year" => "2025",
            "number" => CertificateNumber ?? "AR-2025-000001",
            "code" => ParkCode,
            _ => _ids.GetValueOrDefault(prefix) ?? "no-such-record",
        };
    }

    /// <summary>Values a path parameter must refuse (400 naming it, or 404).</summary>
    public IEnumerable<(string Label, string Value)> BadPathValues(string parameter)
    {
        switch (parameter)
        {
            case "uscc":
                var wrongCheck = Uscc[..17] + (Uscc[17] == 'A' ? 'B' : 'A');
                yield return ("uscc: wrong GB 32100 check character", wrongCheck);
                yield return ("uscc: 17 characters", Uscc[..17]);
                yield return ("uscc: letters I/O/Z/S/V not in the alphabet", Uscc[..16] + "IO");
                yield return ("uscc: lower case", Uscc.ToLowerInvariant());
                yield return ("uscc: control character", Uri.EscapeDataString(Uscc[..17] + "\u0001"));
                break;
            case "month":
                yield return ("month 2020-13", "2020-13");
                yield return ("month 0000-01", "0000-01");
                yield return ("month 2020-00", "2020-00");
                yield return ("month 2020-1", "2020-1");
                yield return ("month 2020/01", Uri.EscapeDataString("2020/01"));
                yield return ("month 99999-01", "99999-01");
                break;
            case "year":
                yield return ("year 99999", "99999");
                yield return ("year -1", "-1");
                yield return ("year abc", "abc");
                yield return ("year 2147483648", "2147483648");
                break;
            default:
                yield return ($"{parameter}: unknown", "no-such-record-0000");
                yield return ($"{parameter}: 5 000 characters", new string('a', 5000));
                yield return ($"{parameter}: control and bidi characters", Uri.EscapeDataString("a\u0000\u202Eb"));
                yield return ($"{parameter}: invalid UTF-8 percent-escape", "%FF%FE");
                break;
        }
    }

    /// <summary>Hand-written valid bodies for the writes whose schema alone does not say what is valid.</summary>
    public JsonNode? KnownSeed(string method, string route) => (method, route) switch
    {
        ("PUT", "/api/enterprises/{uscc}/filings/{month}") => _filing?.DeepClone(),
        ("POST", "/api/enterprises") => Api.Enterprise(Carbon.Server.Demo.DemoDistrict.Uscc(9_000), ParkCode, "语料测试有限公司"),
        ("POST", "/api/parks") => new JsonObject { ["code"] = "CORPUS", ["name"] = "语料园区", ["kind"] = "industrial-park" },
        ("PUT", "/api/enterprises/{uscc}") => _profile?.DeepClone(),
        ("POST", "/api/auth/token") or ("POST", "/api/auth/sign-in") => new JsonObject { ["userName"] = "nobody-corpus", ["password"] = "Wrong-pass-2026" },
        _ => null,
    };

    /// <summary>The GETs read before and after the corpus: their answers must be the same.</summary>
    public IEnumerable<string> ReadBack() =>
    [
        "/api/enterprises?pageSize=500", "/api/parks", "/api/accounts", "/api/green-factory/applications", "/api/supervision/cases",
        "/api/supervision/plans", "/api/rectification/cases", "/api/requests", "/api/policies", "/api/parcels", "/api/micro-parks",
        "/api/certificates", "/api/imports", "/api/evaluations", $"/api/enterprises/{Uscc}", $"/api/enterprises/{Uscc}/filings/2025-03",
        $"/api/enterprises/{Uscc}/filings", $"/api/enterprises/{Uscc}/equipment", $"/api/enterprises/{Uscc}/meters",
        $"/api/enterprises/{Uscc}/budgets/2025", $"/api/enterprises/{Uscc}/energy-reports/2025", "/api/alerts", "/api/plan/tasks",
        $"/api/parks/{ParkCode}",
    ];
}
