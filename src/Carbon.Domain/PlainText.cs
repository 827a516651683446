namespace Carbon.Domain;

/// <summary>
/// What a name or a free-text field may hold: printable text. Refused are the characters that change how text looks
/// or is read without being seen — NUL and the other C0/C1 controls, DEL, CR and LF (a line break only where a field is
/// multi-line), the bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
/// U+061C), the zero-width characters (U+200B–U+200D, U+2060, U+FEFF), the line and paragraph separators
/// (U+2028, U+2029), unpaired surrogates and the non-characters U+FFFE, U+FFFF. A name that displays as
/// "ACME" but holds a zero-width space is another firm to a search; a reason with a right-to-left override reads
/// differently on a certificate than it is stored.
/// </summary>
public static class PlainText
{
    /// <summary>
    /// The first character <paramref name="text"/> may not hold, with its position (1-based, in UTF-16 units), or null.
    /// A multi-line field may hold LF (U+000A) line breaks; CR, tab and every other control are still refused.
    /// </summary>
    public static (int Position, int CodePoint)? FirstForbidden(string? text, bool multiline = false)
    {
        if (text is null)
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsForbidden(c, multiline))
            {
                return (i + 1, c);
            }
        }
        return null;
    }

    public static bool IsClean(string? text, bool multiline = false) => FirstForbidden(text, multiline) is null;

    /// <summary>Why the text is refused, in the service's two languages; null when it is clean.</summary>
    public static string? Problem(string? text, bool multiline = false) =>
        FirstForbidden(text, multiline) is not var (position, codePoint)
            ? null
            : $"第{position}个字符 U+{codePoint:X4} 是控制字符或不可见字符，不能出现在文本中{(multiline ? "（可换行，换行只用 LF）" : "")} " +
              $"(character {position} is U+{codePoint:X4}, a control or invisible character{(multiline ? "; line breaks are LF only" : "")})";

    private static bool IsForbidden(char c, bool multiline) => c switch
    {
        '\n' => !multiline,
        < ' ' => true,                                  // C0 controls: NUL, tab, CR, ESC …
        >= '\u007F' and <= '\u009F' => true,            // DEL and the C1 controls
        '\u061C' or '\u200E' or '\u200F' => true,       // bidi marks (ALM, LRM, RLM)
        >= '\u202A' and <= '\u202E' => true,            // bidi embeddings and overrides
        >= '\u2066' and <= '\u2069' => true,            // bidi isolates
        >= '\u200B' and <= '\u200D' => true,            // zero-width space, non-joiner, joiner
        '\u2060' or '\uFEFF' => true,                   // word joiner, zero-width no-break space (BOM)
        '\u2028' or '\u2029' => true,                   // line and paragraph separators
        '\uFFFE' or '\uFFFF' => true,                   // non-characters
        _ => char.IsSurrogate(c),                       // a surrogate here has no partner
    };
}
