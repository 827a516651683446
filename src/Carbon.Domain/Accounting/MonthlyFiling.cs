using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;

namespace Carbon.Domain.Accounting;

/// <summary>
/// One line of energy use in a filing: a carrier and how much, in the unit filed, and of that how much a fuel was used
/// as raw material (原料用能, not burnt), in the same unit; for a fuel, optionally its measured net calorific value
/// (低位发热量实测值), which then replaces the default for both its standard coal and its CO2.
/// </summary>
public readonly record struct EnergyUse
{
    /// <summary>Lowest and highest measured NCV taken (GJ/t for solid and liquid fuels, GJ/10⁴m³ for gases).</summary>
    public static readonly (decimal Min, decimal Max) SolidLiquidNcvRange = (5m, 60m), GasNcvRange = (20m, 1000m);

    public EnergyUse(EnergyCarrier carrier, Quantity quantity, decimal feedstock = 0m, decimal? measuredNcv = null)
    {
        if (!carrier.Accepts(quantity.Unit))
        {
            throw new UnitMismatchException(
                $"{carrier.Token()} is measured in {carrier.DimensionOf()} units, not {quantity.Unit.Token()}");
        }
        if (feedstock < 0m || feedstock > quantity.Value || (feedstock > 0m && carrier.RoleOf() != CarrierRole.Fuel))
        {
            throw new ArgumentOutOfRangeException(nameof(feedstock), feedstock, "feedstock is part of a fuel line: 0 ≤ feedstock ≤ quantity");
        }
        if (measuredNcv is { } ncv && (carrier.RoleOf() != CarrierRole.Fuel || ncv < NcvRange(carrier).Min || ncv > NcvRange(carrier).Max))
        {
            throw new ArgumentOutOfRangeException(nameof(measuredNcv), measuredNcv, "a measured NCV belongs to a fuel line and lies in its range");
        }
        Carrier = carrier;
        Quantity = quantity;
        Feedstock = feedstock;
        MeasuredNcv = measuredNcv;
    }

    /// <summary>The unit a measured NCV of this fuel is filed in: the guidelines' GJ/t, or GJ/10⁴m³ for gases.</summary>
    public static string NcvUnit(EnergyCarrier carrier) => carrier.DimensionOf() == Dimension.Volume ? "GJ/10k-m3" : "GJ/t";

    /// <summary>Base units (kg or m³) in one denominator unit of <see cref="NcvUnit"/>.</summary>
    public static decimal NcvDenominatorScale(EnergyCarrier carrier) => carrier.DimensionOf() == Dimension.Volume ? 10_000m : 1_000m;

    /// <summary>The range a measured NCV of this fuel must lie in.</summary>
    public static (decimal Min, decimal Max) NcvRange(EnergyCarrier carrier) =>
        carrier.DimensionOf() == Dimension.Volume ? GasNcvRange : SolidLiquidNcvRange;

    public EnergyCarrier Carrier { get; }

    public Quantity Quantity { get; }

    /// <summary>原料用能: the part used as raw material, in the line's unit (0 when none).</summary>
    public decimal Feedstock { get; }

    /// <summary>低位发热量实测值 in <see cref="NcvUnit"/>; null when the fuel family's default applies.</summary>
    public decimal? MeasuredNcv { get; }
}

/// <summary>主要污染物排放量 in tonnes. A pollutant not reported is null, never zero.</summary>
public sealed record Pollutants(decimal? CodT, decimal? Nh3nT, decimal? So2T, decimal? NoxT)
{
    /// <summary>The sum of the reported pollutants (t).</summary>
    public decimal TotalT => (CodT ?? 0m) + (Nh3nT ?? 0m) + (So2T ?? 0m) + (NoxT ?? 0m);

    /// <summary>True when at least one pollutant was reported.</summary>
    public bool Reported => CodT.HasValue || Nh3nT.HasValue || So2T.HasValue || NoxT.HasValue;
}

/// <summary>产品产量: a product made in the month, in its own unit (t, 件, 台 …), for per-product figures.</summary>
public sealed record ProductOutput(string Name, decimal Quantity, string Unit);

/// <summary>
/// The figures an enterprise files for one month (企业月度填报). Money in 万元 at current prices. Two filings are
/// equal when they say exactly the same, line by line (a repeated filing makes no new revision).
/// </summary>
public sealed record MonthlyFiling(
    YearMonth Month,
    IReadOnlyList<EnergyUse> Energy,
    decimal WaterM3,
    decimal OutputValue,
    decimal ValueAdded,
    decimal Revenue,
    decimal TaxPaid,
    int Employees,
    decimal RdExpense,
    Pollutants? Pollutants,
    IReadOnlyList<ProductOutput>? Products = null)
{
    /// <summary>Products made, in the order filed; empty when none were given.</summary>
    public IReadOnlyList<ProductOutput> Products { get; init; } = Products ?? [];

    public bool Equals(MonthlyFiling? other) =>
        other is not null
        && Month == other.Month
        && Energy.SequenceEqual(other.Energy)
        && WaterM3 == other.WaterM3
        && OutputValue == other.OutputValue
        && ValueAdded == other.ValueAdded
        && Revenue == other.Revenue
        && TaxPaid == other.TaxPaid
        && Employees == other.Employees
        && RdExpense == other.RdExpense
        && Equals(Pollutants, other.Pollutants)
        && Products.SequenceEqual(other.Products);

    public override int GetHashCode() => HashCode.Combine(Month, Energy.Count, WaterM3, ValueAdded, Employees);
}
