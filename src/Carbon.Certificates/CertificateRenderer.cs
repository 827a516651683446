using Carbon.Domain.Certificates;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Carbon.Certificates;

/// <summary>
/// Renders the certificate kinds as one-page A4 PDF/A-2b files (<see cref="PdfArchive"/>) with PDFsharp, byte-for-byte reproducibly: the same data
/// gives the same bytes in any process (no clock, no GUIDs, no host time zone), so a stored certificate's hash can be
/// checked by rendering its frozen data again. Safe to use from several threads at once.
/// </summary>
public sealed class CertificateRenderer : ICertificateRenderer
{
    /// <summary>The document-info key that carries the certificate number in plain ASCII.</summary>
    public const string NumberKey = "/CarbonCertificate";

    private const int MaxNumberLength = 64;

    /// <summary>The language of every certificate (catalog /Lang and XMP dc:language).</summary>
    private const string Language = "zh-CN";

    /// <summary>Uses the fonts in <see cref="NotoFontResolver.DefaultDirectory"/>.</summary>
    public CertificateRenderer()
        : this(null)
    {
    }

    /// <summary>Installs the font resolver (once per process; the first directory given wins).</summary>
    public CertificateRenderer(string? fontDirectory) => NotoFontResolver.Install(fontDirectory);

    public byte[] Render(GreenFactoryCertificateData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Write(data.Header, CertificateKind.GreenFactory, GreenFactoryCertificate.Theme,
            (l, scale) => GreenFactoryCertificate.Draw(l, data, scale));
    }

    public byte[] Render(MuYieldNoticeData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Write(data.Header, CertificateKind.MujunNotice, MuYieldNotice.Theme, (l, scale) => MuYieldNotice.Draw(l, data, scale));
    }

    public byte[] Render(AnnualReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Write(data.Header, CertificateKind.AnnualReport, AnnualReport.Theme, (l, scale) => AnnualReport.Draw(l, data, scale));
    }

    public byte[] Render(SupervisionDocumentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Write(data.Header, CertificateKind.SupervisionDocument, SupervisionDocument.Theme, (l, scale) => SupervisionDocument.Draw(l, data, scale));
    }

    public byte[] Render(SupervisionReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Write(data.Header, CertificateKind.SupervisionReport, SupervisionDocument.Theme, (l, scale) => SupervisionReportDocument.Draw(l, data, scale));
    }

    public byte[] Render(PlanEvaluationData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Write(data.Header, CertificateKind.PlanEvaluation, PlanEvaluationReport.Theme, (l, scale) => PlanEvaluationReport.Draw(l, data, scale));
    }

    /// <summary>
    /// Finds the certificate number in a PDF's raw bytes (the <c>/CarbonCertificate (…)</c> document-info entry),
    /// without a PDF parser, so it still works on a damaged or tampered file. The last well-formed entry wins, as a
    /// reader would take the latest revision. Null when there is none.
    /// </summary>
    public static string? ReadNumber(ReadOnlySpan<byte> pdf)
    {
        var key = "/CarbonCertificate"u8;
        string? found = null;
        for (var at = pdf.IndexOf(key); at >= 0; at = pdf.IndexOf(key))
        {
            pdf = pdf[(at + key.Length)..];
            if (TryReadLiteral(pdf, out var number))
            {
                found = number;
            }
        }
        return found;
    }

    string? ICertificateRenderer.ReadNumber(ReadOnlySpan<byte> pdf) => ReadNumber(pdf);

    private static byte[] Write(CertificateHeader header, CertificateKind kind, Theme theme, Func<PdfLayout, double, double> draw)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Number.Length is 0 or > MaxNumberLength || header.Number.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException($"The certificate number must be 1 to {MaxNumberLength} printable ASCII characters.", nameof(header));
        }

        // PDFsharp formats the XMP dates with the current culture (a Thai or Persian calendar changes the year), so the
        // whole render runs under the invariant culture; the caller's culture is restored afterwards.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            // Laid out once at full size; only a body too long for the page (many rows) is laid out again, scaled.
            var bytes = Compose(header, kind, theme, draw, 1, out var overflow);
            return overflow > 1 ? Compose(header, kind, theme, draw, 1 / overflow, out _) : bytes;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static byte[] Compose(CertificateHeader header, CertificateKind kind, Theme theme, Func<PdfLayout, double, double> draw,
        double scale, out double overflow)
    {
        using var document = new PdfDocument();
        // PdfFinisher deflates every stream, faster than PDFsharp can (see there). Content streams and ToUnicode maps need
        // CompressContentStreams off as well (NoCompression covers only font programs): PDFsharp 6.2.4's FlateDecode
        // writes a zlib header but no Adler-32 trailer, which qpdf --check reports ("input stream is complete but
        // output may still be valid") and a PDF/A validator may reject.
        document.Options.NoCompression = true;
        document.Options.CompressContentStreams = false;
        document.Language = Language;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        using (var g = XGraphics.FromPdfPage(page))
        {
            overflow = draw(new PdfLayout(g, theme), scale);
        }

        var at = Describe(document, header, kind);
        PdfArchive.AddOutputIntent(document);
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind.Token()}\n{header.Number}"));
        MakeDeterministic(document, header, seed);
        using var stream = new MemoryStream();
        document.Save(stream, false);
        // The XMP packet repeats the document information as Save left it (PDFsharp sets the producer there), with ids
        // from the same seed as the trailer /ID; PdfFinisher puts it in place of the packet PDFsharp wrote.
        var info = document.Info;
        var xmp = PdfArchive.Xmp(new(info.Title, info.Subject, info.Author, info.Creator, info.Producer, at, Language),
            Uuid(seed.AsSpan(0, 16)), Uuid(seed.AsSpan(16, 16)));
        return PdfFinisher.Finish(stream.ToArray(), xmp);
    }

    /// <summary>
    /// Title, subject (the kind), author, dates from the issue time, and the number for raw-byte lookup. Returns the
    /// issue time in Beijing, the date written.
    /// </summary>
    private static DateTimeOffset Describe(PdfDocument document, CertificateHeader header, CertificateKind kind)
    {
        var info = document.Info;
        info.Title = $"{kind.ChineseName()} {header.Number}";
        info.Subject = kind.Token();
        info.Author = "Carbon";
        info.Creator = "Carbon";
        // Written as literal PDF dates: PDFsharp's DateTime setter would print the host's zone offset.
        var at = header.IssuedAt.ToOffset(Fmt.Beijing);
        var date = "D:" + at.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+08'00'";
        info.Elements.SetString("/CreationDate", date);
        info.Elements.SetString("/ModDate", date);
        info.Elements.SetString(NumberKey, header.Number);
        return at;
    }

    /// <summary>
    /// Replaces what PDFsharp 6.2.4 draws from <see cref="Guid.NewGuid"/> before Save: the trailer /ID (made in the
    /// PdfDocument constructor) and the six-letter font-subset tags (PdfFontDescriptor.CreateEmbeddedFontSubsetName,
    /// used for /BaseFont of the Type0 and CID fonts and /FontName of the descriptor). Both become hashes of kind and
    /// number: stable for one certificate, different between certificates, as the PDF spec intends. (The XMP packet,
    /// made during Save with random ids, is replaced by <see cref="PdfFinisher"/> with one from <see cref="PdfArchive"/>.)
    /// </summary>
    private static void MakeDeterministic(PdfDocument document, CertificateHeader header, byte[] seed)
    {
        var raw = Encoding.Latin1.GetString(seed, 0, 16);
        document.Internals.FirstDocumentID = raw;
        document.Internals.SecondDocumentID = raw;

        foreach (var obj in document.Internals.GetAllObjects())
        {
            if (obj is not PdfDictionary dict)
            {
                continue;
            }
            foreach (var key in (ReadOnlySpan<string>)["/BaseFont", "/FontName"])
            {
                var name = dict.Elements.GetName(key);
                if (name.Length > 8 && name[0] == '/' && name[7] == '+' && name.AsSpan(1, 6).ContainsAnyExceptInRange('A', 'Z') is false)
                {
                    var font = name[8..];
                    dict.Elements.SetName(key, $"/{SubsetTag(header.Number, font)}+{font}");
                }
            }
        }
    }

    /// <summary>A UUID (version 8, "custom") from 16 hash bytes, for the XMP ids.</summary>
    private static Guid Uuid(ReadOnlySpan<byte> bytes)
    {
        Span<byte> b = stackalloc byte[16];
        bytes.CopyTo(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x80);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return new Guid(b, bigEndian: true);
    }

    private static string SubsetTag(string number, string font)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{number}\n{font}"));
        return string.Create(6, hash, (span, h) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + h[i] % 26);
            }
        });
    }

    /// <summary>Reads <c>(ASCII)</c> after optional white space; rejects anything that is not a short printable string.</summary>
    private static bool TryReadLiteral(ReadOnlySpan<byte> s, out string? value)
    {
        value = null;
        var i = 0;
        while (i < s.Length && s[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0)
        {
            i++;
        }
        if (i >= s.Length || s[i] != (byte)'(')
        {
            return false;
        }
        var text = new StringBuilder();
        for (i++; i < s.Length && text.Length <= MaxNumberLength; i++)
        {
            var b = s[i];
            if (b == (byte)')')
            {
                value = text.ToString();
                return text.Length > 0;
            }
            if (b == (byte)'\\' && i + 1 < s.Length && s[i + 1] is (byte)'(' or (byte)')' or (byte)'\\')
            {
                b = s[++i];
            }
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
            text.Append((char)b);
        }
        return false;
    }
}
