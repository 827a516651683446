using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using CsCheck;

namespace Carbon.Domain.Tests;

/// <summary>Properties that must hold for any filings, checked on random ones (CsCheck shrinks a failure to a small case).</summary>
public class PropertyTests
{
    private static readonly Factors.FactorSet Factors = TestFactors.Set();

    private static readonly EnergyCarrier[] Carriers =
    [
        EnergyCarrier.Electricity, EnergyCarrier.NaturalGas, EnergyCarrier.Diesel, EnergyCarrier.Heat, EnergyCarrier.RawCoal,
        EnergyCarrier.ExportedElectricity, EnergyCarrier.ExportedHeat,
    ];

    /// <summary>A decimal with up to 4 decimal places, 0 .. 10⁸.</summary>
    private static readonly Gen<decimal> Amount = Gen.Long[0, 1_000_000_000_000L].Select(m => m / 10_000m);

    private static readonly Gen<EnergyUse> Use =
        Gen.Select(Gen.Int[0, Carriers.Length - 1], Amount, Gen.Int[0, 2], (c, q, u) =>
        {
            var carrier = Carriers[c];
            var units = Enum.GetValues<MeasureUnit>().Where(x => carrier.Accepts(x)).ToArray();
            return new EnergyUse(carrier, new Quantity(q, units[u % units.Length]));
        });

    private static readonly Gen<MonthlyFiling> Filing =
        Gen.Select(Use.Array[0, 6], Amount, Amount, Gen.Int[0, 5000], (energy, water, va, employees) =>
            new MonthlyFiling(new YearMonth(2023, 1), energy, water, va * 2m, va, va, va / 10m, employees, 0m, null));

    [Fact]
    public void Totals_are_additive_over_months_and_enterprises()
    {
        // Σ over filings of each figure = the figure of Σ filings. Electricity, heat, water and money are exact; a fuel's
        // standard coal divides its heat by 29.307 GJ/tce and combustion CO2 divides by 12, once per carrier and figure, so
        // those agree to 1e-18.
        Filing.Array[1, 12].Sample(filings =>
        {
            var each = filings.Select(f => Account.Compute(TestFactors.Totals(f), Factors, 2023, "east-china")).ToArray();
            var whole = Account.Compute(ActivityTotals.Sum(filings.Select(TestFactors.Totals)), Factors, 2023, "east-china");
            Assert.InRange(each.Sum(a => a.Energy.CalorificTce) - whole.Energy.CalorificTce, -1e-18m, 1e-18m);
            Assert.InRange(each.Sum(a => a.Energy.EquivalentTce) - whole.Energy.EquivalentTce, -1e-18m, 1e-18m);
            Assert.Equal(each.Sum(a => a.Co2.ElectricityT), whole.Co2.ElectricityT);
            Assert.Equal(each.Sum(a => a.Co2.HeatT), whole.Co2.HeatT);
            Assert.InRange(each.Sum(a => a.Co2.CombustionT) - whole.Co2.CombustionT, -1e-18m, 1e-18m);
            Assert.Equal(each.Sum(a => a.WaterM3), whole.WaterM3);
            Assert.Equal(each.Sum(a => a.ValueAdded), whole.ValueAdded);
        }, iter: 300);
    }

    [Fact]
    public void Doubling_every_quantity_doubles_every_total_and_keeps_every_intensity()
    {
        Filing.Array[1, 6].Sample(filings =>
        {
            var t = ActivityTotals.Sum(filings.Select(TestFactors.Totals));
            var once = Account.Compute(t, Factors, 2023, "east-china");
            var twice = Account.Compute(t.Scale(2m), Factors, 2023, "east-china");
            Assert.InRange(2m * once.Energy.CalorificTce - twice.Energy.CalorificTce, -1e-18m, 1e-18m);
            Assert.InRange(2m * once.Energy.EquivalentTce - twice.Energy.EquivalentTce, -1e-18m, 1e-18m);
            Assert.InRange(2m * once.Co2.TotalT - twice.Co2.TotalT, -1e-18m, 1e-18m);
            Assert.Equal(2m * once.WaterM3, twice.WaterM3);
            var i1 = IntensityAccounting.Of(once, once.ValueAdded);
            var i2 = IntensityAccounting.Of(twice, twice.ValueAdded);
            if (i1.EnergyEquivalentTcePer10kYuan is { } a && i2.EnergyEquivalentTcePer10kYuan is { } b)
            {
                Assert.InRange(a - b, -1e-20m, 1e-20m);
            }
        }, iter: 300);
    }

    [Fact]
    public void Subtracting_what_was_added_gives_back_the_original_exactly()
    {
        // What a park does when a member revises a month: sum − old + new.
        Gen.Select(Filing, Filing).Sample((a, b) =>
        {
            var ta = TestFactors.Totals(a);
            var tb = TestFactors.Totals(b);
            Assert.Equal(ta, ta + tb - tb);
            Assert.Equal(ta + tb, tb + ta);
        }, iter: 300);
    }

    /// <summary>Figures at the bounds a filing may carry: zero, one millionth, the monthly maximum.</summary>
    private static Gen<decimal> OneOf(params decimal[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<decimal> Extreme = OneOf(0m, 0.000001m, 1m, 100_000_000m);

    private static readonly Gen<MonthlyFiling> ExtremeFiling =
        Gen.Select(Gen.Int[0, Carriers.Length - 1], OneOf(0m, 0.000001m, 10_000_000_000m), Extreme, Extreme, (c, q, va, money) =>
            new MonthlyFiling(new YearMonth(2023, 1),
                [new EnergyUse(Carriers[c], new Quantity(q, Enum.GetValues<MeasureUnit>().First(u => Carriers[c].Accepts(u) && u.ScaleToBase() == 1m)))],
                money, Math.Max(va, money), va, money, money, 1, money, null));

    [Fact]
    public void Every_read_of_extreme_figures_answers_without_an_exception()
    {
        // Intensities, reductions, 亩均 scores and green-factory ratios over filings at the bounds: null where undefined, never a throw.
        Gen.Select(ExtremeFiling.Array[1, 12], ExtremeFiling.Array[0, 12], (now, then) => (now, then)).Sample(pair =>
        {
            var current = Account.Compute(ActivityTotals.Sum(pair.now.Select(TestFactors.Totals)), Factors, 2023, "east-china");
            var baseline = Account.Compute(ActivityTotals.Sum(pair.then.Select(TestFactors.Totals)), Factors, 2020, "east-china");
            var compare = IntensityAccounting.Compare(current, 2023, baseline, Factors, EnergyBasis.Equivalent);
            _ = compare.Reduction;
            var site = new GreenFactory.GreenFactorySite("91350100M000100Y43", "x", null, 1, 0.000001m, 100_000_000m, null);
            _ = GreenFactory.GreenFactoryFactsCalculator.Compute(site, 2023, null, pair.now, pair.then, Factors, "east-china");
            _ = Targets.TargetTracking.Track(new Targets.PlanTarget("t", "t", "energy-intensity", null, Targets.TargetKind.Reduction, 0.16m, "ratio", "x", "x"),
                2020, 2025, 2023, compare.Reduction.EnergyIntensity, compare.Reduction.EnergyIntensity ?? 0m);
        }, iter: 2_000);
    }

    [Fact]
    public void Consumption_and_emissions_are_never_negative_whatever_is_exported()
    {
        var lines = Gen.Select(Gen.Int[0, 2], Amount, (c, q) => new EnergyUse(
            new[] { EnergyCarrier.Electricity, EnergyCarrier.ExportedElectricity, EnergyCarrier.RenewableGeneration }[c],
            new Quantity(q, MeasureUnit.KilowattHour)));
        lines.Array[0, 6].Sample(energy =>
        {
            var t = TestFactors.Totals(new MonthlyFiling(new YearMonth(2023, 1), energy, 0m, 1m, 1m, 1m, 0m, 1, 0m, null));
            var a = Account.Compute(t, Factors, 2023, "east-china");
            Assert.True(a.Energy.CalorificTce >= 0m && a.Energy.EquivalentTce >= 0m && a.Co2.TotalT >= 0m);
        });
    }
}
