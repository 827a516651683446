using System.Globalization;
using System.Text;
using PdfSharp.Pdf;

namespace Carbon.Certificates;

/// <summary>
/// What makes a certificate a PDF/A-2b file (ISO 19005-2:2011, conformance level B; the PDF/A family is China's
/// GB/T 23286, 文献管理 长期保存的电子文档文件格式): an output intent with an embedded sRGB profile, and XMP metadata that
/// names the part and level and repeats the document-information entries. The rest PDF/A-2b asks of the file (embedded fonts,
/// a trailer /ID, no encryption, the file syntax) PDFsharp and <see cref="PdfFinisher"/> already give.
/// </summary>
/// <remarks>
/// PDFsharp 6.2.4's own <c>PdfDocument.SetPdfA()</c> is not used: it claims PDF/A-1a (a tagged structure these pages do
/// not have), writes a random XMP id and adds a structure tree. Level B (the visual appearance is preserved) is what
/// an archive needs of a certificate; see docs/decisions/0016-pdfa.md.
/// </remarks>
internal static class PdfArchive
{
    public const int Part = 2;
    public const string Conformance = "B";

    /// <summary>The identifier of the characterized printing condition, as the ICC registry names it.</summary>
    private const string OutputCondition = "sRGB IEC61966-2.1";

    private static readonly byte[] SrgbProfile = LoadProfile();

    /// <summary>The entries of the document-information dictionary that the XMP metadata must repeat.</summary>
    public sealed record Description(string Title, string Subject, string Author, string Creator, string Producer, DateTimeOffset Date, string Language);

    /// <summary>
    /// Adds <c>/OutputIntents [&lt;&lt;/S/GTS_PDFA1 … /DestOutputProfile&gt;&gt;]</c> to the catalog. The profile stream is
    /// written without a filter; <see cref="PdfFinisher"/> deflates it with the other streams.
    /// </summary>
    public static void AddOutputIntent(PdfDocument document)
    {
        var profile = new PdfDictionary(document);
        document.Internals.AddObject(profile);
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(SrgbProfile);

        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", OutputCondition);
        intent.Elements.SetString("/RegistryName", "http://www.color.org");
        intent.Elements.SetString("/Info", OutputCondition);
        intent.Elements.SetReference("/DestOutputProfile", profile);

        var intents = new PdfArray(document);
        intents.Elements.Add(intent);
        document.Internals.Catalog.Elements["/OutputIntents"] = intents;
    }

    /// <summary>
    /// The XMP packet (UTF-8) for the catalog's /Metadata stream: PDF/A identification, the document-information entries
    /// in their XMP form (title, author, subject, creator tool, producer, both dates), and ids derived from the same
    /// seed as the trailer /ID, so that the packet is as deterministic as the rest of the file.
    /// </summary>
    public static byte[] Xmp(Description d, Guid documentId, Guid instanceId)
    {
        var date = d.Date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var xml = new StringBuilder();
        xml.Append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        xml.Append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        xml.Append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        xml.Append("  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
        xml.Append(CultureInfo.InvariantCulture, $"   <pdfaid:part>{Part}</pdfaid:part>\n");
        xml.Append(CultureInfo.InvariantCulture, $"   <pdfaid:conformance>{Conformance}</pdfaid:conformance>\n");
        xml.Append("  </rdf:Description>\n");
        xml.Append("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        xml.Append("   <dc:format>application/pdf</dc:format>\n");
        xml.Append($"   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{Escape(d.Title)}</rdf:li></rdf:Alt></dc:title>\n");
        xml.Append($"   <dc:creator><rdf:Seq><rdf:li>{Escape(d.Author)}</rdf:li></rdf:Seq></dc:creator>\n");
        xml.Append($"   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{Escape(d.Subject)}</rdf:li></rdf:Alt></dc:description>\n");
        xml.Append($"   <dc:language><rdf:Bag><rdf:li>{Escape(d.Language)}</rdf:li></rdf:Bag></dc:language>\n");
        xml.Append("  </rdf:Description>\n");
        xml.Append("  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
        xml.Append($"   <xmp:CreatorTool>{Escape(d.Creator)}</xmp:CreatorTool>\n");
        xml.Append($"   <xmp:CreateDate>{date}</xmp:CreateDate>\n");
        xml.Append($"   <xmp:ModifyDate>{date}</xmp:ModifyDate>\n");
        xml.Append($"   <xmp:MetadataDate>{date}</xmp:MetadataDate>\n");
        xml.Append("  </rdf:Description>\n");
        xml.Append("  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
        xml.Append($"   <pdf:Producer>{Escape(d.Producer)}</pdf:Producer>\n");
        xml.Append("  </rdf:Description>\n");
        xml.Append("  <rdf:Description rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\">\n");
        xml.Append(CultureInfo.InvariantCulture, $"   <xmpMM:DocumentID>uuid:{documentId:D}</xmpMM:DocumentID>\n");
        xml.Append(CultureInfo.InvariantCulture, $"   <xmpMM:InstanceID>uuid:{instanceId:D}</xmpMM:InstanceID>\n");
        xml.Append("  </rdf:Description>\n");
        xml.Append(" </rdf:RDF>\n");
        xml.Append("</x:xmpmeta>\n");
        xml.Append("<?xpacket end=\"r\"?>");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(xml.ToString());
    }

    /// <summary>
    /// XML text with markup characters escaped and everything outside ASCII as a character reference (<c>&amp;#x7EFF;</c>):
    /// the same text to an XML parser, and still right for a reader that takes the packet as Latin-1 rather than UTF-8
    /// (PdfPig 0.1.16 does).
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            _ = rune.Value switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                < 0x20 or 0x7F => escaped.Append(' '), // no control character is allowed in XML 1.0 text
                < 0x7F => escaped.Append((char)rune.Value),
                _ => escaped.Append(CultureInfo.InvariantCulture, $"&#x{rune.Value:X};"),
            };
        }
        return escaped.ToString();
    }

    private static byte[] LoadProfile()
    {
        using var stream = typeof(PdfArchive).Assembly.GetManifestResourceStream("Carbon.Certificates.sRGB-v4.icc")
            ?? throw new InvalidOperationException("The embedded sRGB profile (ColorProfiles/sRGB-v4.icc) is missing from Carbon.Certificates.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
