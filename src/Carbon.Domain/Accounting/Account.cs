using Carbon.Domain.Factors;

namespace Carbon.Domain.Accounting;

/// <summary>The totals of a period: energy, CO2, water and value added (万元, current prices).</summary>
public sealed record Account(EnergyFigures Energy, Co2Figures Co2, decimal WaterM3, decimal ValueAdded)
{
    /// <summary>
    /// GB/T 2589-2020 and GB/T 32150-2015 applied to summed activity; water is 取水量 as filed (m³).
    /// <paramref name="year"/> picks the year-keyed factors (等价值 coal rate, grid factor); <paramref name="gridYear"/>,
    /// when given, picks the grid factor instead (a comparison under <see cref="BaselineGridPolicy.Fixed"/>).
    /// </summary>
    public static Account Compute(ActivityTotals totals, FactorSet factors, int year, string gridRegion,
        ICollection<TraceTerm>? trace = null, int? gridYear = null) =>
        new(
            EnergyAccounting.Compute(totals, factors, year, trace),
            CarbonAccounting.Compute(totals, factors, gridYear ?? year, gridRegion, trace),
            totals.WaterM3,
            totals.ValueAdded);
}
