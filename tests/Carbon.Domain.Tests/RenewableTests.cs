using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;

namespace Carbon.Domain.Tests;

public class RenewableTests
{
    private static MonthlyFiling Month(params (EnergyCarrier Carrier, decimal Kwh)[] lines) => new(new YearMonth(2022, 3),
        lines.Select(l => new EnergyUse(l.Carrier, new Quantity(l.Kwh, MeasureUnit.KilowattHour))).ToArray(), 0m, 100m, 50m, 100m, 0m, 5, 0m, null);

    [Fact]
    public void A_rooftop_pv_exporter_never_has_negative_consumption()
    {
        // Bought 10 000 kWh; generated 200 000 kWh on the roof; sent 150 000 kWh to the grid. The export came out of its own
        // generation (150 000 ≤ 200 000), so nothing is deducted from purchases: consumption 10 000 kWh × 0.1229 = 1.229 tce,
        // CO2 10 MWh × 0.5617 = 5.617 t; self-used renewables 200 000 − 150 000 = 50 000 kWh, reported apart.
        // (Before: 10 000 − 150 000 = −140 000 kWh → −17.206 tce and a "reduction" above 100 %.)
        var t = TestFactors.Totals(Month((EnergyCarrier.Electricity, 10_000m), (EnergyCarrier.RenewableGeneration, 200_000m),
            (EnergyCarrier.ExportedElectricity, 150_000m)));
        var a = Account.Compute(t, TestFactors.Set(), 2022, "east-china");
        Assert.Equal(1.229m, a.Energy.CalorificTce);
        Assert.Equal(5.617m, a.Co2.TotalT);
        Assert.Equal(0m, t.Energy(EnergyCarrier.ExportedElectricity));
        Assert.Equal(150_000m, t.ExportedKwh);
        Assert.Equal(50_000m, t.RenewableSelfUsedKwh);
    }

    [Fact]
    public void An_export_beyond_generation_is_deducted_but_never_below_zero()
    {
        // No generation, 30 000 kWh exported against 10 000 bought (a CHP unit): the deduction stops at 10 000 → 0 tce, 0 t.
        var t = TestFactors.Totals(Month((EnergyCarrier.Electricity, 10_000m), (EnergyCarrier.ExportedElectricity, 30_000m)));
        var a = Account.Compute(t, TestFactors.Set(), 2022, "east-china");
        Assert.Equal(0m, a.Energy.CalorificTce);
        Assert.Equal(0m, a.Co2.TotalT);
        Assert.Equal(10_000m, t.Energy(EnergyCarrier.ExportedElectricity));
    }
}

public class DualControlTests
{
    [Fact]
    public void Feedstock_is_in_gross_energy_but_not_in_the_dual_control_figure_nor_burnt()
    {
        // 10 000 m³ of gas, 4 000 of it used as raw material (原料用能), one heating value 389.31 GJ/万m³:
        // gross 389.31 GJ ÷ 29.307 GJ/tce = 13.283857… tce; feedstock 155.724 GJ ÷ 29.307 = 5.313543… tce;
        // 双控 233.586 GJ ÷ 29.307 = 7.970314… tce. CO2 only from the 6 000 m³ burnt:
        // 0.6 万m³ × 389.31 GJ × 0.0153 tC/GJ × 0.99 = 3.538127142 tC × 44/12 = 12.973132854 t.
        var t = TestFactors.Totals(new MonthlyFiling(new Registry.YearMonth(2022, 3),
            [new EnergyUse(Energy.EnergyCarrier.NaturalGas, new Units.Quantity(10_000m, Units.MeasureUnit.CubicMetre), 4_000m)],
            0m, 100m, 50m, 100m, 0m, 5, 0m, null));
        var a = Account.Compute(t, TestFactors.Set(), 2022, "east-china");
        Assert.Equal(13.283857m, Display.Round(a.Energy.CalorificTce));
        Assert.Equal(5.313543m, Display.Round(a.FeedstockTce));
        Assert.Equal(7.970314m, Display.Round(a.DualControl.CalorificTce));
        Assert.Equal(12.973133m, Display.Round(a.Co2.TotalT));
    }

    [Fact]
    public void Feedstock_belongs_to_a_fuel_and_never_exceeds_its_line() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EnergyUse(Energy.EnergyCarrier.NaturalGas, new Units.Quantity(1m, Units.MeasureUnit.CubicMetre), 2m));
}

public class PlausibilityTests
{
    private static MonthlyFiling Kwh(int year, int month, decimal kwh, Units.MeasureUnit unit = Units.MeasureUnit.KilowattHour) =>
        new(new Registry.YearMonth(year, month), [new EnergyUse(Energy.EnergyCarrier.Electricity, new Units.Quantity(kwh, unit))],
            0m, 100m, 50m, 100m, 0m, 5, 0m, null);

    [Fact]
    public void A_line_beyond_ten_times_its_history_is_caught_with_the_range_in_its_own_unit()
    {
        // Same month last year 50 000 kWh → 5 000 … 500 000 kWh expected; filed in MWh the range is 5 … 500 MWh.
        var history = new Dictionary<Registry.YearMonth, MonthlyFiling> { [new(2023, 5)] = Kwh(2023, 5, 50_000m) };
        Assert.Empty(Plausibility.Check(Kwh(2024, 5, 400_000m), history));
        var slip = Assert.Single(Plausibility.Check(Kwh(2024, 5, 600m, Units.MeasureUnit.MegawattHour), history));
        Assert.Equal((5m, 500m), (slip.ExpectedMin, slip.ExpectedMax));
        Assert.Empty(Plausibility.Check(Kwh(2024, 5, 600_000m), new Dictionary<Registry.YearMonth, MonthlyFiling>()));   // no history, no check
    }

    [Fact]
    public void Without_last_years_month_the_median_of_the_last_three_months_is_the_reference()
    {
        // 100 000, 120 000, 10 000 (sorted 10 000, 100 000, 120 000) → median 100 000 → 10 000 … 1 000 000.
        var history = new[] { (1, 100_000m), (2, 120_000m), (3, 10_000m) }
            .ToDictionary(m => new Registry.YearMonth(2024, m.Item1), m => Kwh(2024, m.Item1, m.Item2));
        Assert.Empty(Plausibility.Check(Kwh(2024, 4, 1_000_000m), history));
        Assert.Single(Plausibility.Check(Kwh(2024, 4, 1_000_001m), history));
    }
}
