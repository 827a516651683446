using PdfSharp.Fonts;

namespace Carbon.Certificates;

/// <summary>
/// Serves Noto Sans SC (Regular and Bold) to PDFsharp for whatever family name it asks for.
/// </summary>
/// <remarks>
/// The PDFsharp "Core" build sees no system fonts, and a certificate must look (and hash) the same on every host, so
/// the faces come only from the files shipped with the service (static single-face TrueType: PDFsharp subsets glyf
/// fonts but cannot read .ttc or subset CFF). <see cref="GlobalFontSettings.FontResolver"/> can be set only once per
/// process, hence <see cref="Install"/>.
/// </remarks>
public sealed class NotoFontResolver : IFontResolver
{
    public const string RegularFileName = "NotoSansSC-Regular.ttf";
    public const string BoldFileName = "NotoSansSC-Bold.ttf";

    /// <summary>The family name the renderer asks for; any other name resolves to the same faces.</summary>
    public const string FamilyName = "Noto Sans SC";

    private const string RegularFace = "NotoSansSC-Regular";
    private const string BoldFace = "NotoSansSC-Bold";

    private static readonly Lock Gate = new();
    private static NotoFontResolver? installed;

    private readonly byte[] regular;
    private readonly byte[] bold;

    /// <summary>Reads both faces from <paramref name="fontDirectory"/> (default: <see cref="DefaultDirectory"/>).</summary>
    public NotoFontResolver(string? fontDirectory = null)
    {
        FontDirectory = fontDirectory ?? DefaultDirectory;
        regular = Read(RegularFileName);
        bold = Read(BoldFileName);
    }

    /// <summary>Fonts/ next to the service's binaries, where the build copies them.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Fonts");

    public string FontDirectory { get; }

    /// <summary>
    /// Installs a resolver as PDFsharp's global one unless one of ours already is (the first caller's directory wins).
    /// Thread-safe and idempotent; throws if some other resolver was installed, because output would then depend on it.
    /// </summary>
    public static NotoFontResolver Install(string? fontDirectory = null)
    {
        if (Volatile.Read(ref installed) is { } done)
        {
            return done;
        }
        lock (Gate)
        {
            if (installed is not null)
            {
                return installed;
            }
            switch (GlobalFontSettings.FontResolver)
            {
                case NotoFontResolver existing:
                    Volatile.Write(ref installed, existing);
                    return existing;
                case { } other:
                    throw new InvalidOperationException(
                        $"PDFsharp already has the font resolver {other.GetType().FullName}; certificates need {nameof(NotoFontResolver)}.");
            }
            var resolver = new NotoFontResolver(fontDirectory);
            GlobalFontSettings.FontResolver = resolver;
            Volatile.Write(ref installed, resolver);
            return resolver;
        }
    }

    /// <summary>Every family maps to Noto Sans SC; italic is simulated (no certificate uses it).</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? BoldFace : RegularFace, false, isItalic);

    public byte[]? GetFont(string faceName) => faceName == BoldFace ? bold : regular;

    private byte[] Read(string fileName)
    {
        var path = Path.Combine(FontDirectory, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Certificate font {fileName} not found in {FontDirectory}.", path);
        }
        return File.ReadAllBytes(path);
    }
}
