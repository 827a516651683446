using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;

namespace Carbon.Domain.GreenFactory;

/// <summary>What the registry says of a site: its land and buildings, as of a profile revision.</summary>
public sealed record GreenFactorySite(string Uscc, string Name, string? IndustryCode, int ProfileRevision, decimal LandAreaMu,
    decimal? FloorAreaM2, decimal? FootprintM2);

/// <summary>
/// The quantitative facts of a green-factory grade (GB/T 36132-2018 附录, GB/T 36132-2025 §5), computed from a year's
/// filings, the 2020 baseline and the site: per output and per product (energy at 等价值, GB/T 2589-2020; CO2, GB/T
/// 32150-2015), intensity reductions vs 2020, 容积率, 建筑密度 and output per 亩. Each value carries the sentence of its source.
/// </summary>
public static class GreenFactoryFactsCalculator
{
    public static GreenFactoryFacts Compute(GreenFactorySite site, int year, string? product, IReadOnlyList<MonthlyFiling> current,
        IReadOnlyList<MonthlyFiling> baseline, FactorSet factors, string region)
    {
        var fuels = factors.FuelBasisFor(site.IndustryCode);
        var t = ActivityTotals.Sum(current.Select(f => ActivityTotals.From(f, fuels)));
        var t0 = ActivityTotals.Sum(baseline.Select(f => ActivityTotals.From(f, fuels)));
        var accounts = PeriodAccounts.Compare(t, year, t0, factors, region, EnergyBasis.Equivalent, fuels: fuels);
        var (account, compare) = (accounts.Current, accounts.Comparison);

        var metrics = new Dictionary<string, decimal?>();
        var sources = new Dictionary<string, string>();
        var months = $"{year} 年 {current.Count} 个月填报, 因子集 {factors.Version}";
        var landM2 = site.LandAreaMu * Land.SquareMetresPerMu;

        Put("energy-per-output", Ratio(account.Energy.EquivalentTce, t.OutputValue),
            $"综合能耗(等价值) {N(account.Energy.EquivalentTce)} tce ÷ 工业总产值 {N(t.OutputValue)} 万元; {months}");
        Put("co2-per-output", Ratio(account.Co2.TotalT, t.OutputValue),
            $"CO2 {N(account.Co2.TotalT)} t ÷ 工业总产值 {N(t.OutputValue)} 万元; {months}");

        var (quantity, unit, productNote) = ProductQuantity(current, product);
        foreach (var (metric, total, what) in new[]
                 {
                     ("energy-per-product", account.Energy.EquivalentTce, "综合能耗(等价值) tce"),
                     ("co2-per-product", account.Co2.TotalT, "CO2 t"),
                     ("water-per-product", account.WaterM3, "取水量 m³"),
                 })
        {
            Put(metric, quantity is { } q ? Ratio(total, q) : null,
                quantity is { } qq ? $"{what} {N(total)} ÷ {product} 产量 {N(qq)} {unit}; {months}" : productNote);
        }

        Put("energy-intensity-reduction", compare.Reduction.EnergyIntensity,
            $"单位增加值能耗较2020年下降 ({(compare.PriceBasis == PriceBasis.Comparable2020 ? "2020年可比价" : "当年价")}); 2020 年 {baseline.Count} 个月");
        Put("co2-intensity-reduction", compare.Reduction.Co2Intensity,
            $"单位增加值碳排放较2020年下降 ({(compare.PriceBasis == PriceBasis.Comparable2020 ? "2020年可比价" : "当年价")}); 2020 年 {baseline.Count} 个月");
        Put("floor-area-ratio", site.FloorAreaM2 is { } fa ? Ratio(fa, landM2) : null,
            site.FloorAreaM2 is { } f1
                ? $"总建筑面积 {N(f1)} m² ÷ 用地 {N(site.LandAreaMu)} 亩 ({N(landM2)} m²), 档案第{site.ProfileRevision}版"
                : "企业档案未登记总建筑面积 floorAreaM2 (add it to the enterprise profile)");
        Put("building-density", site.FootprintM2 is { } fp ? Ratio(fp, landM2) : null,
            site.FootprintM2 is { } f2
                ? $"建筑基底面积 {N(f2)} m² ÷ 用地 {N(landM2)} m², 档案第{site.ProfileRevision}版"
                : "企业档案未登记建筑基底面积 footprintM2 (add it to the enterprise profile)");
        Put("output-per-land", Ratio(t.OutputValue, site.LandAreaMu),
            $"工业总产值 {N(t.OutputValue)} 万元 ÷ 用地 {N(site.LandAreaMu)} 亩, 档案第{site.ProfileRevision}版; {months}");

        return new GreenFactoryFacts(site.Uscc, site.Name, site.IndustryCode, year, product, unit, metrics, sources);

        void Put(string metric, decimal? value, string source)
        {
            metrics[metric] = current.Count == 0 ? null : value;
            sources[metric] = current.Count == 0 ? $"{year} 年无填报数据 (nothing filed for {year})" : source;
        }
    }

    /// <summary>Σ of the named product over the year; one unit throughout, else not computable.</summary>
    private static (decimal? Quantity, string? Unit, string Note) ProductQuantity(IReadOnlyList<MonthlyFiling> filings, string? product)
    {
        if (product is null)
        {
            return (null, null, "申报未指定主要产品 (the application names no main product)");
        }
        var lines = filings.SelectMany(f => f.Products).Where(p => p.Name == product).ToList();
        if (lines.Count == 0)
        {
            return (null, null, $"填报中无产品 {product} 的产量 (no output of {product} filed)");
        }
        var units = lines.Select(l => l.Unit).Distinct().ToList();
        if (units.Count > 1)
        {
            return (null, null, $"产品 {product} 的计量单位不一致: {string.Join(", ", units)} (mixed units)");
        }
        var total = lines.Sum(l => l.Quantity);
        return total > 0m ? (total, units[0], "") : (null, units[0], $"产品 {product} 产量为零 (zero output)");
    }

    private static decimal? Ratio(decimal numerator, decimal denominator) => Domain.Ratio.Of(numerator, denominator);

    private static string N(decimal v) => Display.Text(v, 4);
}
