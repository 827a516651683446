using Carbon.Domain.Accounting;

namespace Carbon.Domain.Tests;

public class IntensityTests
{
    // Current period (2023) and its 2020 baseline, as totals.
    private static readonly Account Current = new(new EnergyFigures(100m, 150m), new Co2Figures(50m, 100m, 50m), 1_000m, 500m);
    private static readonly Account Baseline = new(new EnergyFigures(120m, 180m), new Co2Figures(60m, 120m, 60m), 1_100m, 400m);

    [Fact]
    public void Reduction_at_current_prices_when_there_is_no_price_index()
    {
        // Energy (等价值): 150/500 = 0.3 vs 180/400 = 0.45 → 1 − 0.3/0.45 = 1/3.
        // CO2: 200/500 = 0.4 vs 240/400 = 0.6 → 1/3. Water: 1000/500 = 2 vs 1100/400 = 2.75 → 1 − 2/2.75 = 3/11.
        var c = IntensityAccounting.Compare(Current, 2023, Baseline, TestFactors.Set(), EnergyBasis.Equivalent);
        Assert.Equal(PriceBasis.Current, c.PriceBasis);
        Assert.Equal(0.3m, c.Current.EnergyEquivalentTcePer10kYuan);
        Assert.Equal(0.45m, c.Baseline.EnergyEquivalentTcePer10kYuan);
        Assert.Equal(Math.Round(1m / 3m, 20), Math.Round(c.Reduction.EnergyIntensity!.Value, 20));
        Assert.Equal(Math.Round(1m / 3m, 20), Math.Round(c.Reduction.Co2Intensity!.Value, 20));
        Assert.Equal(Math.Round(3m / 11m, 20), Math.Round(c.Reduction.WaterIntensity!.Value, 20));
    }

    [Fact]
    public void Reduction_at_comparable_2020_prices_when_the_index_has_the_year()
    {
        // P(2023) = 125: VA at 2020 prices = 500 × 100 / 125 = 400. Energy: 150/400 = 0.375 vs 0.45 → 1 − 0.375/0.45 = 1/6.
        var factors = TestFactors.Set(TestFactors.PriceIndex(2020, 100m), TestFactors.PriceIndex(2023, 125m));
        var c = IntensityAccounting.Compare(Current, 2023, Baseline, factors, EnergyBasis.Equivalent);
        Assert.Equal(PriceBasis.Comparable2020, c.PriceBasis);
        Assert.Equal(400m, c.CurrentValueAdded);
        Assert.Equal(400m, c.BaselineValueAdded);
        Assert.Equal(0.375m, c.Current.EnergyEquivalentTcePer10kYuan);
        Assert.Equal(Math.Round(1m / 6m, 20), Math.Round(c.Reduction.EnergyIntensity!.Value, 20));
    }

    [Fact]
    public void A_year_missing_from_the_index_takes_the_last_one_and_is_provisional_never_current_prices()
    {
        // 2023 has no index yet: 2022's 110 stands in, flagged provisional. VA 500 × 100 / 110 = 454.545454… 万元 of 2020.
        var factors = TestFactors.Set(TestFactors.PriceIndex(2020, 100m), TestFactors.PriceIndex(2022, 110m));
        var c = IntensityAccounting.Compare(Current, 2023, Baseline, factors, EnergyBasis.Equivalent);
        Assert.Equal(PriceBasis.Comparable2020, c.PriceBasis);
        Assert.True(c.PriceProvisional);
        Assert.Equal(2022, c.CurrentPriceIndex!.Factor.Year);
        Assert.Equal(Math.Round(500m * 100m / 110m, 20), Math.Round(c.CurrentValueAdded, 20));
    }

    [Fact]
    public void The_manufacturing_index_is_preferred_where_it_has_the_year()
    {
        // 加工工业 2021 106.6 beside the all-industry 108.1: VA 500 → 500 × 100 / 106.6.
        var processing = TestFactors.F("pi.processing.2021", Factors.FactorKind.PriceIndex, "index-2020=100", 106.6m, year: 2021, region: "CN-processing");
        var factors = TestFactors.Set(TestFactors.PriceIndex(2020, 100m), TestFactors.PriceIndex(2021, 108.1m), processing);
        var c = IntensityAccounting.Compare(Current, 2021, Baseline, factors, EnergyBasis.Equivalent);
        Assert.Equal("pi.processing.2021", c.CurrentPriceIndex!.Factor.Id);
        Assert.False(c.PriceProvisional);
        Assert.Equal(Math.Round(500m * 100m / 106.6m, 20), Math.Round(c.CurrentValueAdded, 20));
    }

    [Fact]
    public void Calorific_basis_uses_the_calorific_figure()
    {
        // 100/500 = 0.2 vs 120/400 = 0.3 → 1 − 0.2/0.3 = 1/3.
        var c = IntensityAccounting.Compare(Current, 2023, Baseline, TestFactors.Set(), EnergyBasis.Calorific);
        Assert.Equal(Math.Round(1m / 3m, 20), Math.Round(c.Reduction.EnergyIntensity!.Value, 20));
    }

    [Fact]
    public void No_value_added_means_no_intensity_and_no_reduction()
    {
        var idle = Current with { ValueAdded = 0m };
        var c = IntensityAccounting.Compare(idle, 2023, Baseline, TestFactors.Set(), EnergyBasis.Equivalent);
        Assert.Null(c.Current.Co2TPer10kYuan);
        Assert.Null(c.Reduction.Co2Intensity);
        Assert.Null(IntensityAccounting.Reduction(0.5m, 0m));
    }
}
