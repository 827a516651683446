using System.Text.Json;
using System.Text.Json.Serialization;

namespace Carbon.Server.Wire;

/// <summary>
/// Writes a decimal without trailing zeros (500.0 → 500, 0.1229000 → 0.1229), so the same value reads the same
/// whether it came from a request, from arithmetic, or back from the ledger. Reads JSON numbers only.
/// </summary>
public sealed class CanonicalDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"expected a number, got {reader.TokenType}");
        }
        if (!reader.TryGetDecimal(out var value))
        {
            throw new JsonException("the number is outside the range of a decimal (±7.9e28) or not finite");
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Canonical(value));

    /// <summary>The same value with the smallest scale that keeps it exact.</summary>
    public static decimal Canonical(decimal value) => value / 1.0000000000000000000000000000m;
}
