using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;

namespace Carbon.Domain.Tests;

public class AccountingTests
{
    private static readonly FactorSet Factors = TestFactors.Set();

    /// <summary>One month of a firm that uses every kind of carrier, 2022.</summary>
    private static MonthlyFiling Sample(int year = 2022) => new(
        new YearMonth(year, 6),
        [
            new EnergyUse(EnergyCarrier.Electricity, new Quantity(100_000m, MeasureUnit.KilowattHour)),
            new EnergyUse(EnergyCarrier.NaturalGas, new Quantity(1.2m, MeasureUnit.TenThousandCubicMetres)),
            new EnergyUse(EnergyCarrier.Diesel, new Quantity(2m, MeasureUnit.Tonne)),
            new EnergyUse(EnergyCarrier.Heat, new Quantity(500m, MeasureUnit.Gigajoule)),
            new EnergyUse(EnergyCarrier.RawCoal, new Quantity(10m, MeasureUnit.Tonne)),
            new EnergyUse(EnergyCarrier.ExportedElectricity, new Quantity(5_000m, MeasureUnit.KilowattHour)),
            new EnergyUse(EnergyCarrier.ExportedHeat, new Quantity(50_000m, MeasureUnit.Megajoule)),
        ],
        WaterM3: 800m, OutputValue: 2_000m, ValueAdded: 500m, Revenue: 2_100m, TaxPaid: 80m, Employees: 120,
        RdExpense: 40m, Pollutants: new Pollutants(0.5m, 0.05m, null, 0.2m));

    [Fact]
    public void Calorific_value_sums_quantity_times_coefficient_minus_exports()
    {
        // GB/T 2589-2020 当量值, by hand. Fuels by the heating value their CO2 uses, ÷ 29.307 GJ/tce:
        //   natural gas  1.2 万m³ × 389.31 GJ/万m³ = 467.172 GJ
        //   diesel       2 t × 42.652 GJ/t         =  85.304 GJ
        //   raw coal     10 t × 20.908 GJ/t        = 209.08  GJ
        //   Σ 761.556 GJ ÷ 29.307 = 25.985464223564… tce
        // Electricity and heat by coefficient (kgce):
        //   electricity      100 000 kWh × 0.1229 kgce/kWh =  12 290    kgce
        //   heat             500 000 MJ  × 0.03412 kgce/MJ =  17 060    kgce
        //   exported elec.    −5 000 kWh × 0.1229          =    −614.5  kgce
        //   exported heat    −50 000 MJ  × 0.03412         =  −1 706    kgce
        //   = 27 029.5 kgce = 27.0295 tce
        //   total 27.0295 + 25.985464223564 = 53.014964223564 tce
        var e = EnergyAccounting.Compute(TestFactors.Totals(Sample()), Factors, 2022);
        Assert.Equal(53.014964223564m, Math.Round(e.CalorificTce, 12));
    }

    [Fact]
    public void Equivalent_value_takes_electricity_at_the_years_coal_rate()
    {
        // 等价值 2022: electricity at 300.7 gce/kWh instead of 122.9:
        //   +100 000 × 0.3007 = 30 070 kgce (was 12 290), −5 000 × 0.3007 = −1 503.5 kgce (was −614.5)
        //   53.014964223564 − 12.29 + 30.07 + 0.6145 − 1.5035 = 69.905964223564 tce (fuels: 等价值 = 当量值)
        var e = EnergyAccounting.Compute(TestFactors.Totals(Sample()), Factors, 2022);
        Assert.Equal(69.905964223564m, Math.Round(e.EquivalentTce, 12));
    }

    [Fact]
    public void Equivalent_value_of_a_year_without_a_coal_rate_uses_the_nearest_year_and_says_so()
    {
        // 2024 has no row: 2022 (300.7) is nearest. 2021 has none either: 2020 and 2022 are both 1 year away; the
        // earlier (2020, 305.5) wins the tie. Electricity only: 10 000 kWh × 0.3055 = 3 055 kgce = 3.055 tce.
        var trace = new List<TraceTerm>();
        var t = TestFactors.Totals(new MonthlyFiling(new YearMonth(2021, 1),
            [new EnergyUse(EnergyCarrier.Electricity, new Quantity(10_000m, MeasureUnit.KilowattHour))],
            0m, 0m, 0m, 0m, 0m, 0, 0m, null));
        Assert.Equal(3.055m, EnergyAccounting.Compute(t, Factors, 2021, trace).EquivalentTce);
        Assert.Equal(2020, Factors.ElectricityEquivalent(2021).Factor.Year);
        Assert.Equal(2022, Factors.ElectricityEquivalent(2024).Factor.Year);
        Assert.Contains(trace, term => term.Figure == "energy.equivalent" && term.Note!.Contains("2020"));
    }

    [Fact]
    public void Co2_follows_gbt_32150_by_source()
    {
        // GB/T 32150-2015, by hand:
        //   gas     1.2 万m³ × 389.31 GJ/万m³ = 467.172 GJ × 0.0153 tC/GJ = 7.1477316 tC × 0.99 = 7.076254284 tC
        //   diesel  2 t × 42.652 GJ/t = 85.304 GJ × 0.0202 tC/GJ = 1.7231408 tC × 0.98 = 1.688677984 tC
        //   coal    10 t × 20.908 GJ/t = 209.08 GJ × 0.02637 tC/GJ = 5.5134396 tC × 0.94 = 5.182633224 tC
        //   Σ C = 13.947565492 tC × 44/12 = 51.141073470666… tCO2
        //   electricity (100 − 5) MWh × 0.5617 tCO2/MWh (华东 2022) = 53.3615 tCO2
        //   heat (500 − 50) GJ × 0.11 tCO2/GJ = 49.5 tCO2
        //   total = 154.002573470666… tCO2
        var c = CarbonAccounting.Compute(TestFactors.Totals(Sample()), Factors, 2022, "east-china");
        Assert.Equal(51.141073470667m, Math.Round(c.CombustionT, 12));
        Assert.Equal(53.3615m, c.ElectricityT);
        Assert.Equal(49.5m, c.HeatT);
        Assert.Equal(154.002573470667m, Math.Round(c.TotalT, 12));
    }

    [Fact]
    public void Grid_factor_uses_the_region_and_the_nearest_published_year()
    {
        // 华东 has 2022 and 2023. For 2020 the nearest is 2022 (0.5617); for 2025, 2023 (0.5500).
        // National has 2021 and 2023: 2022 is a tie, and the earlier year (2021, 0.5568) is used.
        Assert.Equal(0.5617m, Factors.GridCo2(2020, "east-china").Factor.Value);
        Assert.True(Factors.GridCo2(2020, "east-china").IsSubstitute);
        Assert.Equal(0.5500m, Factors.GridCo2(2025, "east-china").Factor.Value);
        Assert.False(Factors.GridCo2(2023, "east-china").IsSubstitute);
        Assert.Equal(0.5568m, Factors.GridCo2(2022, "national").Factor.Value);
        Assert.Throws<MissingFactorException>(() => Factors.GridCo2(2022, "mars"));
    }

    [Fact]
    public void Trace_terms_add_up_to_each_figure()
    {
        var trace = new List<TraceTerm>();
        var account = Account.Compute(TestFactors.Totals(Sample()), Factors, 2022, "east-china", trace, fuels: TestFactors.Fuels);
        Assert.Equal(account.Energy.CalorificTce, trace.Where(t => t.Figure == "energy.calorific").Sum(t => t.Result));
        Assert.Equal(account.Energy.EquivalentTce, trace.Where(t => t.Figure == "energy.equivalent").Sum(t => t.Result));
        Assert.Equal(account.Co2.ElectricityT, trace.Where(t => t.Figure == "co2.electricity").Sum(t => t.Result));
        Assert.Equal(account.Co2.HeatT, trace.Where(t => t.Figure == "co2.heat").Sum(t => t.Result));
        // Combustion terms are ×44/12 each, so they agree to the 28th significant digit, not beyond.
        Assert.Equal(Math.Round(account.Co2.CombustionT, 20),
            Math.Round(trace.Where(t => t.Figure == "co2.combustion").Sum(t => t.Result), 20));
        var gas = Assert.Single(trace, t => t.Figure == "co2.combustion" && t.Carrier == "natural-gas");
        Assert.Equal(1.2m, gas.Quantity);          // shown in the NCV's unit, 万m³
        Assert.Equal("10k-m3", gas.QuantityUnit);
        Assert.Equal(["ncv.natural-gas", "cc.natural-gas", "of.natural-gas"], gas.Factors.Select(f => f.Id));
        var electricity = Assert.Single(trace, t => t.Figure == "co2.electricity" && t.Carrier == "electricity");
        Assert.Equal(100m, electricity.Quantity);  // in MWh, the grid factor's unit
    }

    [Fact]
    public void A_month_with_nothing_filed_is_zero_not_an_error()
    {
        var account = Account.Compute(ActivityTotals.Zero, Factors, 2022, "east-china");
        Assert.Equal(0m, account.Energy.CalorificTce);
        Assert.Equal(0m, account.Co2.TotalT);
    }

    [Fact]
    public void A_fuel_without_factors_is_an_error_naming_the_factor()
    {
        var e = Assert.Throws<MissingFactorException>(() => TestFactors.Totals(new MonthlyFiling(new YearMonth(2022, 1),
            [new EnergyUse(EnergyCarrier.Coke, new Quantity(1m, MeasureUnit.Tonne))], 0m, 0m, 0m, 0m, 0m, 0, 0m, null)));
        Assert.Contains("coke", e.Message);
    }
}
