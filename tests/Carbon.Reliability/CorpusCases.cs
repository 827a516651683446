using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Carbon.Reliability;

/// <summary>
/// One malformed request: the endpoint ("PUT /api/…") it aims at, what is wrong with it, and whether the fault is in
/// the body's fields (then a 400 must name the field in <c>errors</c>).
/// </summary>
public sealed record CorpusCase(string Endpoint, string Fault, HttpMethod Method, string Path, Func<HttpContent?> Content, bool FieldFault,
    bool AsInspector = false);

/// <summary>
/// The corpus, generated from the served OpenAPI document: for every write operation (POST, PUT, DELETE, PATCH) a valid
/// seed (hand-written or from the schema) mutated one field at a time, whole-body faults (empty, not JSON, invalid
/// UTF-8, wrong content type, deep nesting, extra property, huge), bad path parameters, multipart faults for uploads,
/// and a method the route does not take.
/// </summary>
public sealed class CorpusCases(JsonNode document, CorpusContext context)
{
    private static readonly string[] WriteMethods = ["post", "put", "delete", "patch"];

    /// <summary>Writes that take no body and whose valid call would change data: only their paths and methods are faulted.</summary>
    private static readonly HashSet<string> NoBodyActions = new(StringComparer.Ordinal)
    {
        "POST /api/reminders/run", "POST /api/policies/notify", "POST /api/auth/sign-out", "POST /api/accounts/{id}/password",
        "POST /api/imports/{id}/commit", "DELETE /api/account/tokens/{id}",
    };

    /// <summary>Fields the schema lists but whose null is documented to mean a default (so null is not a fault).</summary>
    private static readonly HashSet<string> DefaultWhenNull = new(StringComparer.Ordinal)
    {
        "POST /api/supervision/plans/draw inspectorsPerFirm", "POST /api/supervision/plans/draw seed",
        "POST /api/supervision/plans/draw parkCode", "POST /api/supervision/plans/draw mode",
        "PUT /api/enterprises/{uscc}/equipment reason", "PUT /api/enterprises/{uscc}/meters reason",
        "POST /api/supervision/checks equipment", "POST /api/supervision/checks meters",
    };

    /// <summary>Read-only checks whose every field is optional: an empty object is a valid (empty) question.</summary>
    private static readonly HashSet<string> EmptyIsValid = new(StringComparer.Ordinal) { "POST /api/supervision/checks" };

    /// <summary>Names of whole-number fields (a fraction is a fault only there; elsewhere numbers are decimals).</summary>
    private static readonly string[] WholeNumbers = ["year", "employees", "count", "firms", "inspectorsperfirm", "seed", "starrating", "required", "equipped", "page"];

    /// <summary>A JSON string escape of a lone surrogate cannot be built with JsonNode (the writer replaces it with U+FFFD).</summary>
    private const string LoneSurrogate = "@@LONE-SURROGATE@@";

    private static ByteArrayContent FieldJson(JsonNode body)
    {
        var text = body.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The JSON writes sent a 31 MB body (over Kestrel's 30 MB default limit): a few, the transfer is slow.</summary>
    private static readonly HashSet<string> HugeBodies = new(StringComparer.Ordinal)
    {
        "PUT /api/enterprises/{uscc}/filings/{month}", "POST /api/enterprises", "POST /api/supervision/cases/{id}/steps", "POST /api/policies",
        "POST /api/auth/token", "POST /api/setup",
    };

    /// <summary>Field names that are kebab-case tokens (an unknown one is a fault); free-text fields are not among them.</summary>
    private static readonly HashSet<string> EnumLike = new(StringComparer.Ordinal)
    {
        "kind", "scale", "unit", "carrier", "role", "state", "status", "mode", "trigger", "category", "campaign", "supply", "edition",
        "method", "outcome", "class", "level", "locationkind", "problems", "tier",
    };

    public List<CorpusCase> Build()
    {
        var seeds = new SchemaSeeds(document, context);
        var cases = new List<CorpusCase>();
        foreach (var (route, operations) in document["paths"]!.AsObject())
        {
            var writes = operations!.AsObject().Where(o => WriteMethods.Contains(o.Key)).ToList();
            foreach (var (method, operation) in writes)
            {
                var verb = method.ToUpperInvariant();
                var endpoint = $"{verb} {route}";
                var parameters = (operation!["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "path")
                    .Select(p => p!["name"]!.GetValue<string>()).ToList();
                var path = parameters.Aggregate(route, (r, p) => r.Replace("{" + p + "}", context.PathValue(route, p), StringComparison.Ordinal));
                var httpMethod = new HttpMethod(verb);
                var asInspector = endpoint == "POST /api/supervision/conflicts";
                var content = operation["requestBody"]?["content"]?.AsObject();
                var seed = context.KnownSeed(verb, route) ?? seeds.Seed(content?["application/json"]?["schema"]);

                // Bad path parameters, each alone, with the otherwise valid seed.
                foreach (var p in parameters)
                {
                    foreach (var (label, bad) in context.BadPathValues(p))
                    {
                        var badPath = route.Replace("{" + p + "}", bad, StringComparison.Ordinal);
                        badPath = parameters.Where(q => q != p)
                            .Aggregate(badPath, (r, q) => r.Replace("{" + q + "}", context.PathValue(route, q), StringComparison.Ordinal));
                        cases.Add(new CorpusCase(endpoint, label, httpMethod, badPath, () => seed is null ? null : Api.Json(seed.DeepClone()), false, asInspector));
                    }
                }
                if (NoBodyActions.Contains(endpoint) || content is null)
                {
                    continue;
                }
                if (content.ContainsKey("multipart/form-data"))
                {
                    cases.AddRange(Multipart(endpoint, httpMethod, path));
                    continue;
                }
                cases.AddRange(WholeBody(endpoint, httpMethod, path, seed, asInspector)
                    .Where(c => !(c.Fault == "empty object" && EmptyIsValid.Contains(endpoint))));
                if (seed is JsonObject o)
                {
                    var required = (seeds.Resolve(content["application/json"]?["schema"])?["required"]?.AsArray() ?? [])
                        .Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                    foreach (var (field, mutant) in FieldMutants(o, required))
                    {
                        if (!(field.EndsWith(": null (required)", StringComparison.Ordinal) && DefaultWhenNull.Contains($"{endpoint} {field[..field.IndexOf(':')]}")))
                        {
                            cases.Add(new CorpusCase(endpoint, field, httpMethod, path, () => FieldJson(mutant), true, asInspector));
                        }
                    }
                }
            }
            if (writes.Count > 0)
            {
                var first = writes[0].Value!["parameters"]?.AsArray().Where(p => p!["in"]!.GetValue<string>() == "path")
                    .Select(p => p!["name"]!.GetValue<string>()) ?? [];
                var path = first.Aggregate(route, (r, p) => r.Replace("{" + p + "}", context.PathValue(route, p), StringComparison.Ordinal));
                cases.Add(new CorpusCase($"{writes[0].Key.ToUpperInvariant()} {route}", "a method the route does not take (PATCH)",
                    HttpMethod.Patch, path, () => Api.Json(new JsonObject()), false));
            }
        }
        return cases;
    }

    private static IEnumerable<CorpusCase> WholeBody(string endpoint, HttpMethod method, string path, JsonNode? seed, bool asInspector)
    {
        CorpusCase Case(string fault, Func<HttpContent?> content, bool field = false) => new(endpoint, fault, method, path, content, field, asInspector);
        static ByteArrayContent Raw(byte[] bytes, string? type = "application/json")
        {
            var c = new ByteArrayContent(bytes);
            if (type is not null)
            {
                c.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            }
            return c;
        }
        var text = seed?.ToJsonString() ?? "{}";
        yield return Case("empty body", () => Raw([]));
        yield return Case("no body, no content type", () => null);
        yield return Case("JSON null", () => Raw("null"u8.ToArray()));
        yield return Case("JSON array instead of object", () => Raw("[]"u8.ToArray()));
        yield return Case("JSON number instead of object", () => Raw("42"u8.ToArray()));
        yield return Case("malformed JSON (cut short)", () => Raw(Encoding.UTF8.GetBytes(text[..(text.Length / 2)])));
        yield return Case("trailing garbage after JSON", () => Raw(Encoding.UTF8.GetBytes(text + "}garbage")));
        yield return Case("invalid UTF-8 bytes in a string", () => Raw([.. "{\"name\":\""u8.ToArray(), 0xFF, 0xFE, 0xC3, .. "\"}"u8.ToArray()]));
        yield return Case("invalid UTF-8 bytes in the seed's first string", () => Raw(InvalidUtf8(text)));
        yield return Case("text/plain content type", () => Raw(Encoding.UTF8.GetBytes(text), "text/plain"));
        yield return Case("application/xml content type", () => Raw(Encoding.UTF8.GetBytes("<a/>"), "application/xml"));
        yield return Case("form-urlencoded content type", () => Raw("a=1&b=2"u8.ToArray(), "application/x-www-form-urlencoded"));
        yield return Case("JSON with an unknown charset", () =>
        {
            var c = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            c.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=no-such-charset");
            return c;
        });
        yield return Case("deeply nested arrays (10 000)", () => Raw(Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000))));
        yield return Case("deeply nested objects (2 000)", () => Raw(Encoding.UTF8.GetBytes(
            string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000))));
        if (HugeBodies.Contains(endpoint))
        {
            yield return Case("huge body (31 MB string)", () => Raw(Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', 31 * 1024 * 1024) + "\"}")));
        }
        yield return Case("huge array (200 000 elements) as an extra property", () => Raw(Encoding.UTF8.GetBytes(
            "{\"extra\":[" + string.Join(',', Enumerable.Repeat("1", 200_000)) + "]}")), field: true);
        if (seed is JsonObject o)
        {
            var extra = (JsonObject)o.DeepClone();
            extra["unexpectedProperty"] = 1;
            yield return Case("extra property", () => Api.Json(extra.DeepClone()), field: true);
            var first = o.FirstOrDefault(p => p.Value is not null);
            if (first.Key is not null)
            {
                var doubled = text.TrimEnd('}') + (o.Count > 0 ? "," : "") + $"\"{first.Key}\":{first.Value!.ToJsonString()}}}";
                yield return Case($"property said twice ({first.Key})", () => Raw(Encoding.UTF8.GetBytes(doubled)), field: true);
            }
            var empty = new JsonObject();
            yield return Case("empty object", () => Api.Json(empty.DeepClone()), field: true);
        }
    }

    private static byte[] InvalidUtf8(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var quote = Array.IndexOf(bytes, (byte)':');
        var start = quote >= 0 ? Array.IndexOf(bytes, (byte)'"', quote) : -1;
        if (start < 0)
        {
            return [.. "{\"a\":\""u8.ToArray(), 0xC0, 0x80, .. "\"}"u8.ToArray()];
        }
        return [.. bytes[..(start + 1)], 0xED, 0xA0, 0x80, .. bytes[(start + 1)..]];   // an encoded surrogate: invalid UTF-8
    }

    /// <summary>Each field (and each field of a nested object or of an array's first element) made wrong in one way at a time.</summary>
    private static IEnumerable<(string Fault, JsonObject Body)> FieldMutants(JsonObject seed, HashSet<string> required)
    {
        foreach (var (path, value) in Leaves(seed, ""))
        {
            foreach (var (fault, bad) in BadValues(path, value, required.Contains(path)))
            {
                var body = (JsonObject)seed.DeepClone();
                Set(body, path, bad);
                yield return ($"{path}: {fault}", body);
            }
        }
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                    yield return (path, child);
                    if (prefix.Split('.').Length < 3 && child is JsonObject or JsonArray)
                    {
                        foreach (var leaf in Leaves(child, path))
                        {
                            yield return leaf;
                        }
                    }
                }
                break;
            case JsonArray { Count: > 0 } a when a[0] is JsonObject first:
                foreach (var leaf in Leaves(first, prefix + "[0]"))
                {
                    yield return leaf;
                }
                break;
        }
    }

    /// <summary>Wrong values for one field; null only where the field is required (elsewhere null is a valid "none").</summary>
    private static IEnumerable<(string Fault, JsonNode? Value)> BadValues(string path, JsonNode? value, bool required)
    {
        var name = path.Split('.')[^1].ToLowerInvariant();
        switch (value)
        {
            case JsonObject:
                yield return ("object sent as a string", "x");
                yield return ("object sent as an array", new JsonArray());
                break;
            case JsonArray:
                yield return ("array sent as an object", new JsonObject());
                yield return ("array sent as a number", 3);
                yield return ("array of a 100 000-char string", new JsonArray("a" + new string('b', 100_000)));
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                yield return ("number sent as a string", "abc");
                yield return ("negative number", -1);
                yield return ("out of range (1e30)", JsonNode.Parse("1e30"));
                yield return ("number beyond decimal (1e400)", JsonNode.Parse("1e400"));
                if (WholeNumbers.Any(w => name.Contains(w, StringComparison.Ordinal)))
                {
                    yield return ("fraction where a whole number is expected", 1.5m);
                }
                break;
            case JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                yield return ("boolean sent as a string", "yes");
                yield return ("boolean sent as a number", 1);
                break;
            case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var s = v.GetValue<string>();
                yield return ("string sent as a number", 12345);
                yield return ("string sent as an object", new JsonObject());
                yield return ("NUL and control characters", s + "\u0000\u0007");
                yield return ("bidi override", "\u202E" + s);
                yield return ("lone surrogate (\\ud800 escape)", s + LoneSurrogate);
                yield return ("huge string (20 000 chars)", s + new string('长', 20_000));
                if (EnumLike.Contains(name) || name is "uscc" or "month")
                {
                    yield return ("unknown token", "no-such-token");
                }
                if (name.Contains("uscc", StringComparison.Ordinal) && s.Length == 18)
                {
                    yield return ("USCC with a wrong check character", s[..17] + (s[17] == 'A' ? 'B' : 'A'));
                }
                if (name.Contains("month", StringComparison.Ordinal))
                {
                    yield return ("month 2020-13", "2020-13");
                    yield return ("month 0000-01", "0000-01");
                }
                if (name == "unit")
                {
                    yield return ("bad unit", "furlong");
                }
                break;
        }
        if (required)
        {
            yield return ("null (required)", null);
        }
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        JsonNode node = body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = Step(node, part);
        }
        var last = parts[^1];
        if (last.EndsWith("[0]", StringComparison.Ordinal))
        {
            ((JsonObject)node)[last[..^3]]!.AsArray()[0] = value;
        }
        else
        {
            ((JsonObject)node)[last] = value;
        }
    }

    private static JsonNode Step(JsonNode node, string part) =>
        part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]![0]! : node[part]!;

    private static IEnumerable<CorpusCase> Multipart(string endpoint, HttpMethod method, string path)
    {
        CorpusCase Case(string fault, Func<HttpContent?> content) => new(endpoint, fault, method, path, content, false);
        static MultipartFormDataContent Form(string field, byte[] bytes, string fileName, string type = "application/octet-stream")
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(file, field, fileName);
            return form;
        }
        static ByteArrayContent Raw(string text, string type)
        {
            var c = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            c.Headers.TryAddWithoutValidation("Content-Type", type);
            return c;
        }
        var isSheet = endpoint.Contains("imports", StringComparison.Ordinal) || endpoint.Contains("budgets", StringComparison.Ordinal)
                      || endpoint.Contains("grid-electricity", StringComparison.Ordinal);
        yield return Case("JSON instead of multipart", () => Api.Json(new JsonObject { ["file"] = "x" }));
        yield return Case("empty body", () => new ByteArrayContent([]));
        yield return Case("multipart without a file part", () =>
        {
            var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };
            return form;
        });
        yield return Case("multipart with an empty file", () => Form("file", [], "empty.xlsx"));
        yield return Case("multipart/form-data without a boundary", () => Raw("--x\r\n", "multipart/form-data"));
        yield return Case("multipart cut short (no closing boundary)", () => Raw(
            "--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004abc",
            "multipart/form-data; boundary=b0"));
        yield return Case("multipart with a boundary that never appears", () => Raw("garbage without parts", "multipart/form-data; boundary=zzz"));
        yield return Case("multipart part without Content-Disposition", () => Raw(
            "--b1\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--b1--\r\n", "multipart/form-data; boundary=b1"));
        yield return Case("file larger than any upload limit (31 MB)", () => Form("file", new byte[31 * 1024 * 1024], "big.xlsx"));
        yield return Case("file name with control characters", () => Form("file", [], "bad\u0001\u202E.xlsx"));
        if (isSheet)
        {
            yield return Case("a text file called .xlsx", () => Form("file", "not a spreadsheet"u8.ToArray(), "data.xlsx"));
            yield return Case("a truncated zip called .xlsx", () => Form("file", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], "data.xlsx"));
            yield return Case("a zip bomb-ish header: zip with no entries", () => Form("file",
                [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "empty.xlsx"));
            yield return Case("query dryRun=maybe", () => Form("file", "x"u8.ToArray(), "data.xlsx")) with { Path = path + "?dryRun=maybe" };
        }
    }
}
