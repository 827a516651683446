using Carbon.Domain.Factors;

namespace Carbon.Domain.Accounting;

/// <summary>
/// The totals of a period: energy (gross, GB/T 2589), the 双控 energy (gross less 原料用能), CO2, water and value added
/// (万元, current prices).
/// </summary>
public sealed record Account(EnergyFigures Energy, Co2Figures Co2, decimal WaterM3, decimal ValueAdded)
{
    /// <summary>
    /// 能耗双控口径: gross energy less energy used as raw material (原料用能不纳入能源消费总量和强度调控, 国家发展改革委
    /// 国家统计局 2022). Self-generated renewables are never in the gross figure (see ActivityTotals.From), so neither here.
    /// </summary>
    public EnergyFigures DualControl { get; init; } = Energy;

    /// <summary>原料用能 in tce (the same in 当量值 and 等价值: only fuels are feedstock).</summary>
    public decimal FeedstockTce { get; init; }

    /// <summary>
    /// GB/T 2589-2020 and GB/T 32150-2015 applied to summed activity; water is 取水量 as filed (m³).
    /// <paramref name="year"/> picks the year-keyed factors (等价值 coal rate, grid factor); <paramref name="gridYear"/>,
    /// when given, picks the grid factor instead (a comparison under <see cref="BaselineGridPolicy.Fixed"/>).
    /// <paramref name="fuels"/>, the firm's fuel family, only names the fuel rows in the trace.
    /// </summary>
    public static Account Compute(ActivityTotals totals, FactorSet factors, int year, string gridRegion,
        ICollection<TraceTerm>? trace = null, int? gridYear = null, FuelBasis? fuels = null)
    {
        var energy = EnergyAccounting.Compute(totals, factors, year, trace, fuels);
        var feedstock = EnergyAccounting.FeedstockTce(totals);
        return new Account(energy, CarbonAccounting.Compute(totals, factors, gridYear ?? year, gridRegion, trace, fuels), totals.WaterM3, totals.ValueAdded)
        {
            DualControl = new EnergyFigures(energy.CalorificTce - feedstock, energy.EquivalentTce - feedstock),
            FeedstockTce = feedstock,
        };
    }
}
