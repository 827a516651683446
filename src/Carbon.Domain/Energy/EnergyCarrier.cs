using Carbon.Domain.Units;

namespace Carbon.Domain.Energy;

/// <summary>An energy carrier an enterprise files. Exported carriers are deducted (GB/T 2589-2020, GB/T 32150-2015).</summary>
public enum EnergyCarrier
{
    Electricity,
    RawCoal,
    WashedCoal,
    Coke,
    CrudeOil,
    FuelOil,
    Gasoline,
    Kerosene,
    Diesel,
    Lpg,
    RefineryGas,
    NaturalGas,
    CokeOvenGas,
    Heat,
    ExportedElectricity,
    ExportedHeat,
    /// <summary>自发可再生电力: electricity the firm generates itself from renewables (rooftop PV, wind), as metered.</summary>
    RenewableGeneration,
}

/// <summary>How a carrier enters the accounts.</summary>
public enum CarrierRole
{
    /// <summary>Burnt on site: standard coal by coefficient, CO2 by combustion.</summary>
    Fuel,
    /// <summary>Purchased electricity: standard coal 当量值 / 等价值, CO2 by grid factor.</summary>
    Electricity,
    /// <summary>Purchased heat (steam, hot water): standard coal by coefficient, CO2 by heat factor.</summary>
    Heat,
    /// <summary>Electricity delivered outside the boundary: deducted.</summary>
    ExportedElectricity,
    /// <summary>Heat delivered outside the boundary: deducted.</summary>
    ExportedHeat,
    /// <summary>Renewable electricity generated on site: reported, its self-used part kept out of purchased energy.</summary>
    RenewableGeneration,
}

/// <summary>JSON tokens, Chinese names, dimensions and roles of <see cref="EnergyCarrier"/>.</summary>
public static class EnergyCarriers
{
    private static readonly (EnergyCarrier Carrier, string Token, string Chinese, Dimension Dimension, CarrierRole Role)[] Table =
    [
        (EnergyCarrier.Electricity, "electricity", "电力", Dimension.Electricity, CarrierRole.Electricity),
        (EnergyCarrier.RawCoal, "raw-coal", "原煤", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.WashedCoal, "washed-coal", "洗精煤", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.Coke, "coke", "焦炭", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.CrudeOil, "crude-oil", "原油", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.FuelOil, "fuel-oil", "燃料油", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.Gasoline, "gasoline", "汽油", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.Kerosene, "kerosene", "煤油", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.Diesel, "diesel", "柴油", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.Lpg, "lpg", "液化石油气", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.RefineryGas, "refinery-gas", "炼厂干气", Dimension.Mass, CarrierRole.Fuel),
        (EnergyCarrier.NaturalGas, "natural-gas", "天然气", Dimension.Volume, CarrierRole.Fuel),
        (EnergyCarrier.CokeOvenGas, "coke-oven-gas", "焦炉煤气", Dimension.Volume, CarrierRole.Fuel),
        (EnergyCarrier.Heat, "heat", "热力", Dimension.Heat, CarrierRole.Heat),
        (EnergyCarrier.ExportedElectricity, "exported-electricity", "输出电力", Dimension.Electricity, CarrierRole.ExportedElectricity),
        (EnergyCarrier.ExportedHeat, "exported-heat", "输出热力", Dimension.Heat, CarrierRole.ExportedHeat),
        (EnergyCarrier.RenewableGeneration, "renewable-generation", "自发可再生电力", Dimension.Electricity, CarrierRole.RenewableGeneration),
    ];

    /// <summary>Every carrier in table order (the order used in traces and reports).</summary>
    public static IReadOnlyList<EnergyCarrier> All { get; } = Table.Select(r => r.Carrier).ToArray();

    /// <summary>Every JSON token, in table order.</summary>
    public static IReadOnlyList<string> Tokens { get; } = Table.Select(r => r.Token).ToArray();

    public static string Token(this EnergyCarrier carrier) => Row(carrier).Token;

    public static string ChineseName(this EnergyCarrier carrier) => Row(carrier).Chinese;

    public static Dimension DimensionOf(this EnergyCarrier carrier) => Row(carrier).Dimension;

    public static CarrierRole RoleOf(this EnergyCarrier carrier) => Row(carrier).Role;

    /// <summary>True for carriers delivered out of the boundary, which are subtracted.</summary>
    public static bool IsExport(this EnergyCarrier carrier) =>
        carrier.RoleOf() is CarrierRole.ExportedElectricity or CarrierRole.ExportedHeat;

    /// <summary>The carrier whose coefficients an exported carrier is deducted with.</summary>
    public static EnergyCarrier CoefficientCarrier(this EnergyCarrier carrier) => carrier switch
    {
        EnergyCarrier.ExportedElectricity or EnergyCarrier.RenewableGeneration => EnergyCarrier.Electricity,
        EnergyCarrier.ExportedHeat => EnergyCarrier.Heat,
        _ => carrier,
    };

    public static bool Accepts(this EnergyCarrier carrier, MeasureUnit unit) => carrier.DimensionOf() == unit.DimensionOf();

    public static EnergyCarrier Parse(string token) =>
        TryParse(token, out var carrier) ? carrier : throw new FormatException($"'{token}' is not an energy carrier");

    public static bool TryParse(string? token, out EnergyCarrier carrier)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Token, token, StringComparison.Ordinal))
            {
                carrier = row.Carrier;
                return true;
            }
        }
        carrier = default;
        return false;
    }

    private static (EnergyCarrier Carrier, string Token, string Chinese, Dimension Dimension, CarrierRole Role) Row(EnergyCarrier carrier)
    {
        foreach (var row in Table)
        {
            if (row.Carrier == carrier)
            {
                return row;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(carrier), carrier, null);
    }
}
