using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Carbon.Certificates;

/// <summary>
/// Finishes the uncompressed file PDFsharp 6.2.4 writes: deflates every stream at zlib level 2, puts the given XMP
/// packet in place of the one PDFsharp wrote, and rebuilds the cross-reference table.
/// </summary>
/// <remarks>
/// Why not PDFsharp's own compression: it offers only zlib level 1, 6 or 9, and its font subsets keep full-length
/// loca/hmtx tables (about 260 KB per face, mostly repeats). Level 6 took two thirds of the render time; level 1
/// leaves 170–180 KB files; level 2 gives the level-6 size in a sixth of the time. PDFsharp's deflate of content streams
/// is also not a complete zlib stream (no Adler-32 trailer, which qpdf --check warns about), so the renderer turns it
/// off and a stream that arrives here already filtered is refused. Why the XMP packet: PDFsharp writes the metadata
/// stream during Save, after any hook we have, with fresh <see cref="Guid.NewGuid"/> ids and no PDF/A identification.
/// The parser only accepts the simple layout PDFsharp writes (one classic xref section, objects back to back) and
/// throws otherwise, so a PDFsharp upgrade that changes it fails loudly in the tests instead of producing a bad file.
/// </remarks>
internal static class PdfFinisher
{
    private const int CompressionLevel = 2;

    /// <param name="pdf">The file as PDFsharp saved it, with no stream compressed.</param>
    /// <param name="xmp">The metadata packet (UTF-8) for the catalog's /Metadata stream, written unfiltered.</param>
    public static byte[] Finish(byte[] pdf, byte[] xmp)
    {
        var xref = StartXref(pdf);
        var (first, entries) = ReadXref(pdf, xref, out var trailerAt);
        var order = Enumerable.Range(0, entries.Length).Where(i => entries[i].InUse).OrderBy(i => entries[i].Offset).ToArray();

        using var output = new MemoryStream(pdf.Length / 3);
        output.Write(pdf, 0, (int)entries[order[0]].Offset);
        var offsets = new long[entries.Length];
        for (var k = 0; k < order.Length; k++)
        {
            var start = (int)entries[order[k]].Offset;
            var end = k + 1 < order.Length ? (int)entries[order[k + 1]].Offset : xref;
            offsets[order[k]] = output.Position;
            WriteObject(output, pdf.AsSpan(start, end - start), xmp);
        }

        var newXref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n{first} {entries.Length}\n");
        for (var i = 0; i < entries.Length; i++)
        {
            var (offset, generation, inUse) = entries[i];
            table.Append(CultureInfo.InvariantCulture, $"{(inUse ? offsets[i] : offset):D10} {generation:D5} {(inUse ? 'n' : 'f')} \n");
        }
        output.Write(Encoding.ASCII.GetBytes(table.ToString()));
        var trailer = pdf.AsSpan(trailerAt, LastIndexOf(pdf, "startxref"u8) - trailerAt);
        output.Write(trailer);
        output.Write(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"startxref\n{newXref}\n%%EOF\n")));
        return output.ToArray();
    }

    /// <summary>
    /// Copies one "n 0 obj … endobj" span, deflating its stream if it has one, or replacing the data if it is the XMP
    /// metadata stream.
    /// </summary>
    private static void WriteObject(Stream output, ReadOnlySpan<byte> obj, byte[] xmp)
    {
        var streamAt = obj.IndexOf(">>\nstream\n"u8);
        if (streamAt < 0)
        {
            output.Write(obj);
            return;
        }
        var dict = Encoding.Latin1.GetString(obj[..(streamAt + 2)]);
        var data = streamAt + ">>\nstream\n".Length;
        var lengthAt = IndexOfLength(dict);
        if (lengthAt < 0)
        {
            throw Unexpected("a stream without /Length");
        }
        var digits = lengthAt + "/Length ".Length;
        var digitsEnd = digits;
        while (digitsEnd < dict.Length && char.IsAsciiDigit(dict[digitsEnd]))
        {
            digitsEnd++;
        }
        var length = int.Parse(dict.AsSpan(digits, digitsEnd - digits), CultureInfo.InvariantCulture);
        if (data + length > obj.Length || !obj[(data + length)..].StartsWith("\nendstream"u8))
        {
            throw Unexpected("a stream whose /Length does not reach endstream");
        }
        if (dict.Contains("/Filter", StringComparison.Ordinal))
        {
            throw Unexpected("a stream PDFsharp compressed itself");
        }
        if (dict.Contains("/Type/Metadata", StringComparison.Ordinal))
        {
            // XMP stays unfiltered, readable by any tool, as PDF/A asks of the document's metadata stream.
            output.Write(Encoding.Latin1.GetBytes(string.Concat(dict.AsSpan(0, lengthAt),
                string.Create(CultureInfo.InvariantCulture, $"/Length {xmp.Length}"), dict.AsSpan(digitsEnd))));
            output.Write("\nstream\n"u8);
            output.Write(xmp);
            output.Write(obj[(data + length)..]);
            return;
        }

        using var packed = new MemoryStream(length / 2 + 64);
        using (var z = new ZLibStream(packed, new ZLibCompressionOptions { CompressionLevel = CompressionLevel }, leaveOpen: true))
        {
            z.Write(obj.Slice(data, length));
        }
        var newDict = string.Concat(dict.AsSpan(0, lengthAt),
            string.Create(CultureInfo.InvariantCulture, $"/Length {packed.Length}/Filter/FlateDecode"), dict.AsSpan(digitsEnd));
        output.Write(Encoding.Latin1.GetBytes(newDict));
        output.Write("\nstream\n"u8);
        output.Write(packed.GetBuffer().AsSpan(0, (int)packed.Length));
        output.Write(obj[(data + length)..]);
    }

    /// <summary>Index of the /Length key; the trailing space tells it from /Length1 and /Length2 of a font program.</summary>
    private static int IndexOfLength(string dict) => dict.IndexOf("/Length ", StringComparison.Ordinal);

    private static int StartXref(byte[] pdf)
    {
        var at = LastIndexOf(pdf, "startxref"u8);
        if (at < 0)
        {
            throw Unexpected("no startxref");
        }
        var s = Encoding.ASCII.GetString(pdf, at + 9, Math.Min(32, pdf.Length - at - 9)).Trim();
        var end = 0;
        while (end < s.Length && char.IsAsciiDigit(s[end]))
        {
            end++;
        }
        var xref = int.Parse(s.AsSpan(0, end), CultureInfo.InvariantCulture);
        if (!pdf.AsSpan(xref).StartsWith("xref\n"u8))
        {
            throw Unexpected("startxref does not point at a classic xref table");
        }
        return xref;
    }

    private static (int First, (long Offset, int Generation, bool InUse)[] Entries) ReadXref(byte[] pdf, int xref, out int trailerAt)
    {
        var at = xref + "xref\n".Length;
        var header = ReadLine(pdf, ref at).Split(' ');
        var first = int.Parse(header[0], CultureInfo.InvariantCulture);
        var count = int.Parse(header[1], CultureInfo.InvariantCulture);
        var entries = new (long, int, bool)[count];
        for (var i = 0; i < count; i++)
        {
            var line = ReadLine(pdf, ref at).Trim();
            var parts = line.Split(' ');
            if (parts.Length != 3 || parts[2] is not ("n" or "f"))
            {
                throw Unexpected($"xref entry '{line}'");
            }
            entries[i] = (long.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2] == "n");
        }
        if (!pdf.AsSpan(at).StartsWith("trailer"u8))
        {
            throw Unexpected("more than one xref section");
        }
        trailerAt = at;
        return (first, entries);
    }

    private static string ReadLine(byte[] pdf, ref int at)
    {
        var end = Array.IndexOf(pdf, (byte)'\n', at);
        var line = Encoding.ASCII.GetString(pdf, at, end - at).TrimEnd('\r');
        at = end + 1;
        return line;
    }

    private static int LastIndexOf(byte[] pdf, ReadOnlySpan<byte> value) => pdf.AsSpan().LastIndexOf(value);

    private static InvalidOperationException Unexpected(string what) =>
        new($"PDFsharp wrote a file layout the certificate finisher does not know ({what}); check it after a PDFsharp upgrade.");
}
