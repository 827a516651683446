using PdfSharp.Drawing;

namespace Carbon.Certificates;

/// <summary>
/// The furniture every kind shares: frame, number line, title, the issuing block with the verification QR code at
/// the foot of the page, and the body box between title and foot (shrunk to fit when a long list would overflow).
/// </summary>
internal static class CertificatePage
{
    public const double FooterHeight = 104;

    /// <summary>Top of the issuing block; the body must end above it (with a little air).</summary>
    public const double FooterTop = PdfLayout.PageHeight - 46 - FooterHeight;

    public const double BodyLimit = FooterTop - 12;

    private const double QrSize = 72;

    /// <summary>A double rule round the page; <paramref name="ornate"/> adds corner brackets (certificate style).</summary>
    public static void Border(PdfLayout l, bool ornate)
    {
        const double outer = 20, inner = 26;
        var a = l.Theme.Accent;
        l.Frame(outer, outer, PdfLayout.PageWidth - 2 * outer, PdfLayout.PageHeight - 2 * outer, a, 2.2);
        l.Frame(inner, inner, PdfLayout.PageWidth - 2 * inner, PdfLayout.PageHeight - 2 * inner, a, 0.6);
        if (!ornate)
        {
            return;
        }
        const double c = 32, arm = 22;
        var pen = new XPen(a, 1.4);
        foreach (var (x, y, dx, dy) in new[]
                 {
                     (c, c, 1, 1), (PdfLayout.PageWidth - c, c, -1, 1),
                     (c, PdfLayout.PageHeight - c, 1, -1), (PdfLayout.PageWidth - c, PdfLayout.PageHeight - c, -1, -1),
                 })
        {
            l.G.DrawLines(pen, [new XPoint(x + dx * arm, y), new XPoint(x, y), new XPoint(x, y + dy * arm)]);
            l.G.DrawRectangle(new XSolidBrush(a), x + dx * 4 - 1.8, y + dy * 4 - 1.8, 3.6, 3.6);
        }
    }

    /// <summary>The number, small, top right: where a clerk looks for it.</summary>
    public static void NumberLine(PdfLayout l, string label, string number) =>
        l.Text($"{label} No. {number}", PdfLayout.Right, 50, 8.5, false, PdfLayout.Muted, Align.Right);

    /// <summary>
    /// Centred, letter-spaced Chinese title, an optional Chinese note under it, and an upper-case English line;
    /// returns the y below them.
    /// </summary>
    public static double Title(PdfLayout l, string zh, string en, double top, double size, double tracking, XColor color,
        string? note = null)
    {
        var baseline = top + size * 0.9;
        l.Spaced(zh, PdfLayout.PageWidth / 2, baseline, size, tracking, true, color);
        if (note is not null)
        {
            baseline += size * 0.25 + 16;
            l.Text(note, PdfLayout.PageWidth / 2, baseline, 12, false, PdfLayout.Ink, Align.Center);
        }
        var enBaseline = baseline + (note is null ? size * 0.25 + 12 : 15);
        l.Spaced(en.ToUpperInvariant(), PdfLayout.PageWidth / 2, enBaseline, 8.5, 1.6, false, PdfLayout.Muted);
        return enBaseline + 10;
    }

    /// <summary>A small section heading: accent bar, Chinese, English in grey; returns the y below it.</summary>
    public static double Heading(PdfLayout l, string zh, string en, double x, double top)
    {
        const double size = 11;
        l.Fill(x, top + 2, 3, size + 2, l.Theme.Accent);
        var w = l.Text(zh, x + 8, PdfLayout.Baseline(top + 3 + size / 2, size), size, true);
        l.Text(en, x + 14 + w, PdfLayout.Baseline(top + 3 + size / 2, size), 7.5, false, PdfLayout.Muted);
        return top + size + 10;
    }

    /// <summary>
    /// Draws the body from <paramref name="top"/> at <paramref name="scale"/> (1 unless a first pass overflowed): the
    /// body is laid out as if the page were 1/scale wider and then scaled down, so it still spans the full width.
    /// Returns the body's height relative to its room (above 1 means it overflowed).
    /// </summary>
    public static double Body(PdfLayout l, double top, double scale, Func<double, double, double, double> body)
    {
        double bottom;
        if (scale >= 1)
        {
            bottom = body(PdfLayout.Left, top, PdfLayout.Width);
        }
        else
        {
            var state = l.G.Save();
            l.G.TranslateTransform(PdfLayout.Left, top);
            l.G.ScaleTransform(scale);
            l.G.TranslateTransform(-PdfLayout.Left, -top);
            bottom = top + (body(PdfLayout.Left, top, PdfLayout.Width / scale) - top) * scale;
            l.G.Restore(state);
        }
        return (bottom - top) / (BodyLimit - top);
    }

    /// <summary>
    /// The issuing block at the foot: issuer, date, validity and number on the left; on the right the QR code of the
    /// verification URL (vector modules), a caption and the URL itself, so it can be typed when it cannot be scanned.
    /// </summary>
    public static void Footer(PdfLayout l, CertificateHeader h, string numberLabel)
    {
        var top = FooterTop;
        l.Line(PdfLayout.Left, top - 8, PdfLayout.Right, top - 8, l.Theme.Accent, 0.6);
        top += 4;

        var qrX = PdfLayout.Right - QrSize;
        l.Qr(h.VerificationUrl, qrX, top, QrSize);
        l.Text("扫码核验 Scan to verify", qrX + QrSize / 2, top + QrSize + 10, 7, false, PdfLayout.Muted, Align.Center);
        const double urlWidth = 250;
        var urlSize = 6.5; // a very long URL is set smaller rather than run into the frame
        while (urlSize > 4.5 && l.Wrap(h.VerificationUrl, urlWidth, urlSize).Count > 3)
        {
            urlSize -= 0.5;
        }
        l.Paragraph(h.VerificationUrl, PdfLayout.Right - urlWidth, top + QrSize + 13, urlWidth, urlSize, 1.3, false, PdfLayout.Muted, Align.Right);

        var rows = new List<(string Zh, string En, string Value, bool Strong)>
        {
            ("发证机关", "Issuer", h.Issuer, true),
            ("发证日期", "Date of issue", Fmt.Date(h.IssuedAt), false),
        };
        if (h.ValidUntil is { } until)
        {
            rows.Add(("有效期至", "Valid until", Fmt.Date(until), false));
        }
        rows.Add((numberLabel, "No.", h.Number, false));

        const double labelWidth = 84;
        var valueWidth = qrX - 24 - PdfLayout.Left - labelWidth;
        var y = top;
        foreach (var (zh, en, value, strong) in rows)
        {
            var lines = l.Wrap(value, valueWidth, 10.5, strong);
            l.Text(zh, PdfLayout.Left, y + 9, 9, true, PdfLayout.Muted);
            l.Text(en, PdfLayout.Left, y + 17.5, 6.3, false, PdfLayout.Muted);
            var baseline = y + 10;
            foreach (var line in lines)
            {
                l.Text(line, PdfLayout.Left + labelWidth, baseline, 10.5, strong);
                baseline += 13.5;
            }
            y += Math.Max(23, lines.Count * 13.5 + 8);
        }
    }
}
