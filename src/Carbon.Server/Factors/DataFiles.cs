using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Carbon.Server.Wire;
using FluentValidation;

namespace Carbon.Server.Factors;

/// <summary>Reads a JSON data file under factors/ strictly and validates it; problems name the file, field and reason.</summary>
public static class DataFiles
{
    private static readonly JsonSerializerOptions Json = CreateOptions();

    /// <summary>The same strict options as the API: camelCase, numbers as numbers, unknown fields are errors.</summary>
    private static JsonSerializerOptions CreateOptions()
    {
        return WireJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        });
    }

    /// <summary>Parses and validates <paramref name="text"/>; adds "name, field 'x': reason" lines to <paramref name="problems"/>.</summary>
    public static T? Parse<T>(string name, string text, IValidator<T> validator, List<string> problems) where T : class
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(text, Json);
        }
        catch (JsonException e)
        {
            var at = e.Path is { Length: > 1 } path ? $", field '{WireJson.FieldOfJsonPath(path)}'" : string.Empty;
            problems.Add($"{name} line {e.LineNumber + 1}{at}: {e.Message.Split(" Path:")[0]}");
            return null;
        }
        if (value is null)
        {
            problems.Add($"{name}: empty");
            return null;
        }
        var result = validator.Validate(value);
        problems.AddRange(result.Errors.Select(e => $"{name}, field '{WireJson.FieldPath(e.PropertyName)}': {e.ErrorMessage}"));
        return result.IsValid ? value : null;
    }

    /// <summary>The first 12 hex digits of the SHA-256 of a file's bytes: a content version.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}
