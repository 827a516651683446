using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;

namespace Carbon.Domain.Tests;

public class BaselineGridTests
{
    private static ActivityTotals Year(int year) => TestFactors.Totals(new MonthlyFiling(new YearMonth(year, 3),
        [new EnergyUse(EnergyCarrier.Electricity, new Quantity(100m, MeasureUnit.MegawattHour))], 0m, 400m, 100m, 400m, 0m, 1, 0m, null));

    [Fact]
    public void With_one_fixed_factor_the_same_activity_is_no_reduction()
    {
        // 100 MWh on 100 万元 in both years. 2023 at 华东 2023 0.5500 → 55 t; 2020 compared at the same 0.5500 → 55 t.
        // I = 0.55 both years → reduction 0. (No price index in the test set: current prices.)
        var p = PeriodAccounts.Compare(Year(2023), 2023, Year(2020), TestFactors.Set(), "east-china", EnergyBasis.Equivalent);
        Assert.Equal(BaselineGridPolicy.Fixed, p.GridPolicy);
        Assert.Equal(55m, p.BaselineCompared.Co2.TotalT);
        Assert.Equal(0m, p.Comparison.Reduction.Co2Intensity);
        // 2020's own CO2 still uses its own (nearest published, 2022: 0.5617) factor: 56.17 t.
        Assert.Equal(56.17m, p.Baseline.Co2.TotalT);
        Assert.Equal("grid.east-china.2023", p.ComparedBaselineGrid.Factor.Id);
    }

    [Fact]
    public void With_each_year_its_own_factor_the_grid_change_counts()
    {
        // 2020 compared at its own (nearest, 2022) 0.5617 → 56.17 t: reduction 1 − 55/56.17 = 0.0208296...
        var factors = new FactorSet("test", TestFactors.Default()) { BaselineGrid = BaselineGridPolicy.EachYear };
        var p = PeriodAccounts.Compare(Year(2023), 2023, Year(2020), factors, "east-china", EnergyBasis.Equivalent);
        Assert.Equal(56.17m, p.BaselineCompared.Co2.TotalT);
        Assert.Equal(0.020830m, Display.Round(p.Comparison.Reduction.Co2Intensity!.Value));
        Assert.True(p.ComparedBaselineGrid.IsSubstitute);
    }
}
