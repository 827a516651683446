using System.Globalization;
using System.Text;

namespace Carbon.Sheets;

/// <summary>
/// CSV (RFC 4180): commas, quoted fields with "" inside, CRLF or LF. Read as UTF-8 (with or without BOM) or, when the
/// bytes are not UTF-8, as GB 18030 — what Excel in a Chinese locale saves by default. Written as UTF-8 with a BOM, so
/// Excel opens the Chinese text correctly.
/// </summary>
public static class Csv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static Csv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Grid Read(byte[] bytes, string name)
    {
        var text = Decode(bytes);
        var rows = new List<GridRow>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var number = 1;
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    EndField();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n':
                    EndRow();
                    break;
                default:
                    field.Append(c);
                    atFieldStart = false;
                    break;
            }
        }
        if (quoted)
        {
            throw new SheetFormatException($"第 {number} 行的引号未闭合 (an unclosed quote in row {number})");
        }
        if (field.Length > 0 || cells.Count > 0)
        {
            EndRow();
        }
        return new Grid(name, rows);

        void EndField()
        {
            if (cells.Count >= SheetFiles.MaxColumns)
            {
                throw new SheetFormatException($"第 {number} 行超过 {SheetFiles.MaxColumns} 列 (row {number} has more than {SheetFiles.MaxColumns} columns)");
            }
            cells.Add(field.ToString().Trim());
            field.Clear();
            atFieldStart = true;
        }

        void EndRow()
        {
            EndField();
            var row = new GridRow(number, cells.ToArray());
            if (!row.IsBlank)
            {
                if (rows.Count >= SheetFiles.MaxRows)
                {
                    throw new SheetFormatException($"文件超过 {SheetFiles.MaxRows:N0} 行，请分批导入 (more than {SheetFiles.MaxRows:N0} rows: split the file)");
                }
                rows.Add(row);
            }
            cells.Clear();
            number++;
        }
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>
    /// Writes the rows. A text cell that a spreadsheet would run as a formula (=, +, -, @ first, and not a plain number) is
    /// prefixed with ' (OWASP's CSV-injection advice); numbers are written in invariant notation and never prefixed.
    /// </summary>
    public static void Write(Stream stream, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }
                writer.Write(Field(row[i]));
            }
            writer.Write("\r\n");
        }
    }

    private static string Field(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        _ => Quote(Defuse(value.ToString() ?? "")),
    };

    private static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
        && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)   // "-3.5" read back from a sheet stays a number
            ? "'" + text
            : text;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
