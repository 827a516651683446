using System.Globalization;

namespace Carbon.Domain;

/// <summary>
/// Rounding for display, the only rounding there is: half away from zero to a number of decimal places, without
/// trailing zeros (so 0.06014 prints as 0.06014, not 0.060140). Figures stay exact everywhere else.
/// </summary>
public static class Display
{
    /// <summary>The decimal places every derived figure is shown with.</summary>
    public const int Decimals = 6;

    public static decimal Round(decimal value, int decimals = Decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero) / 1.0000000000000000000000000000m;

    public static decimal? Round(decimal? value, int decimals = Decimals) => value is { } v ? Round(v, decimals) : null;

    /// <summary>The rounded value as invariant text, for traces and sources.</summary>
    public static string Text(decimal value, int decimals = Decimals) => Round(value, decimals).ToString(CultureInfo.InvariantCulture);
}
