using Carbon.Domain.Energy;

namespace Carbon.Domain.Factors;

/// <summary>What a factor row is for. Tokens are the <c>kind</c> column of the factor files.</summary>
public enum FactorKind
{
    /// <summary>折标准煤系数 (当量值), GB/T 2589-2020 附录A: tce per unit of carrier.</summary>
    StandardCoal,
    /// <summary>Electricity 等价值: the year's thermal-power coal rate (gce/kWh).</summary>
    ElectricityEquivalent,
    /// <summary>低位发热量 (net calorific value) of a fuel.</summary>
    NetCalorificValue,
    /// <summary>单位热值含碳量 (carbon content per unit heat) of a fuel.</summary>
    CarbonContent,
    /// <summary>碳氧化率 (oxidation rate) of a fuel.</summary>
    OxidationRate,
    /// <summary>Purchased heat emission factor (tCO2/GJ).</summary>
    HeatCo2,
    /// <summary>Grid average emission factor for a data year and region (tCO2/MWh).</summary>
    GridCo2,
    /// <summary>Industrial price index, 2020 = 100, to put value added at comparable prices.</summary>
    PriceIndex,
}

/// <summary>How sure we are of a figure (see shared/reference/domain-facts.md).</summary>
public enum FactorStatus
{
    /// <summary>Read in the named source.</summary>
    Verified,
    /// <summary>Read in a secondary source; probable.</summary>
    VerifiedSecondary,
    /// <summary>From memory or not found; data flagged, never a silent constant.</summary>
    Unverified,
}

/// <summary>
/// One row of a factor file, as written, plus <see cref="Normalized"/>: the value in the unit the formulas use
/// (tce, GJ, tC, tCO2 per base unit kWh / kg / m³ / MJ; a plain ratio; an index). <c>Region</c> says where or to what the
/// row applies: a grid region, a price series, a fuel family (<see cref="FuelFamily"/>), or CN.
/// </summary>
public sealed record Factor(
    string Id,
    FactorKind Kind,
    string Edition,
    int? Year,
    string Region,
    EnergyCarrier? Carrier,
    string Unit,
    decimal Value,
    string Source,
    FactorStatus Status)
{
    /// <summary>The value in formula units; see <see cref="FactorUnits.TryNormalize"/>.</summary>
    public decimal Normalized { get; init; }

    /// <summary>How many base units (kWh, kg, m³, MJ; GJ for carbon content) one unit of the denominator holds; 1 where there is none.</summary>
    public decimal DenominatorScale { get; init; } = 1m;

    /// <summary>The unit a quantity is shown in beside this factor in a trace ("kWh", "GJ", "10k-m3", …).</summary>
    public string DenominatorToken { get; init; } = string.Empty;
}

/// <summary>Tokens of <see cref="FactorKind"/> and <see cref="FactorStatus"/>.</summary>
public static class FactorTokens
{
    private static readonly (FactorKind Kind, string Token)[] Kinds =
    [
        (FactorKind.StandardCoal, "standard-coal"),
        (FactorKind.ElectricityEquivalent, "electricity-equivalent"),
        (FactorKind.NetCalorificValue, "ncv"),
        (FactorKind.CarbonContent, "carbon-content"),
        (FactorKind.OxidationRate, "oxidation"),
        (FactorKind.HeatCo2, "heat-co2"),
        (FactorKind.GridCo2, "grid-co2"),
        (FactorKind.PriceIndex, "price-index"),
    ];

    private static readonly (FactorStatus Status, string Token)[] Statuses =
    [
        (FactorStatus.Verified, "VERIFIED"),
        (FactorStatus.VerifiedSecondary, "VERIFIED-2nd"),
        (FactorStatus.Unverified, "UNVERIFIED"),
    ];

    public static IReadOnlyList<string> KindTokens { get; } = Kinds.Select(k => k.Token).ToArray();

    public static IReadOnlyList<string> StatusTokens { get; } = Statuses.Select(s => s.Token).ToArray();

    public static string Token(this FactorKind kind) => Kinds.First(k => k.Kind == kind).Token;

    public static string Token(this FactorStatus status) => Statuses.First(s => s.Status == status).Token;

    public static bool TryParseKind(string? token, out FactorKind kind)
    {
        foreach (var (k, t) in Kinds)
        {
            if (t == token)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static bool TryParseStatus(string? token, out FactorStatus status)
    {
        foreach (var (s, t) in Statuses)
        {
            if (t == token)
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>Kinds that belong to one carrier (the <c>carrier</c> column is required).</summary>
    public static bool NeedsCarrier(this FactorKind kind) =>
        kind is FactorKind.StandardCoal or FactorKind.NetCalorificValue or FactorKind.CarbonContent or FactorKind.OxidationRate;

    /// <summary>The combustion defaults of a fuel, which come in families (the row's <c>region</c> names the family).</summary>
    public static bool IsFuelKind(this FactorKind kind) =>
        kind is FactorKind.NetCalorificValue or FactorKind.CarbonContent or FactorKind.OxidationRate;

    /// <summary>Kinds that belong to a data year (the <c>year</c> column is required).</summary>
    public static bool NeedsYear(this FactorKind kind) =>
        kind is FactorKind.ElectricityEquivalent or FactorKind.GridCo2 or FactorKind.PriceIndex;
}
