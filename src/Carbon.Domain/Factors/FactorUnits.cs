using Carbon.Domain.Energy;
using Carbon.Domain.Units;

namespace Carbon.Domain.Factors;

/// <summary>
/// The units a factor may be written in, per kind, and their exact conversion to formula units.
/// A factor file may say "tce/10k-m3" or "kgce/m3"; both normalise to tce per m³.
/// </summary>
public static class FactorUnits
{
    private static readonly Dictionary<string, decimal> StandardCoal = new(StringComparer.Ordinal)
    {
        ["gce"] = 0.000001m, ["kgce"] = 0.001m, ["tce"] = 1m,
    };

    private static readonly Dictionary<string, decimal> Heat = new(StringComparer.Ordinal)
    {
        ["kJ"] = 0.000001m, ["MJ"] = 0.001m, ["GJ"] = 1m, ["TJ"] = 1000m,
    };

    private static readonly Dictionary<string, decimal> Carbon = new(StringComparer.Ordinal)
    {
        ["kgC"] = 0.001m, ["tC"] = 1m,
    };

    private static readonly Dictionary<string, decimal> Co2 = new(StringComparer.Ordinal)
    {
        ["kgCO2"] = 0.001m, ["tCO2"] = 1m,
    };

    /// <summary>
    /// Normalises a written factor. Results: standard coal and 等价值 in tce per base unit; NCV in GJ per base unit;
    /// carbon content in tC per GJ; oxidation as a ratio; heat and grid CO2 in tCO2 per base unit (MJ, kWh);
    /// price index as written. <paramref name="error"/> says what is wrong with the unit.
    /// </summary>
    public static bool TryNormalize(
        FactorKind kind, EnergyCarrier? carrier, string unit, decimal value,
        out decimal normalized, out decimal denominatorScale, out string denominatorToken, out string error)
    {
        normalized = 0m;
        denominatorScale = 1m;
        denominatorToken = string.Empty;
        error = string.Empty;
        switch (kind)
        {
            case FactorKind.OxidationRate:
                if (unit == "ratio") { normalized = value; return true; }
                if (unit == "%") { normalized = value / 100m; return true; }
                error = "oxidation is written as 'ratio' (0..1] or '%'";
                return false;
            case FactorKind.PriceIndex:
                if (unit == "index-2020=100") { normalized = value; return true; }
                error = "a price index is written with unit 'index-2020=100'";
                return false;
        }

        var slash = unit.IndexOf('/');
        if (slash <= 0 || slash == unit.Length - 1)
        {
            error = $"'{unit}' is not of the form numerator/denominator";
            return false;
        }
        var numerator = unit[..slash];
        var denominator = unit[(slash + 1)..];

        switch (kind)
        {
            case FactorKind.StandardCoal:
            case FactorKind.ElectricityEquivalent:
            {
                var dimension = kind == FactorKind.ElectricityEquivalent
                    ? Dimension.Electricity
                    : carrier?.DimensionOf() ?? Dimension.Electricity;
                if (!StandardCoal.TryGetValue(numerator, out var num))
                {
                    error = $"standard coal is written in gce, kgce or tce, not '{numerator}'";
                    return false;
                }
                if (!TryDenominator(denominator, dimension, out denominatorScale, out error))
                {
                    return false;
                }
                denominatorToken = denominator;
                normalized = value * num / denominatorScale;
                return true;
            }
            case FactorKind.NetCalorificValue:
            {
                var dimension = carrier?.DimensionOf() ?? Dimension.Mass;
                if (!Heat.TryGetValue(numerator, out var num))
                {
                    error = $"a calorific value is written in kJ, MJ, GJ or TJ, not '{numerator}'";
                    return false;
                }
                if (!TryDenominator(denominator, dimension, out denominatorScale, out error))
                {
                    return false;
                }
                denominatorToken = denominator;
                normalized = value * num / denominatorScale;
                return true;
            }
            case FactorKind.CarbonContent:
            {
                if (!Carbon.TryGetValue(numerator, out var num))
                {
                    error = $"carbon content is written in tC or kgC, not '{numerator}'";
                    return false;
                }
                if (!Heat.TryGetValue(denominator, out var den))
                {
                    error = $"carbon content is per unit of heat (MJ, GJ, TJ), not per '{denominator}'";
                    return false;
                }
                denominatorToken = denominator;
                denominatorScale = den;
                normalized = value * num / den;
                return true;
            }
            case FactorKind.HeatCo2:
            case FactorKind.GridCo2:
            {
                var dimension = kind == FactorKind.HeatCo2 ? Dimension.Heat : Dimension.Electricity;
                if (!Co2.TryGetValue(numerator, out var num))
                {
                    error = $"an emission factor is written in tCO2 or kgCO2, not '{numerator}'";
                    return false;
                }
                if (!TryDenominator(denominator, dimension, out denominatorScale, out error))
                {
                    return false;
                }
                denominatorToken = denominator;
                normalized = value * num / denominatorScale;
                return true;
            }
            default:
                error = $"no unit rule for kind {kind}";
                return false;
        }
    }

    private static bool TryDenominator(string token, Dimension dimension, out decimal scale, out string error)
    {
        scale = 1m;
        error = string.Empty;
        if (!MeasureUnits.TryParse(token, out var unit))
        {
            error = $"'{token}' is not a unit (one of {string.Join(", ", MeasureUnits.Tokens)})";
            return false;
        }
        if (unit.DimensionOf() != dimension)
        {
            error = $"'{token}' measures {unit.DimensionOf()}, but this factor applies to {dimension}";
            return false;
        }
        scale = unit.ScaleToBase();
        return true;
    }
}
