using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Carbon.Certificates;
using Carbon.Server.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;
using static Carbon.Server.Tests.Pdf.CertificateSamples;

namespace Carbon.Server.Tests.Pdf;

/// <summary>
/// Every kind of document the service issues is a PDF/A-2b file (ISO 19005-2:2011, level B): XMP metadata naming part 2
/// and level B and repeating the document information, an sRGB output intent, embedded fonts, a trailer /ID and no
/// encryption; its streams are complete zlib streams; and <c>qpdf --check</c> finds nothing to warn about.
/// </summary>
public class ArchivalPdfTests
{
    private static readonly CertificateRenderer Renderer = new();

    private static readonly Dictionary<string, Func<byte[]>> Kinds = new()
    {
        ["green-factory"] = () => Renderer.Render(GreenFactory()),
        ["mujun-notice"] = () => Renderer.Render(MuYield()),
        ["annual-report"] = () => Renderer.Render(AnnualReport()),
        ["plan-evaluation (mid-term)"] = () => Renderer.Render(PlanEvaluation(midTerm: true)),
        ["plan-evaluation (annual)"] = () => Renderer.Render(PlanEvaluation(midTerm: false)),
        ["supervision-document"] = () => Renderer.Render(SupervisionDocument()),
        ["supervision-report"] = () => Renderer.Render(SupervisionReport()),
    };

    public static TheoryData<string> KindNames => new(Kinds.Keys);

    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace PdfNs = "http://ns.adobe.com/pdf/1.3/";

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Each_kind_is_pdfa_2b_and_renders_the_same_bytes_again(string kind)
    {
        var pdf = Kinds[kind]();

        AssertPdfA2b(pdf);
        AssertCompleteZlibStreams(pdf);
        Assert.Equal(pdf, Kinds[kind]());
    }

    [QpdfTheory]
    [MemberData(nameof(KindNames))]
    public async Task Qpdf_check_passes_each_kind_without_a_warning(string kind)
    {
        var (exitCode, output) = await Qpdf.CheckAsync(Kinds[kind]());

        Assert.True(exitCode == 0, $"qpdf --check exited with {exitCode}:\n{output}");
        Assert.DoesNotContain("WARNING", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No syntax or stream encoding errors found", output);
    }

    /// <summary>
    /// The PDF/A-2b points a reader can check without a validator: header, trailer, catalog metadata and output intent,
    /// XMP equal to the document information, embedded fonts with ToUnicode maps.
    /// </summary>
    internal static void AssertPdfA2b(byte[] pdf)
    {
        // Header: %PDF-1.7, then a comment of at least four bytes above 127 (ISO 19005-2, 6.1.2).
        Assert.True(pdf.AsSpan().StartsWith("%PDF-1.7\n%"u8), "PDF 1.7 header");
        Assert.All(pdf.AsSpan(10, 4).ToArray(), b => Assert.True(b > 127, "binary comment after the header"));

        using var doc = PdfDocument.Open(pdf);
        var scanner = doc.Structure.TokenScanner;

        // Trailer: an /ID of two strings, no /Encrypt (6.1.3).
        Assert.False(doc.IsEncrypted);
        Assert.Null(doc.Structure.Trailer.EncryptionToken);
        Assert.Equal(2, doc.Structure.Trailer.Identifier.Count);

        // Catalog /Metadata: an unfiltered XML stream whose XMP says PDF/A-2b (6.6).
        var catalog = doc.Structure.Catalog.CatalogDictionary;
        var metadata = catalog.Get<StreamToken>(NameToken.Metadata, scanner);
        Assert.Equal(NameToken.Metadata, metadata.StreamDictionary.Get<NameToken>(NameToken.Type, scanner));
        Assert.Equal(NameToken.Xml, metadata.StreamDictionary.Get<NameToken>(NameToken.Subtype, scanner));
        Assert.False(metadata.StreamDictionary.ContainsKey(NameToken.Filter), "the XMP stream stays unfiltered");
        Assert.True(doc.TryGetXmpMetadata(out var xmpMetadata));
        var xmp = xmpMetadata.GetXDocument();
        Assert.Equal("2", Value(xmp, PdfAId + "part"));
        Assert.Equal("B", Value(xmp, PdfAId + "conformance"));

        // The document information and its XMP analogues are equal (a rule of PDF/A-1, kept here so no reader sees two titles).
        var info = doc.Information;
        Assert.Equal(info.Title, Item(xmp, Dc + "title"));
        Assert.Equal(info.Author, Item(xmp, Dc + "creator"));
        Assert.Equal(info.Subject, Item(xmp, Dc + "description"));
        Assert.Equal(info.Creator, Value(xmp, Xmp + "CreatorTool"));
        Assert.Equal(info.Producer, Value(xmp, PdfNs + "Producer"));
        Assert.Null(info.Keywords);
        Assert.Equal(XmpDate(info.CreationDate!), Value(xmp, Xmp + "CreateDate"));
        Assert.Equal(XmpDate(info.ModifiedDate!), Value(xmp, Xmp + "ModifyDate"));

        // /OutputIntents: one GTS_PDFA1 intent whose DestOutputProfile is an embedded RGB display ICC profile (6.2.3).
        var intents = catalog.Get<ArrayToken>(NameToken.Create("OutputIntents"), scanner);
        var intent = Assert.IsType<DictionaryToken>(Assert.Single(intents.Data));
        Assert.Equal(NameToken.Create("GTS_PDFA1"), intent.Get<NameToken>(NameToken.S, scanner));
        Assert.Equal("sRGB IEC61966-2.1", intent.Get<StringToken>(NameToken.Create("OutputConditionIdentifier"), scanner).Data);
        var profile = intent.Get<StreamToken>(NameToken.Create("DestOutputProfile"), scanner);
        Assert.Equal(3, profile.StreamDictionary.Get<NumericToken>(NameToken.N, scanner).Int);
        var icc = profile.Decode(doc.Structure.FilterProvider, scanner).ToArray();
        Assert.Equal(icc.Length, BinaryPrimitives.ReadInt32BigEndian(icc));
        Assert.Equal("mntr", Encoding.ASCII.GetString(icc, 12, 4));
        Assert.Equal("RGB ", Encoding.ASCII.GetString(icc, 16, 4));
        Assert.Equal("acsp", Encoding.ASCII.GetString(icc, 36, 4));
        Assert.InRange(icc[8], 2, 4); // ICC version 2 or 4, which PDF 1.7 (ISO 32000-1) reads

        // Every font embedded (6.2.11.4) and mapped to Unicode, so the text stays searchable.
        var page = doc.GetPage(1);
        var fonts = page.Dictionary.Get<DictionaryToken>(NameToken.Resources, scanner).Get<DictionaryToken>(NameToken.Font, scanner);
        Assert.NotEmpty(fonts.Data);
        foreach (var name in fonts.Data.Keys)
        {
            var font = fonts.Get<DictionaryToken>(NameToken.Create(name), scanner);
            Assert.Equal(NameToken.Type0, font.Get<NameToken>(NameToken.Subtype, scanner));
            Assert.True(font.ContainsKey(NameToken.ToUnicode), $"{name} has a ToUnicode map");
            var descendant = DirectObjectFinder.Get<DictionaryToken>(Assert.Single(font.Get<ArrayToken>(NameToken.DescendantFonts, scanner).Data), scanner);
            Assert.NotNull(descendant);
            var descriptor = descendant.Get<DictionaryToken>(NameToken.FontDescriptor, scanner);
            Assert.True(descriptor.ContainsKey(NameToken.FontFile2), $"{name} is embedded");
            Assert.True(descendant.ContainsKey(NameToken.CidToGidMap), $"{name} has a CIDToGIDMap");
        }

        // No text shows the .notdef glyph (6.2.11.8): with Identity-H and CIDToGIDMap Identity, CID 0 in a shown string.
        var content = Encoding.Latin1.GetString(page.Dictionary.Get<StreamToken>(NameToken.Contents, scanner).Decode(doc.Structure.FilterProvider, scanner).ToArray());
        var shown = Regex.Matches(content, @"<([0-9A-Fa-f]*)>\s*Tj").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, hex => Assert.DoesNotContain("0000", Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(4 * i, 4))));
    }

    /// <summary>
    /// Every deflated stream ends with the Adler-32 checksum of its data, as zlib (RFC 1950) requires; PDFsharp 6.2.4's
    /// own deflate leaves it out, which is what qpdf used to warn about.
    /// </summary>
    internal static void AssertCompleteZlibStreams(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var streams = Regex.Matches(raw, @"\n(\d+) 0 obj\n<<([^\n]*)>>\nstream\n");
        Assert.NotEmpty(streams);
        foreach (Match m in streams)
        {
            var length = int.Parse(Regex.Match(m.Groups[2].Value, @"/Length (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
            var data = pdf.AsSpan(m.Index + m.Length, length);
            Assert.True(pdf.AsSpan(m.Index + m.Length + length).StartsWith("\nendstream"u8), $"object {m.Groups[1].Value}: /Length reaches endstream");
            if (!m.Groups[2].Value.Contains("/Filter", StringComparison.Ordinal))
            {
                Assert.Contains("/Type/Metadata", m.Groups[2].Value); // only the XMP stays unfiltered
                continue;
            }
            Assert.Contains("/Filter/FlateDecode", m.Groups[2].Value);
            using var inflated = new MemoryStream();
            using (var z = new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress))
            {
                z.CopyTo(inflated);
            }
            Assert.True(BinaryPrimitives.ReadUInt32BigEndian(data[^4..]) == Adler32(inflated.ToArray()),
                $"object {m.Groups[1].Value}: the stream ends with the Adler-32 of its data");
        }
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        return (b << 16) | a;
    }

    /// <summary>A PDF date <c>D:20261128040000+08'00'</c> as XMP writes it: <c>2026-11-28T04:00:00+08:00</c>.</summary>
    private static string XmpDate(string pdfDate)
    {
        var m = Regex.Match(pdfDate, @"^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-])(\d{2})'(\d{2})'$");
        Assert.True(m.Success, pdfDate);
        var g = m.Groups;
        return $"{g[1]}-{g[2]}-{g[3]}T{g[4]}:{g[5]}:{g[6]}{g[7]}{g[8]}:{g[9]}";
    }

    private static string? Value(XDocument xmp, XName name) => xmp.Descendants(name).SingleOrDefault()?.Value;

    /// <summary>The single item of an rdf:Alt, rdf:Seq or rdf:Bag property.</summary>
    private static string? Item(XDocument xmp, XName name) =>
        xmp.Descendants(name).SingleOrDefault()?.Descendants(Rdf + "li").SingleOrDefault()?.Value;
}

/// <summary>A certificate issued through the API and downloaded as a user gets it is the same PDF/A-2b file.</summary>
public class ArchivalPdfServiceTests : OwnService
{
    [Fact]
    public async Task A_certificate_as_the_service_serves_it_is_pdfa_2b()
    {
        var uscc = await Http.FirmAsync();
        var number = (await Http.IssueAsync(new { kind = "annual-report", uscc, year = 2023 }))["number"]!.GetValue<string>();
        var pdf = await Http.PdfAsync(number);

        ArchivalPdfTests.AssertPdfA2b(pdf);
        ArchivalPdfTests.AssertCompleteZlibStreams(pdf);
        if (Qpdf.Executable is not null)
        {
            var (exitCode, output) = await Qpdf.CheckAsync(pdf);
            Assert.True(exitCode == 0 && !output.Contains("WARNING", StringComparison.OrdinalIgnoreCase), output);
        }
    }
}
