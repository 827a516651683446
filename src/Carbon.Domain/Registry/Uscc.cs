namespace Carbon.Domain.Registry;

/// <summary>
/// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character alphabet
/// (no I, O, S, V, Z), the last one a check character. An instance is always valid.
/// </summary>
public readonly record struct Uscc : IParsable<Uscc>
{
    /// <summary>The code alphabet, in value order (GB 32100-2015 表2).</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Position weights 3^i mod 31 (GB 32100-2015 §5.2, 公式 (1)).</summary>
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private Uscc(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value ?? string.Empty;

    /// <summary>Parses a code; <paramref name="error"/> says why it is not one.</summary>
    public static bool TryParse(string? text, out Uscc uscc, out string error)
    {
        uscc = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "统一社会信用代码不能为空 (the USCC is required)";
            return false;
        }
        if (text.Length != 18)
        {
            error = $"统一社会信用代码应为18位 (a USCC has 18 characters, got {text.Length})";
            return false;
        }
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(text[i]) < 0)
            {
                error = $"第{i + 1}位字符 '{text[i]}' 不在代码字符集中 (character {i + 1} is not in the GB 32100 alphabet; I, O, S, V, Z and lower case are never used)";
                return false;
            }
        }
        var expected = CheckCharacter(text.AsSpan(0, 17));
        if (text[17] != expected)
        {
            error = $"校验码错误：应为 '{expected}' (check character should be '{expected}', got '{text[17]}')";
            return false;
        }
        uscc = new Uscc(text);
        error = string.Empty;
        return true;
    }

    public static Uscc Parse(string text) =>
        TryParse(text, out var uscc, out var error) ? uscc : throw new FormatException(error);

    /// <summary>For route and query binding (<see cref="IParsable{TSelf}"/>); the reason is lost, use the three-argument form to keep it.</summary>
    public static bool TryParse(string? s, IFormatProvider? provider, out Uscc result) => TryParse(s, out result, out _);

    static Uscc IParsable<Uscc>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>The check character for 17 leading characters: 31 − (Σ Cᵢ·Wᵢ mod 31), 31 written as '0' (GB 32100-2015 §5.2).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("the check character covers exactly 17 characters", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i]);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not in the GB 32100 alphabet", nameof(first17));
            }
            sum += value * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
