using Carbon.Domain.Energy;
using Carbon.Domain;
using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Features.Metrics;

/// <summary>
/// Turns summed activity into the metrics response: one code path for an enterprise, a park and the district, so
/// their figures are computed identically. All arithmetic is the methodology's; this class only rounds for display.
/// </summary>
public sealed class MetricsCalculator(FactorSet factors, IOptions<CarbonOptions> options)
{
    /// <summary>Decimal places of every derived figure in the API.</summary>
    public const int DisplayDecimals = 6;

    private CarbonOptions Options => options.Value;

    /// <summary>The metrics of a scope; for an enterprise (<paramref name="firm"/>) its GB/T 4754 code names its fuel family.</summary>
    public MetricsResponse Compute(ScopeResponse scope, PeriodQuery query, PeriodTotals totals, bool trace, bool firm = false,
        string? firmIndustryCode = null)
    {
        var region = Options.GridRegion;
        var basis = Options.EnergyBasis;
        var currentTrace = trace ? new List<TraceTerm>() : null;
        var baselineTrace = trace ? new List<TraceTerm>() : null;
        var fuels = firm ? factors.FuelBasisFor(firmIndustryCode) : null;
        var accounts = PeriodAccounts.Compare(totals.Current, query.Year, totals.Baseline, factors, region, basis, currentTrace, baselineTrace, fuels);
        var (current, baseline, comparison) = (accounts.Current, accounts.Baseline, accounts.Comparison);

        var missing = Enumerable.Range(1, query.ThroughMonth).Except(totals.CurrentMonths).ToArray();
        return new MetricsResponse(
            scope,
            query.Year,
            query.ThroughMonth,
            totals.CurrentMonths.Length,
            totals.CurrentMonths,
            missing,
            Energy(current.Energy),
            Co2(current.Co2),
            R(current.WaterM3),
            R(current.ValueAdded),
            comparison.PriceBasis == PriceBasis.Comparable2020 ? "comparable-2020" : "current",
            Index(comparison.CurrentPriceIndex),
            R(comparison.CurrentValueAdded),
            basis == EnergyBasis.Calorific ? "calorific" : "equivalent",
            Intensity(comparison.Current, basis),
            YearFactors(query.Year),
            new BaselineResponse(
                IntensityAccounting.BaselineYear,
                totals.BaselineMonths.Length,
                totals.BaselineMonths,
                Energy(baseline.Energy),
                Co2(baseline.Co2),
                R(baseline.WaterM3),
                R(baseline.ValueAdded),
                R(comparison.BaselineValueAdded),
                Index(comparison.BaselinePriceIndex),
                Intensity(comparison.Baseline, basis),
                YearFactors(IntensityAccounting.BaselineYear)),
            new ReductionResponse(R(comparison.Reduction.EnergyIntensity), R(comparison.Reduction.Co2Intensity),
                R(comparison.Reduction.WaterIntensity)),
            region,
            factors.Version,
            trace
                ? new TraceResponse(Terms(currentTrace!), Terms(baselineTrace!),
                    totals.Revisions.Select(r => new FilingRefResponse(r.Month, r.Revision)).ToArray())
                : null,
            Unavailable(comparison, basis, totals.BaselineMonths.Length),
            new ComparisonResponse(accounts.GridPolicy, Year(accounts.ComparedBaselineGrid), R(accounts.BaselineCompared.Co2.TotalT)),
            new ElectricityResponse(R(totals.Current.Energy(EnergyCarrier.Electricity)), R(totals.Current.ExportedKwh),
                R(totals.Current.Energy(EnergyCarrier.ExportedElectricity)), R(totals.Current.Energy(EnergyCarrier.RenewableGeneration)),
                R(totals.Current.RenewableSelfUsedKwh)),
            new DualControlResponse(Energy(current.DualControl), R(current.FeedstockTce),
                R(IntensityAccounting.Per10kYuan(basis == EnergyBasis.Calorific ? current.DualControl.CalorificTce : current.DualControl.EquivalentTce,
                    comparison.CurrentValueAdded))),
            totals.Flags ?? [],
            Fuels(totals.Current, fuels));
    }

    private static FuelsResponse Fuels(ActivityTotals t, FuelBasis? fuels) =>
        new(fuels?.Family.Id, fuels?.Family.Name, fuels?.Family.Status.Token(),
            EnergyCarriers.All.Where(c => c.RoleOf() == CarrierRole.Fuel && t.Energy(c) != 0m).Select(c =>
            {
                var scale = EnergyUse.NcvDenominatorScale(c);
                var d = fuels?.Find(c);
                return new FuelLineResponse(c.Token(), R(t.Energy(c) / scale), scale == 1_000m ? "t" : "10k-m3", R(t.HeatGj(c)),
                    R(t.HeatGj(c) / t.Energy(c) * scale), EnergyUse.NcvUnit(c), d?.Ncv.Id, d?.Ncv.Value, d?.FromDefaultFamily ?? false,
                    R(t.MeasuredNcvQuantity(c) / scale));
            }).ToArray());

    /// <summary>Why each intensity or reduction that is null could not be computed, keyed by its JSON path.</summary>
    private static Dictionary<string, string> Unavailable(BaselineComparison c, EnergyBasis basis, int baselineMonths)
    {
        var notes = new Dictionary<string, string>();
        void Intensities(string path, Intensities i, decimal valueAdded, bool baseline)
        {
            var why = baseline && baselineMonths == 0 ? "2020年同期无填报 (nothing was filed for these months of 2020)"
                : valueAdded <= 0m ? $"工业增加值为 {R(valueAdded)} 万元，不为正 (value added is not positive)"
                : "比值超出可表示范围，请核对填报数据 (the ratio is beyond any real value; check the filings)";
            foreach (var (name, value) in new[] { ("energyTcePer10kYuan", i.Energy(basis)), ("energyCalorificTcePer10kYuan", i.EnergyCalorificTcePer10kYuan),
                         ("energyEquivalentTcePer10kYuan", i.EnergyEquivalentTcePer10kYuan), ("co2TPer10kYuan", i.Co2TPer10kYuan), ("waterM3Per10kYuan", i.WaterM3Per10kYuan) })
            {
                if (value is null)
                {
                    notes[$"{path}.{name}"] = why;
                }
            }
        }
        Intensities("intensity", c.Current, c.CurrentValueAdded, baseline: false);
        Intensities("baseline.intensity", c.Baseline, c.BaselineValueAdded, baseline: true);
        foreach (var (name, value, now, then) in new[]
                 {
                     ("energyIntensity", c.Reduction.EnergyIntensity, c.Current.Energy(basis), c.Baseline.Energy(basis)),
                     ("co2Intensity", c.Reduction.Co2Intensity, c.Current.Co2TPer10kYuan, c.Baseline.Co2TPer10kYuan),
                     ("waterIntensity", c.Reduction.WaterIntensity, c.Current.WaterM3Per10kYuan, c.Baseline.WaterM3Per10kYuan),
                 })
        {
            if (value is null)
            {
                notes[$"reductionVs2020.{name}"] = now is null || then is null ? "当期或2020年强度缺失，见其说明 (an intensity is missing; see its note)"
                    : then == 0m ? "2020年强度为零，降低率无意义 (the 2020 intensity is zero)"
                    : "降低率超出可表示范围，请核对填报数据 (beyond any real value; check the filings)";
            }
        }
        return notes;
    }

    /// <summary>Display rounding: 6 decimal places, half away from zero (<see cref="Display"/>).</summary>
    public static decimal R(decimal value) => Display.Round(value, DisplayDecimals);

    public static decimal? R(decimal? value) => Display.Round(value, DisplayDecimals);

    private static EnergyResponse Energy(EnergyFigures e) => new(R(e.CalorificTce), R(e.EquivalentTce));

    private static Co2Response Co2(Co2Figures c) => new(R(c.CombustionT), R(c.ElectricityT), R(c.HeatT), R(c.TotalT));

    private static IntensityResponse Intensity(Intensities i, EnergyBasis basis) =>
        new(R(i.Energy(basis)), R(i.EnergyCalorificTcePer10kYuan), R(i.EnergyEquivalentTcePer10kYuan), R(i.Co2TPer10kYuan),
            R(i.WaterM3Per10kYuan));

    private static PriceIndexResponse? Index(PriceIndexChoice? c) =>
        c is null ? null : new PriceIndexResponse(c.Factor.Id, c.Factor.Year!.Value, c.Factor.Value, c.Factor.Status.Token(), c.Factor.Region, c.Provisional);

    private YearFactorsResponse YearFactors(int year) =>
        new(Year(factors.ElectricityEquivalent(year)), Year(factors.GridCo2(year, Options.GridRegion)));

    private static YearFactorResponse Year(YearFactor y) =>
        new(y.Factor.Id, y.RequestedYear, y.Factor.Year!.Value, y.IsSubstitute, y.Factor.Value, y.Factor.Unit, y.Factor.Status.Token(),
            y.Factor.Edition);

    private static TraceTermResponse[] Terms(List<TraceTerm> terms) =>
        terms.Select(t => new TraceTermResponse(t.Figure, t.Carrier, t.Quantity, t.QuantityUnit, t.Factors, t.Formula, t.Clause,
            R(t.Result), t.ResultUnit, t.Note)).ToArray();
}
