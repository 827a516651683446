using System.Text.RegularExpressions;

namespace Carbon.Domain.Registry;

/// <summary>Land in the district's units: 亩 (mu), the unit of 亩均 and of every land grant.</summary>
public static class Land
{
    /// <summary>1 亩 = 10 000 / 15 m² (≈ 666.67 m²), the statutory 市亩.</summary>
    public const decimal SquareMetresPerMu = 10_000m / 15m;

    /// <summary>Upper bound on one firm's land, to catch unit slips (m² typed as 亩): 100 000 亩 ≈ 66.7 km².</summary>
    public const decimal MaxMu = 100_000m;

    /// <summary>Upper bound on a building's footprint (建筑基底面积): the largest land there can be, in m².</summary>
    public const decimal MaxFootprintM2 = MaxMu * SquareMetresPerMu;

    /// <summary>
    /// Upper bound on one firm's floor area (总建筑面积): 10⁸ m², a plot ratio of 1.5 on the largest land; the largest
    /// buildings in the world have under 2·10⁶ m². Catches a slip of units or digits, nothing real.
    /// </summary>
    public const decimal MaxFloorAreaM2 = 100_000_000m;
}

/// <summary>A park's code (园区代码): letters, digits, '-' and '_', up to 32, so it is safe in a URL path.</summary>
public static partial class ParkCodes
{
    public const string Pattern = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$";

    public static bool IsValid(string? code) => code is not null && Regex().IsMatch(code);

    [GeneratedRegex(Pattern)]
    private static partial Regex Regex();
}
