using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Carbon.Domain.Registry;

namespace Carbon.Server.Wire;

/// <summary>
/// The one wire rule, for the API and the data files alike: camelCase names, numbers as numbers, unknown fields are
/// errors, enums as kebab-case strings, decimals without trailing zeros, <see cref="Uscc"/> and <see cref="YearMonth"/>
/// as their written forms; a field said twice is an error.
/// </summary>
public static class WireJson
{
    /// <summary>Options with the wire rule, for code that serializes outside ASP.NET's pipeline.</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.NumberHandling = JsonNumberHandling.Strict;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // A field said twice is ambiguous (which one did the sender mean? which one did a proxy or a log check?): refused.
        json.AllowDuplicateProperties = false;
        json.Converters.Add(new CanonicalDecimalConverter());
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        json.Converters.Add(new UsccConverter());
        json.Converters.Add(new YearMonthConverter());
        return json;
    }

    /// <summary>The JSON path of a C# property path: "Energy[1].Unit" → "energy[1].unit".</summary>
    public static string FieldPath(string propertyName)
    {
        var sb = new StringBuilder(propertyName.Length);
        var startOfSegment = true;
        foreach (var c in propertyName)
        {
            sb.Append(startOfSegment ? char.ToLowerInvariant(c) : c);
            startOfSegment = c == '.';
        }
        return sb.ToString();
    }

    /// <summary>"$.energy[1].quantity" → "energy[1].quantity"; "$" → "body".</summary>
    public static string FieldOfJsonPath(string path)
    {
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }
}

/// <summary>A USCC is its 18 characters; a string that is not one is refused with the GB 32100 reason.</summary>
public sealed class UsccConverter : JsonConverter<Uscc>
{
    public override Uscc Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Uscc.TryParse(reader.GetString(), out var uscc, out var error) ? uscc : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, Uscc value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>A month is "yyyy-MM".</summary>
public sealed class YearMonthConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        YearMonth.TryParse(reader.GetString(), out var month) ? month : throw new JsonException("月份应为 yyyy-MM 格式 (a month is yyyy-MM)");

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
