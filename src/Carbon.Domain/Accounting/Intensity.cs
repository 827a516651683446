using Carbon.Domain.Factors;

namespace Carbon.Domain.Accounting;

/// <summary>Which prices value added is measured in when intensities are compared across years.</summary>
public enum PriceBasis
{
    /// <summary>当年价: as filed.</summary>
    Current,
    /// <summary>2020年可比价: deflated by the price index (2020 = 100).</summary>
    Comparable2020,
}

/// <summary>Intensities per 10 000 yuan (万元) of value added. Null where value added is not positive.</summary>
public sealed record Intensities(
    decimal? EnergyCalorificTcePer10kYuan,
    decimal? EnergyEquivalentTcePer10kYuan,
    decimal? Co2TPer10kYuan,
    decimal? WaterM3Per10kYuan)
{
    public decimal? Energy(EnergyBasis basis) =>
        basis == EnergyBasis.Calorific ? EnergyCalorificTcePer10kYuan : EnergyEquivalentTcePer10kYuan;
}

/// <summary>Reductions against 2020 as fractions (0.16 = 16 % lower). Null where either intensity is missing.</summary>
public sealed record Reductions(decimal? EnergyIntensity, decimal? Co2Intensity, decimal? WaterIntensity);

/// <summary>
/// A period compared with the same months of 2020, on one price basis. <see cref="PriceProvisional"/> when the year's
/// own index is not published yet and the last one stands in.
/// </summary>
public sealed record BaselineComparison(
    PriceBasis PriceBasis,
    PriceIndexChoice? CurrentPriceIndex,
    PriceIndexChoice? BaselinePriceIndex,
    decimal CurrentValueAdded,
    decimal BaselineValueAdded,
    Intensities Current,
    Intensities Baseline,
    Reductions Reduction)
{
    public bool PriceProvisional => CurrentPriceIndex?.Provisional == true;
}

/// <summary>Intensities and reductions against the 2020 baseline.</summary>
public static class IntensityAccounting
{
    /// <summary>The baseline year of the 14th Five-Year targets.</summary>
    public const int BaselineYear = 2020;

    /// <summary>单位增加值强度: total ÷ value added (万元); null when value added ≤ 0 or the quotient is beyond range.</summary>
    public static decimal? Per10kYuan(decimal total, decimal valueAdded10kYuan) => Ratio.Of(total, valueAdded10kYuan);

    /// <summary>Value added at 2020 comparable prices: VA × 100 / P(year), P(2020) = 100.</summary>
    public static decimal AtComparablePrices(decimal valueAdded, Factor priceIndex) => valueAdded * 100m / priceIndex.Normalized;

    /// <summary>All intensities of an account over a value added already on the chosen basis.</summary>
    public static Intensities Of(Account account, decimal valueAdded) =>
        new(
            Per10kYuan(account.Energy.CalorificTce, valueAdded),
            Per10kYuan(account.Energy.EquivalentTce, valueAdded),
            Per10kYuan(account.Co2.TotalT, valueAdded),
            Per10kYuan(account.WaterM3, valueAdded));

    /// <summary>降低率 = 1 − I(t) / I(2020); null when either is missing, the baseline is zero, or the ratio is beyond range.</summary>
    public static decimal? Reduction(decimal? current, decimal? baseline) =>
        current is { } c && baseline is { } b && Ratio.OfSigned(c, b) is { } r && Math.Abs(r) <= 1_000_000_000m ? 1m - r : null;

    /// <summary>
    /// Compares a period of <paramref name="year"/> with the same months of 2020. Comparable prices whenever the factor
    /// set has an index for 2020 and one for the year or before it (then provisional); current prices only when it has
    /// no price index at all. The result says which, and which rows.
    /// </summary>
    public static BaselineComparison Compare(Account current, int year, Account baseline, FactorSet factors, EnergyBasis energyBasis)
    {
        var currentIndex = factors.PriceIndex(year);
        var baselineIndex = factors.PriceIndex(BaselineYear);
        var comparable = currentIndex is not null && baselineIndex is not null;
        var currentVa = comparable ? AtComparablePrices(current.ValueAdded, currentIndex!.Factor) : current.ValueAdded;
        var baselineVa = comparable ? AtComparablePrices(baseline.ValueAdded, baselineIndex!.Factor) : baseline.ValueAdded;
        var ic = Of(current, currentVa);
        var ib = Of(baseline, baselineVa);
        return new BaselineComparison(
            comparable ? PriceBasis.Comparable2020 : PriceBasis.Current,
            comparable ? currentIndex : null,
            comparable ? baselineIndex : null,
            currentVa,
            baselineVa,
            ic,
            ib,
            new Reductions(
                Reduction(ic.Energy(energyBasis), ib.Energy(energyBasis)),
                Reduction(ic.Co2TPer10kYuan, ib.Co2TPer10kYuan),
                Reduction(ic.WaterM3Per10kYuan, ib.WaterM3Per10kYuan)));
    }
}
