using System.Text.Json;

namespace Carbon.Server.Ledger;

/// <summary>An enum value as the ledger stores it and the wire shows it: its kebab-case name ("rectification-ordered").</summary>
internal static class EnumTokens
{
    public static string Token<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string token) where T : struct, Enum => Enum.GetValues<T>().First(v => Token(v) == token);
}
