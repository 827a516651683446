using System.Globalization;
using System.Text.RegularExpressions;

namespace Carbon.Web.Tests.Components;

/// <summary>
/// WCAG 2.1 AA contrast (success criterion 1.4.3: at least 4.5 : 1 for text) of every text colour on the background it
/// is used on, read from the stylesheet the pages are served with, so a palette change that breaks it fails here.
/// </summary>
public sealed partial class ContrastTests
{
    private static readonly Lazy<Dictionary<string, string>> Palette = new(() =>
    {
        var css = File.ReadAllText(Stylesheet());
        var root = RootBlock().Match(css).Groups[1].Value;
        return Variable().Matches(root).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
    });

    private static string Stylesheet()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "src", "Carbon.Server", "wwwroot", "carbon.css");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("src/Carbon.Server/wwwroot/carbon.css not found above the test folder");
    }

    /// <summary>(text, background) as the stylesheet pairs them: a colour is a variable name or a #hex literal.</summary>
    public static TheoryData<string, string, string> Pairs() => new()
    {
        { "body text on a card", "ink", "paper" },
        { "body text on the page", "ink", "ground" },
        { "muted text (meta, small headings) on a card", "muted", "paper" },
        { "muted labels in figure tiles", "muted", "blue-soft" },
        { "links and headings on a card", "blue", "paper" },
        { "table headings", "blue", "blue-soft" },
        { "navigation and primary buttons", "#ffffff", "blue" },
        { "errors beside fields", "red", "paper" },
        { "an off-track badge", "red", "#fdecea" },
        { "an on-track badge", "green", "#e6f4ea" },
        { "a notice", "ink", "#e9f5ea" },
        { "a warning", "ink", "amber-soft" },
        { "warning text on a card", "amber", "paper" },
        { "a no-data badge", "muted", "#eef0f3" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Text_colours_pass_WCAG_AA_on_their_background(string where, string text, string background)
    {
        var ratio = Contrast(Colour(text), Colour(background));
        Assert.True(ratio >= 4.5, $"{where}: {text} on {background} is {ratio:0.00} : 1, below 4.5 : 1");
    }

    [Fact]
    public void The_formula_gives_the_known_extremes()
    {
        // Black on white is 21 : 1; a colour on itself 1 : 1 ((L1 + 0.05) / (L2 + 0.05)).
        Assert.Equal(21.0, Contrast("#000000", "#ffffff"), 2);
        Assert.Equal(1.0, Contrast("#1f4e79", "#1f4e79"), 6);
    }

    private static string Colour(string name) => name.StartsWith('#') ? name : Palette.Value[name];

    /// <summary>WCAG 2.1 contrast ratio: (L1 + 0.05) / (L2 + 0.05) of the relative luminances, lighter over darker.</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    /// <summary>Relative luminance: 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels.</summary>
    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + 2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(1) + 0.0722 * Channel(2);
    }

    [GeneratedRegex(@":root\s*\{([^}]*)\}")]
    private static partial Regex RootBlock();

    [GeneratedRegex(@"--([a-z-]+)\s*:\s*(#[0-9a-fA-F]{6})")]
    private static partial Regex Variable();
}
