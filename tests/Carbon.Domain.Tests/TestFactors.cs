using Carbon.Domain.Energy;
using Carbon.Domain.Factors;

namespace Carbon.Domain.Tests;

/// <summary>
/// A factor set with the same values as the shipped factors/ files (only those the tests use), built in code so the
/// methodology tests need no I/O.
/// </summary>
public static class TestFactors
{
    public static Factor F(string id, FactorKind kind, string unit, decimal value, EnergyCarrier? carrier = null,
        int? year = null, string region = "CN", FactorStatus status = FactorStatus.Verified)
    {
        if (!FactorUnits.TryNormalize(kind, carrier, unit, value, out var n, out var scale, out var token, out var error))
        {
            throw new ArgumentException(error);
        }
        return new Factor(id, kind, "test", year, region, carrier, unit, value, "test", status)
        {
            Normalized = n,
            DenominatorScale = scale,
            DenominatorToken = token,
        };
    }

    public static IEnumerable<Factor> Default()
    {
        // GB/T 2589 当量值 coefficients.
        yield return F("sc.electricity", FactorKind.StandardCoal, "kgce/kWh", 0.1229m, EnergyCarrier.Electricity);
        yield return F("sc.heat", FactorKind.StandardCoal, "kgce/MJ", 0.03412m, EnergyCarrier.Heat);
        // Electricity 等价值 by year (gce/kWh).
        yield return F("ee.2020", FactorKind.ElectricityEquivalent, "gce/kWh", 305.5m, year: 2020);
        yield return F("ee.2022", FactorKind.ElectricityEquivalent, "gce/kWh", 300.7m, year: 2022);
        // Fuel defaults of one family ("CN", the default): a fuel's standard coal is its NCV ÷ 29.307 GJ/tce.
        yield return F("ncv.raw-coal", FactorKind.NetCalorificValue, "GJ/t", 20.908m, EnergyCarrier.RawCoal);
        yield return F("cc.raw-coal", FactorKind.CarbonContent, "tC/TJ", 26.37m, EnergyCarrier.RawCoal);
        yield return F("of.raw-coal", FactorKind.OxidationRate, "%", 94m, EnergyCarrier.RawCoal);
        yield return F("ncv.diesel", FactorKind.NetCalorificValue, "GJ/t", 42.652m, EnergyCarrier.Diesel);
        yield return F("cc.diesel", FactorKind.CarbonContent, "tC/TJ", 20.2m, EnergyCarrier.Diesel);
        yield return F("of.diesel", FactorKind.OxidationRate, "%", 98m, EnergyCarrier.Diesel);
        yield return F("ncv.natural-gas", FactorKind.NetCalorificValue, "GJ/10k-m3", 389.31m, EnergyCarrier.NaturalGas);
        yield return F("cc.natural-gas", FactorKind.CarbonContent, "tC/TJ", 15.3m, EnergyCarrier.NaturalGas);
        yield return F("of.natural-gas", FactorKind.OxidationRate, "%", 99m, EnergyCarrier.NaturalGas);
        // Purchased heat and grid.
        yield return F("ef.heat", FactorKind.HeatCo2, "tCO2/GJ", 0.11m);
        yield return F("grid.national.2021", FactorKind.GridCo2, "tCO2/MWh", 0.5568m, year: 2021, region: "national");
        yield return F("grid.national.2023", FactorKind.GridCo2, "tCO2/MWh", 0.5306m, year: 2023, region: "national");
        yield return F("grid.east-china.2022", FactorKind.GridCo2, "tCO2/MWh", 0.5617m, year: 2022, region: "east-china");
        yield return F("grid.east-china.2023", FactorKind.GridCo2, "tCO2/MWh", 0.5500m, year: 2023, region: "east-china");
    }

    public static FactorSet Set(params Factor[] extra) => new("test", Default().Concat(extra));

    /// <summary>The fuel defaults of <see cref="Set"/>'s one family.</summary>
    public static FuelBasis Fuels { get; } = Set().DefaultFuelBasis;

    /// <summary>A filing's totals on <see cref="Fuels"/>.</summary>
    public static Accounting.ActivityTotals Totals(Accounting.MonthlyFiling filing) => Accounting.ActivityTotals.From(filing, Fuels);

    public static Factor PriceIndex(int year, decimal value) =>
        F($"pi.{year}", FactorKind.PriceIndex, "index-2020=100", value, year: year);
}
