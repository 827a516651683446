using Carbon.Domain.Energy;
using Carbon.Domain.Factors;

namespace Carbon.Domain.Accounting;

/// <summary>综合能耗 in tce, 当量值 and 等价值 (GB/T 2589-2020).</summary>
public sealed record EnergyFigures(decimal CalorificTce, decimal EquivalentTce);

/// <summary>Which of the two standard-coal figures a KPI uses.</summary>
public enum EnergyBasis
{
    /// <summary>当量值: every carrier by its heat content (electricity 0.1229 kgce/kWh).</summary>
    Calorific,
    /// <summary>等价值: electricity by the coal burnt to generate it in that year.</summary>
    Equivalent,
}

/// <summary>Comprehensive energy consumption (综合能耗), GB/T 2589-2020.</summary>
public static class EnergyAccounting
{
    /// <summary>
    /// GB/T 2589-2020 §3.9, 附录A: E = Σ qᵢ × kᵢ − Σ exported × k; 当量值 with the reference coefficients,
    /// 等价值 the same except electricity at the data year's thermal coal rate.
    /// </summary>
    public static EnergyFigures Compute(ActivityTotals totals, FactorSet factors, int year, ICollection<TraceTerm>? trace = null)
    {
        var equivalentElectricity = factors.ElectricityEquivalent(year);
        decimal calorific = 0m, equivalent = 0m;
        foreach (var carrier in EnergyCarriers.All)
        {
            var quantity = totals.Energy(carrier);
            if (quantity == 0m || carrier == EnergyCarrier.RenewableGeneration)
            {
                continue;   // self-generated renewables are reported, not purchased energy (see ActivityTotals.From)
            }
            var sign = carrier.IsExport() ? -1m : 1m;
            var coefficient = factors.Get(FactorKind.StandardCoal, carrier.CoefficientCarrier());
            var c = sign * quantity * coefficient.Normalized;
            calorific += c;
            trace?.Add(Term("energy.calorific", carrier, quantity, coefficient, c, sign,
                carrier.IsExport() ? Clauses.Exported : Clauses.Calorific));

            var isElectric = carrier.CoefficientCarrier() == EnergyCarrier.Electricity;
            var e = isElectric ? sign * quantity * equivalentElectricity.Factor.Normalized : c;
            equivalent += e;
            trace?.Add(isElectric
                ? Term("energy.equivalent", carrier, quantity, equivalentElectricity.Factor, e, sign,
                    carrier.IsExport() ? Clauses.Exported : Clauses.Equivalent,
                    string.Join("; ", new[]
                    {
                        equivalentElectricity.IsSubstitute
                            ? $"{year} 年无发布值，采用最近年份 {equivalentElectricity.Factor.Year} (no {year} coal rate; nearest published year used)"
                            : null,
                        equivalentElectricity.Factor.Edition.Contains("供电", StringComparison.Ordinal)
                            ? "GB/T 2589 按发电标准煤耗，仅有供电煤耗发布，故用供电值 (the standard names the generation rate; only the supply rate is published, ≈5 % higher)"
                            : null,
                    }.OfType<string>()) is { Length: > 0 } note ? note : null)
                : Term("energy.equivalent", carrier, quantity, coefficient, e, sign, Clauses.Calorific,
                    "非电力能源等价值取当量值系数 (non-electric carriers: 等价值 = 当量值 coefficient)"));
        }
        return new EnergyFigures(calorific, equivalent);
    }

    /// <summary>原料用能 (tce): Σ feedstock of each fuel × its 当量值 coefficient (GB/T 2589; the fuel is not burnt, its energy is in the product).</summary>
    public static decimal FeedstockTce(ActivityTotals totals, FactorSet factors) =>
        totals.FeedstockByCarrier().Sum(f => f.Value * factors.Get(FactorKind.StandardCoal, f.Key).Normalized);

    private static TraceTerm Term(string figure, EnergyCarrier carrier, decimal quantityBase, Factor factor,
        decimal resultTce, decimal sign, string clause, string? note = null)
    {
        var shown = quantityBase / factor.DenominatorScale;
        return new TraceTerm(
            figure,
            carrier.Token(),
            shown,
            factor.DenominatorToken,
            [FactorRef.Of(factor)],
            sign < 0 ? "−quantity × coefficient" : "quantity × coefficient",
            clause,
            resultTce,
            "tce",
            note);
    }
}
