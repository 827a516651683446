using Carbon.Domain.Factors;

namespace Carbon.Domain.Accounting;

/// <summary>
/// A period and the same months of 2020: each year's own account (its own factors), the 2020 account as compared
/// (under the factor set's <see cref="BaselineGridPolicy"/>), and the comparison.
/// </summary>
public sealed record PeriodAccounts(
    Account Current,
    Account Baseline,
    Account BaselineCompared,
    BaselineComparison Comparison,
    BaselineGridPolicy GridPolicy,
    YearFactor ComparedBaselineGrid)
{
    /// <summary>
    /// 降低率 against 2020 (浙江省工业领域碳达峰实施方案 口径). Each year's own CO2 uses that year's grid factor (GB/T
    /// 32150-2015); in the comparison, 2020's electricity CO2 takes the compared year's factor when the policy is
    /// <see cref="BaselineGridPolicy.Fixed"/>, its own (nearest published) factor when <see cref="BaselineGridPolicy.EachYear"/>.
    /// </summary>
    public static PeriodAccounts Compare(ActivityTotals current, int year, ActivityTotals baseline, FactorSet factors, string gridRegion,
        EnergyBasis basis, ICollection<TraceTerm>? currentTrace = null, ICollection<TraceTerm>? baselineTrace = null, FuelBasis? fuels = null)
    {
        var now = Account.Compute(current, factors, year, gridRegion, currentTrace, fuels: fuels);
        var then = Account.Compute(baseline, factors, IntensityAccounting.BaselineYear, gridRegion, baselineTrace, fuels: fuels);
        var gridYear = factors.BaselineGrid == BaselineGridPolicy.Fixed ? year : IntensityAccounting.BaselineYear;
        var compared = gridYear == IntensityAccounting.BaselineYear
            ? then
            : Account.Compute(baseline, factors, IntensityAccounting.BaselineYear, gridRegion, gridYear: gridYear);
        return new PeriodAccounts(now, then, compared, IntensityAccounting.Compare(now, year, compared, factors, basis), factors.BaselineGrid,
            new YearFactor(factors.GridCo2(gridYear, gridRegion).Factor, IntensityAccounting.BaselineYear));
    }
}
