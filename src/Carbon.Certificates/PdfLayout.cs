using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Carbon.Certificates;

internal enum Align
{
    Left,
    Center,
    Right,
}

/// <summary>A table column: Chinese header, optional English sub-header, width in points, alignment of its cells.</summary>
internal sealed record Column(string Header, string? HeaderEn, double Width, Align Align = Align.Left);

/// <summary>One labelled line of a framed field block (企业名称 / Enterprise: value).</summary>
internal sealed record Field(string Label, string LabelEn, string Value, bool Strong = false);

/// <summary>A headline figure in a row of tiles (label over value).</summary>
internal sealed record Tile(string Label, string LabelEn, string Value);

/// <summary>The colours of one certificate kind: accent (rules, frames, title), a light tint (header cells).</summary>
internal sealed record Theme(XColor Accent, XColor Tint);

/// <summary>
/// Drawing helpers shared by the three certificate kinds. PDFsharp has no layout engine, so alignment, wrapping and
/// tables are measured and drawn here; coordinates are points from the top-left of an A4 page, and a text's y is its
/// baseline.
/// </summary>
internal sealed class PdfLayout(XGraphics g, Theme theme)
{
    public const double PageWidth = 595.276;
    public const double PageHeight = 841.89;
    public const double Margin = 56;
    public const double Left = Margin;
    public const double Right = PageWidth - Margin;
    public const double Width = Right - Left;

    public static readonly XColor Ink = XColor.FromArgb(0x1E, 0x1E, 0x1E);
    public static readonly XColor Muted = XColor.FromArgb(0x6A, 0x6A, 0x6A);
    public static readonly XColor Grid = XColor.FromArgb(0xA8, 0xA8, 0xA8);

    private const double SecondLabelWidth = 84;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(double Size, bool Bold), XFont> fonts = [];
    private readonly Dictionary<(string Text, double Size, bool Bold), double> widths = [];

    public XGraphics G { get; } = g;

    public Theme Theme { get; } = theme;

    public XFont Font(double size, bool bold = false)
    {
        if (!fonts.TryGetValue((size, bold), out var font))
        {
            font = new XFont(NotoFontResolver.FamilyName, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
            fonts[(size, bold)] = font;
        }
        return font;
    }

    /// <summary>Width in points; memoised, because wrapping measures the same characters again and again.</summary>
    public double Measure(string text, double size, bool bold = false)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        if (!widths.TryGetValue((text, size, bold), out var width))
        {
            width = G.MeasureString(text, Font(size, bold)).Width;
            widths[(text, size, bold)] = width;
        }
        return width;
    }

    /// <summary>Draws one line at baseline <paramref name="y"/>, anchored by <paramref name="align"/>; returns its width.</summary>
    public double Text(string text, double x, double y, double size, bool bold = false, XColor? color = null, Align align = Align.Left)
    {
        var width = Measure(text, size, bold);
        if (width > 0)
        {
            var left = align switch { Align.Center => x - width / 2, Align.Right => x - width, _ => x };
            G.DrawString(text, Font(size, bold), new XSolidBrush(color ?? Ink), new XPoint(left, y), XStringFormats.BaseLineLeft);
        }
        return width;
    }

    /// <summary>A centred line with extra space between the characters, as certificate titles are set.</summary>
    public void Spaced(string text, double centerX, double y, double size, double tracking, bool bold = false, XColor? color = null)
    {
        var advances = text.Select(c => Measure(c.ToString(), size, bold)).ToArray();
        var x = centerX - (advances.Sum() + tracking * (text.Length - 1)) / 2;
        for (var i = 0; i < text.Length; i++)
        {
            Text(text[i].ToString(), x, y, size, bold, color);
            x += advances[i] + tracking;
        }
    }

    /// <summary>Baseline of a line of type <paramref name="size"/> centred vertically on <paramref name="middle"/>.</summary>
    public static double Baseline(double middle, double size) => middle + size * 0.36;

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: between any two CJK characters, at spaces in Latin
    /// text, inside a Latin word only if it is longer than a line (URLs); closing punctuation never starts a line.
    /// </summary>
    public List<string> Wrap(string text, double width, double size, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            // Widths add up (PDFsharp does not kern), so a line is measured token by token.
            var line = new StringBuilder();
            var lineWidth = 0.0;
            foreach (var token in Tokens(paragraph))
            {
                if (line.Length == 0 || lineWidth + Measure(token.TrimEnd(), size, bold) <= width || IsClosing(token[0]))
                {
                    line.Append(token);
                    lineWidth += Measure(token, size, bold);
                    continue;
                }
                // An opening bracket or quote does not end a line: it moves down with what it opens.
                var carry = line.Length > 1 && IsOpening(line[^1]) ? line[^1].ToString() : "";
                lines.Add(line.ToString(0, line.Length - carry.Length).TrimEnd());
                line.Clear().Append(carry).Append(token.TrimStart());
                lineWidth = Measure(line.ToString(), size, bold);
            }
            lines.Add(line.ToString().TrimEnd());
        }
        // A single token wider than the line (a long URL or code) is cut between characters.
        return lines.SelectMany(l => Measure(l, size, bold) <= width ? [l] : Cut(l, width, size, bold)).ToList();
    }

    /// <summary>Draws wrapped text from <paramref name="top"/>; returns the y below the last line.</summary>
    public double Paragraph(string text, double x, double top, double width, double size, double leading = 1.5,
        bool bold = false, XColor? color = null, Align align = Align.Left)
    {
        var lineHeight = size * leading;
        var anchor = align switch { Align.Center => x + width / 2, Align.Right => x + width, _ => x };
        foreach (var line in Wrap(text, width, size, bold))
        {
            Text(line, anchor, Baseline(top + lineHeight / 2, size), size, bold, color, align);
            top += lineHeight;
        }
        return top;
    }

    public void Line(double x1, double y1, double x2, double y2, XColor color, double width = 0.5) =>
        G.DrawLine(new XPen(color, width), x1, y1, x2, y2);

    public void Frame(double x, double y, double w, double h, XColor color, double width = 0.5) =>
        G.DrawRectangle(new XPen(color, width), x, y, w, h);

    public void Fill(double x, double y, double w, double h, XColor color) =>
        G.DrawRectangle(new XSolidBrush(color), x, y, w, h);

    /// <summary>
    /// A grid table: tinted header row (Chinese over English), body cells wrapped to their column; the last
    /// <paramref name="strongRows"/> rows are bold (totals). Returns the y below the table.
    /// </summary>
    public double Table(double x, double top, IReadOnlyList<Column> columns, IReadOnlyList<IReadOnlyList<string>> rows,
        double size = 9.5, int strongRows = 0)
    {
        const double padX = 5, padY = 3.2;
        var width = columns.Sum(c => c.Width);
        var enSize = size * 0.72;
        var hasEnglish = columns.Any(c => c.HeaderEn is not null);
        var headerHeight = padY * 2 + size * 1.35 + (hasEnglish ? enSize * 1.3 : 0);
        Fill(x, top, width, headerHeight, Theme.Tint);
        var cx = x;
        foreach (var c in columns)
        {
            var anchor = Anchor(c, cx, padX);
            var zh = hasEnglish ? top + padY + size * 0.675 : top + headerHeight / 2;
            Text(c.Header, anchor, Baseline(zh, size), size, true, Ink, c.Align);
            if (c.HeaderEn is not null)
            {
                Text(c.HeaderEn, anchor, Baseline(top + padY + size * 1.35 + enSize * 0.65, enSize), enSize, false, Muted, c.Align);
            }
            cx += c.Width;
        }

        var lineHeight = size * 1.4;
        var y = top + headerHeight;
        var rowTops = new List<double> { top, y };
        for (var r = 0; r < rows.Count; r++)
        {
            var bold = r >= rows.Count - strongRows;
            var cells = columns.Select((c, i) => Wrap(i < rows[r].Count ? rows[r][i] : "", c.Width - 2 * padX, size, bold)).ToList();
            var height = cells.Max(l => l.Count) * lineHeight + 2 * padY;
            cx = x;
            for (var i = 0; i < columns.Count; i++)
            {
                var lines = cells[i];
                var lineTop = y + (height - lines.Count * lineHeight) / 2;
                foreach (var line in lines)
                {
                    Text(line, Anchor(columns[i], cx, padX), Baseline(lineTop + lineHeight / 2, size), size, bold, Ink, columns[i].Align);
                    lineTop += lineHeight;
                }
                cx += columns[i].Width;
            }
            y += height;
            rowTops.Add(y);
        }

        foreach (var rowTop in rowTops.Skip(1).SkipLast(1))
        {
            Line(x, rowTop, x + width, rowTop, Grid, 0.4);
        }
        cx = x;
        foreach (var c in columns.SkipLast(1))
        {
            cx += c.Width;
            Line(cx, top, cx, y, Grid, 0.4);
        }
        Frame(x, top, width, y - top, Theme.Accent, 0.9);
        return y;
    }

    /// <summary>
    /// A framed block of labelled values, one or two fields a row (label cell tinted, Chinese label over English);
    /// returns the y below. In a row of two the first (a name or code) gets the wider share and the second a
    /// narrower label, so an 18-character USCC stays on one line.
    /// </summary>
    public double Fields(double x, double top, double width, double labelWidth, IReadOnlyList<Field[]> rows, double size = 11)
    {
        const double padX = 8, padY = 4.5;
        const double labelSize = 9.5, enSize = 6.8;
        var y = top;
        foreach (var row in rows)
        {
            (double Left, double Width, double Label)[] segments = row.Length == 1
                ? [(x, width, labelWidth)]
                : [(x, width * 0.58, labelWidth), (x + width * 0.58, width * 0.42, SecondLabelWidth)];
            var cells = row.Select((f, i) =>
            {
                var valueSize = f.Strong ? size + 1.5 : size;
                var valueWidth = segments[i].Width - segments[i].Label - 2 * padX;
                return (Field: f, Size: valueSize, Lines: Wrap(f.Value, valueWidth, valueSize, f.Strong));
            }).ToList();
            var height = Math.Max(labelSize * 1.3 + enSize * 1.3, cells.Max(c => c.Lines.Count * c.Size * 1.35)) + 2 * padY;
            for (var i = 0; i < cells.Count; i++)
            {
                var (f, valueSize, lines) = cells[i];
                var (left, _, label) = segments[i];
                Fill(left, y, label, height, Theme.Tint);
                var labelTop = y + (height - labelSize * 1.3 - enSize * 1.3) / 2;
                Text(f.Label, left + padX, Baseline(labelTop + labelSize * 0.65, labelSize), labelSize, true);
                Text(f.LabelEn, left + padX, Baseline(labelTop + labelSize * 1.3 + enSize * 0.65, enSize), enSize, false, Muted);
                var lineTop = y + (height - lines.Count * valueSize * 1.35) / 2;
                foreach (var line in lines)
                {
                    Text(line, left + label + padX, Baseline(lineTop + valueSize * 0.675, valueSize), valueSize, f.Strong);
                    lineTop += valueSize * 1.35;
                }
                Line(left + label, y, left + label, y + height, Grid, 0.4);
                if (i > 0)
                {
                    Line(left, y, left, y + height, Grid, 0.4);
                }
            }
            y += height;
            if (row != rows[^1])
            {
                Line(x, y, x + width, y, Grid, 0.4);
            }
        }
        Frame(x, top, width, y - top, Theme.Accent, 1);
        return y;
    }

    /// <summary>A row of framed tiles, each a small label over a large figure (both shrunk to fit); returns the y below.</summary>
    public double Tiles(double x, double top, double width, IReadOnlyList<Tile> tiles, double height = 46)
    {
        const double pad = 8;
        var w = width / tiles.Count;
        for (var i = 0; i < tiles.Count; i++)
        {
            var left = x + i * w;
            var t = tiles[i];
            var labelSize = 8.5;
            while (labelSize > 6 && Measure(t.Label, labelSize, true) > w - 2 * pad)
            {
                labelSize -= 0.5;
            }
            var labelWidth = Text(t.Label, left + pad, top + 12, labelSize, true, Muted);
            if (labelWidth + 5 + Measure(t.LabelEn, 6.3) <= w - 2 * pad)
            {
                Text(t.LabelEn, left + pad + labelWidth + 5, top + 12, 6.3, false, Muted);
            }
            var size = Math.Min(16, height - 22);
            while (size > 8 && Measure(t.Value, size, true) > w - 2 * pad)
            {
                size -= 0.5;
            }
            Text(t.Value, left + pad, top + height - 8.5, size, true, Theme.Accent);
            if (i > 0)
            {
                Line(left, top + 6, left, top + height - 6, Grid, 0.4);
            }
        }
        Frame(x, top, width, height, Theme.Accent, 0.9);
        return top + height;
    }

    /// <summary>
    /// A QR code of <paramref name="text"/> (ECC level M) as vector modules: each run of dark modules in a row is one
    /// rectangle, all in one filled path so no hairline seams show between modules. <paramref name="size"/> excludes
    /// the quiet zone, which the caller leaves blank.
    /// </summary>
    public void Qr(string text, double x, double y, double size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var modules = 17 + 4 * data.Version;
        var quiet = (matrix.Count - modules) / 2;
        var m = size / modules;
        var path = new XGraphicsPath { FillMode = XFillMode.Winding };
        for (var r = 0; r < modules; r++)
        {
            var row = matrix[r + quiet];
            for (var c = 0; c < modules;)
            {
                if (!row[c + quiet])
                {
                    c++;
                    continue;
                }
                var start = c;
                while (c < modules && row[c + quiet])
                {
                    c++;
                }
                path.AddRectangle(x + start * m, y + r * m, (c - start) * m, m);
            }
        }
        G.DrawPath(XBrushes.Black, path);
    }

    private static double Anchor(Column c, double left, double pad) => c.Align switch
    {
        Align.Center => left + c.Width / 2,
        Align.Right => left + c.Width - pad,
        _ => left + pad,
    };

    /// <summary>Each CJK character is its own token; Latin words carry their trailing spaces.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u2E80')
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }
                var pair = char.IsHighSurrogate(c) && i + 1 < text.Length;
                yield return pair ? text.Substring(i++, 2) : c.ToString();
            }
            else if (c == ' ' || word.Length == 0 || word[^1] != ' ')
            {
                word.Append(c);
            }
            else
            {
                yield return word.ToString();
                word.Clear().Append(c);
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>Cuts an over-long line, preferably after a URL delimiter in its second half.</summary>
    private IEnumerable<string> Cut(string line, double width, double size, bool bold)
    {
        var part = new StringBuilder();
        foreach (var c in line)
        {
            if (part.Length > 0 && !char.IsLowSurrogate(c) && Measure(part.ToString() + c, size, bold) > width)
            {
                var text = part.ToString();
                var at = text.LastIndexOfAny(['/', '?', '&', '=', '-', '_', '.']) + 1;
                if (at < text.Length / 2)
                {
                    at = text.Length;
                }
                yield return text[..at];
                part.Remove(0, at);
            }
            part.Append(c);
        }
        yield return part.ToString();
    }

    private static bool IsOpening(char c) => "（《「『【〔“‘([{".Contains(c);

    private static bool IsClosing(char c) => "，。、；：？！）》」』】〕％%,.;:!?)]}".Contains(c);
}

/// <summary>
/// How numbers and dates appear on every certificate: invariant digits and thousands separators; computed figures
/// with a fixed number of decimals, rounded half away from zero (2 for amounts and scores, 4 for intensities, so a
/// column lines up); published or measured figures that must not lose digits (benchmarks, indicator values,
/// tariffs) as given, with 2 to 4 decimals; percentages with 2; dates as yyyy年M月d日 in Beijing time.
/// </summary>
internal static class Fmt
{
    public const string Missing = "—";

    /// <summary>Certificates are issued in China; a fixed +08:00 keeps the printed date independent of the host's zone.</summary>
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Num(decimal value, int decimals = 2) =>
        Clean(Math.Round(value, decimals, MidpointRounding.AwayFromZero)).ToString("#,##0." + new string('0', decimals), CultureInfo.InvariantCulture);

    public static string Num(decimal? value, int decimals = 2) => value is { } v ? Num(v, decimals) : Missing;

    /// <summary>A figure as given: 24.097 stays 24.097, 25.1 becomes 25.10; beyond 4 decimals it is rounded.</summary>
    public static string Exact(decimal? value) =>
        value is { } v ? Clean(Math.Round(v, 4, MidpointRounding.AwayFromZero)).ToString("#,##0.00##", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A fraction as a percentage: 0.1623 → "16.23%".</summary>
    public static string Percent(decimal? fraction) => fraction is { } f ? PercentValue(f * 100m) : Missing;

    /// <summary>A value that already is a percentage: 50 → "50.00%".</summary>
    public static string PercentValue(decimal percent) =>
        Clean(Math.Round(percent, 2, MidpointRounding.AwayFromZero)).ToString("#,##0.00", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.ToOffset(Beijing).DateTime));

    public static string Int(int value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>Drops a negative sign from a value that rounded to zero.</summary>
    private static decimal Clean(decimal v) => v == 0m ? 0m : v;
}
