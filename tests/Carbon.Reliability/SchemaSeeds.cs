using System.Text.Json.Nodes;

namespace Carbon.Reliability;

/// <summary>
/// A plausible body for an operation, built from its schema in the served OpenAPI document: every property given a
/// value of its type (enums their first token, names of known kinds — uscc, month, year, dates — a valid value), so
/// that mutating one field at a time makes that field the one wrong thing. Hand-written seeds for the main writes
/// (<see cref="CorpusContext.KnownSeed"/>) replace it where the schema alone cannot say what is valid.
/// </summary>
public sealed class SchemaSeeds(JsonNode document, CorpusContext context)
{
    private JsonObject Schemas => document["components"]!["schemas"]!.AsObject();

    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var depth = 0; depth < 10 && schema is JsonObject o; depth++)
        {
            if (o["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = Schemas[reference.Split('/')[^1]];
            }
            else if (o["oneOf"] is JsonArray oneOf)
            {
                schema = oneOf.FirstOrDefault(s => s?["type"]?.ToString() != "null") ?? oneOf[0];
            }
            else if (o["allOf"] is JsonArray allOf && allOf.Count == 1)
            {
                schema = allOf[0];
            }
            else
            {
                return o;
            }
        }
        return schema;
    }

    public static string Kind(JsonNode? schema)
    {
        var type = schema?["type"];
        var types = type is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : type is null ? [] : [type.GetValue<string>()];
        types.Remove("null");
        if (types.Count > 0)
        {
            return types[0];
        }
        return schema?["format"]?.GetValue<string>() is "double" or "float" or "decimal" ? "number"
            : schema?["properties"] is not null ? "object" : "unknown";
    }

    public JsonNode? Seed(JsonNode? schema, string name = "", int depth = 0)
    {
        var s = Resolve(schema);
        if (s is null || depth > 6)
        {
            return null;
        }
        if (s["enum"] is JsonArray tokens && tokens.Count > 0)
        {
            return tokens.FirstOrDefault(t => t is not null)?.DeepClone();
        }
        switch (Kind(s))
        {
            case "object":
                var body = new JsonObject();
                foreach (var (property, propertySchema) in s["properties"]?.AsObject() ?? [])
                {
                    body[property] = Seed(propertySchema, property, depth + 1);
                }
                return body;
            case "array":
                return new JsonArray(Seed(s["items"], name, depth + 1));
            case "integer":
                return name.Contains("year", StringComparison.OrdinalIgnoreCase) ? 2025 : 1;
            case "number":
                return 1.5m;
            case "boolean":
                return false;
            case "string":
                return StringFor(name, s["format"]?.GetValue<string>());
            default:
                return null;
        }
    }

    private string StringFor(string name, string? format)
    {
        var n = name.ToLowerInvariant();
        return format switch
        {
            "date" => "2025-03-01",
            "date-time" => "2025-03-01T08:00:00+08:00",
            _ when n.Contains("uscc", StringComparison.Ordinal) => context.Uscc,
            _ when n == "month" || n.EndsWith("month", StringComparison.Ordinal) => "2025-03",
            _ when n == "parkcode" => context.ParkCode,
            _ when n.Contains("email", StringComparison.Ordinal) => "someone@example.org",
            _ when n.Contains("password", StringComparison.Ordinal) => "Corpus-pass-2026",
            _ => "语料测试",
        };
    }
}
