using Carbon.Domain.Units;

namespace Carbon.Domain.Accounting;

/// <summary>
/// What one firm can report for one month. Far above any real firm (the largest industrial sites in China use some
/// 10⁹ kWh a month), so only slips are refused — a unit typed wrong, digits repeated — and every figure the methodology
/// derives from filings stays inside decimal range.
/// </summary>
public static class FilingLimits
{
    /// <summary>Decimal places a filed figure may have: 0.000001 万元 is one fen; 0.000001 kWh is below any meter.</summary>
    public const int MaxDecimals = 6;

    /// <summary>Money per month (万元): 10⁸ 万元 = 1 trillion yuan.</summary>
    public const decimal MaxMoney10kYuan = 100_000_000m;

    /// <summary>Water per month (m³).</summary>
    public const decimal MaxWaterM3 = 1_000_000_000m;

    /// <summary>Main pollutants per month (t).</summary>
    public const decimal MaxPollutantT = 1_000_000m;

    /// <summary>A product's output per month, in its own unit.</summary>
    public const decimal MaxProductQuantity = 1_000_000_000_000m;

    /// <summary>Staff.</summary>
    public const int MaxEmployees = 1_000_000;

    /// <summary>An energy line per month, in its dimension's base unit: 10¹⁰ kWh, kg or m³; 10¹² MJ of heat.</summary>
    public static decimal MaxBase(Dimension dimension) => dimension == Dimension.Heat ? 1_000_000_000_000m : 10_000_000_000m;

    /// <summary>True when the value has no more than <see cref="MaxDecimals"/> decimal places.</summary>
    public static bool HasAllowedPrecision(decimal value) => value.Scale <= MaxDecimals || decimal.Round(value, MaxDecimals) == value;
}
