using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.GreenFactory;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;

namespace Carbon.Domain.Tests;

public class GreenFactoryFactsTests
{
    private static MonthlyFiling Month(int year, decimal valueAdded, params ProductOutput[] products) => new(
        new YearMonth(year, 5), [new EnergyUse(EnergyCarrier.Electricity, new Quantity(100_000m, MeasureUnit.KilowattHour))],
        WaterM3: 600m, OutputValue: 1_000m, ValueAdded: valueAdded, Revenue: 1_050m, TaxPaid: 40m, Employees: 50, RdExpense: 10m,
        Pollutants: null, Products: products);

    private static readonly GreenFactorySite Site = new("91350100M000100Y43", "示例", "C3441", 2, LandAreaMu: 15m, FloorAreaM2: 12_000m,
        FootprintM2: 5_000m);

    [Fact]
    public void Each_metric_is_computed_from_the_filings_and_the_site()
    {
        // 2022, by hand (等价值, electricity at 300.7 gce/kWh; grid east-china 2022 0.5617 tCO2/MWh):
        //   energy 100 000 kWh × 300.7 g = 30.07 tce;  CO2 100 MWh × 0.5617 = 56.17 t
        //   per output 30.07 / 1 000 万元 = 0.03007;  CO2 per output 56.17 / 1 000 = 0.05617
        //   per product (200 t of 钢结构件) 30.07 / 200 = 0.15035 tce/t;  water 600 / 200 = 3 m³/t
        //   reduction vs 2020 (30.55 tce on VA 200): 1 − (30.07/250)/(30.55/200) = 0.212570 (6 places)
        //   land 15 亩 = 10 000 m²: 容积率 12 000/10 000 = 1.2; 建筑密度 5 000/10 000 = 0.5; output per 亩 1 000/15 = 66.666667
        var facts = GreenFactoryFactsCalculator.Compute(Site, 2022, "钢结构件", [Month(2022, 250m, new ProductOutput("钢结构件", 200m, "t"))],
            [Month(2020, 200m)], TestFactors.Set(), "east-china");

        Assert.Equal(0.03007m, facts.Metrics["energy-per-output"]);
        Assert.Equal(0.05617m, facts.Metrics["co2-per-output"]);
        Assert.Equal(0.15035m, facts.Metrics["energy-per-product"]);
        Assert.Equal(3m, facts.Metrics["water-per-product"]);
        Assert.Equal(0.212570m, Display.Round(facts.Metrics["energy-intensity-reduction"]!.Value));
        Assert.Equal(1.2m, facts.Metrics["floor-area-ratio"]);
        Assert.Equal(0.5m, facts.Metrics["building-density"]);
        Assert.Equal(66.666667m, Display.Round(facts.Metrics["output-per-land"]!.Value));
        Assert.Equal("t", facts.ProductUnit);
        Assert.Contains("档案第2版", facts.Sources["floor-area-ratio"]);
    }

    [Fact]
    public void A_year_without_filings_or_a_product_never_filed_has_no_value_and_says_why()
    {
        var none = GreenFactoryFactsCalculator.Compute(Site, 2022, "钢结构件", [], [], TestFactors.Set(), "east-china");
        Assert.All(none.Metrics.Values, v => Assert.Null(v));
        Assert.Contains("无填报数据", none.Sources["energy-per-output"]);

        var noProduct = GreenFactoryFactsCalculator.Compute(Site, 2022, "螺栓", [Month(2022, 250m)], [], TestFactors.Set(), "east-china");
        Assert.Null(noProduct.Metrics["energy-per-product"]);
        Assert.Contains("螺栓", noProduct.Sources["energy-per-product"]);
    }
}
