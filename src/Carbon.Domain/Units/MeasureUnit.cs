namespace Carbon.Domain.Units;

/// <summary>What a quantity measures. A carrier accepts units of exactly one dimension.</summary>
public enum Dimension
{
    /// <summary>Electrical energy, base unit kWh.</summary>
    Electricity,
    /// <summary>Mass, base unit kg.</summary>
    Mass,
    /// <summary>Volume of gas, base unit m³ (standard conditions, as metered and billed).</summary>
    Volume,
    /// <summary>Heat, base unit MJ.</summary>
    Heat,
}

/// <summary>The units a filing may use. JSON tokens are fixed: see <see cref="MeasureUnits.Token"/>.</summary>
public enum MeasureUnit
{
    KilowattHour,
    MegawattHour,
    /// <summary>万kWh.</summary>
    TenThousandKilowattHours,
    Kilogram,
    Tonne,
    CubicMetre,
    /// <summary>万m³.</summary>
    TenThousandCubicMetres,
    Megajoule,
    Gigajoule,
}

/// <summary>Tokens, dimensions and exact scales of <see cref="MeasureUnit"/>.</summary>
public static class MeasureUnits
{
    private static readonly (MeasureUnit Unit, string Token, Dimension Dimension, decimal Scale)[] Table =
    [
        (MeasureUnit.KilowattHour, "kWh", Dimension.Electricity, 1m),
        (MeasureUnit.MegawattHour, "MWh", Dimension.Electricity, 1_000m),
        (MeasureUnit.TenThousandKilowattHours, "10k-kWh", Dimension.Electricity, 10_000m),
        (MeasureUnit.Kilogram, "kg", Dimension.Mass, 1m),
        (MeasureUnit.Tonne, "t", Dimension.Mass, 1_000m),
        (MeasureUnit.CubicMetre, "m3", Dimension.Volume, 1m),
        (MeasureUnit.TenThousandCubicMetres, "10k-m3", Dimension.Volume, 10_000m),
        (MeasureUnit.Megajoule, "MJ", Dimension.Heat, 1m),
        (MeasureUnit.Gigajoule, "GJ", Dimension.Heat, 1_000m),
    ];

    /// <summary>Every JSON token, in table order.</summary>
    public static IReadOnlyList<string> Tokens { get; } = Table.Select(r => r.Token).ToArray();

    public static string Token(this MeasureUnit unit) => Row(unit).Token;

    public static Dimension DimensionOf(this MeasureUnit unit) => Row(unit).Dimension;

    /// <summary>How many base units (kWh, kg, m³, MJ) one of this unit holds. Always a power of ten, so conversions are exact.</summary>
    public static decimal ScaleToBase(this MeasureUnit unit) => Row(unit).Scale;

    /// <summary>The base unit of a dimension.</summary>
    public static MeasureUnit BaseUnit(this Dimension dimension) => dimension switch
    {
        Dimension.Electricity => MeasureUnit.KilowattHour,
        Dimension.Mass => MeasureUnit.Kilogram,
        Dimension.Volume => MeasureUnit.CubicMetre,
        Dimension.Heat => MeasureUnit.Megajoule,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static MeasureUnit Parse(string token) =>
        TryParse(token, out var unit) ? unit : throw new FormatException($"'{token}' is not a unit");

    /// <summary>Parses a JSON token exactly (case-sensitive: "MWh" is not "mWh").</summary>
    public static bool TryParse(string? token, out MeasureUnit unit)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Token, token, StringComparison.Ordinal))
            {
                unit = row.Unit;
                return true;
            }
        }
        unit = default;
        return false;
    }

    /// <summary>Converts a value between two units of the same dimension; exact, because scales are powers of ten.</summary>
    public static decimal Convert(decimal value, MeasureUnit from, MeasureUnit to)
    {
        if (from.DimensionOf() != to.DimensionOf())
        {
            throw new UnitMismatchException($"cannot convert {from.Token()} to {to.Token()}");
        }
        return from == to ? value : value * from.ScaleToBase() / to.ScaleToBase();
    }

    private static (MeasureUnit Unit, string Token, Dimension Dimension, decimal Scale) Row(MeasureUnit unit)
    {
        foreach (var row in Table)
        {
            if (row.Unit == unit)
            {
                return row;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(unit), unit, null);
    }
}

/// <summary>A unit used where its dimension does not fit. Never a silent zero.</summary>
public sealed class UnitMismatchException(string message) : Exception(message);
