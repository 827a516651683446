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
    /// <summary>1 tce = 29.307 GJ: 1 kgce is fuel of net calorific value 29 307 kJ (GB/T 2589-2008 §6.2, kept in 2020).</summary>
    public const decimal GjPerTce = 29.307m;

    /// <summary>
    /// GB/T 2589-2020 §3.9, 附录A: E = Σ qᵢ × kᵢ − Σ exported × k; a fuel's k is its heating value ÷ 29 307 kJ/kgce — the
    /// one heating value its CO2 uses (measured, else its fuel family's); 当量值 with the reference coefficients for
    /// electricity and heat, 等价值 the same except electricity at the data year's thermal coal rate. <paramref name="fuels"/>
    /// names the fuel rows in the trace (a park's totals mix families, so it may be null there).
    /// </summary>
    public static EnergyFigures Compute(ActivityTotals totals, FactorSet factors, int year, ICollection<TraceTerm>? trace = null,
        FuelBasis? fuels = null)
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
            if (carrier.RoleOf() == CarrierRole.Fuel)
            {
                var tce = totals.HeatGj(carrier) / GjPerTce;
                calorific += tce;
                equivalent += tce;
                if (trace is not null)
                {
                    var term = FuelTerm("energy.calorific", carrier, totals, fuels, tce);
                    trace.Add(term);
                    trace.Add(term with { Figure = "energy.equivalent" });
                }
                continue;
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

    /// <summary>原料用能 (tce): the heat of each fuel's feedstock ÷ 29.307 GJ/tce (GB/T 2589; the fuel is not burnt, its energy is in the product).</summary>
    public static decimal FeedstockTce(ActivityTotals totals) =>
        totals.FeedstockByCarrier().Sum(f => totals.FeedstockHeatGj(f.Key)) / GjPerTce;

    /// <summary>
    /// The words a trace says about a fuel's heating value: which family row gave it, how much of the quantity was at a
    /// measured NCV, and the average NCV that results (Σ heat ÷ Σ quantity).
    /// </summary>
    internal static string HeatingValueNote(EnergyCarrier carrier, ActivityTotals totals, FuelBasis? fuels)
    {
        var quantity = totals.Energy(carrier);
        var measured = totals.MeasuredNcvQuantity(carrier);
        var scale = EnergyUse.NcvDenominatorScale(carrier);
        var unit = EnergyUse.NcvUnit(carrier);
        var average = quantity == 0m ? 0m : totals.HeatGj(carrier) / quantity * scale;
        var parts = new List<string>();
        if (fuels?.Find(carrier) is { } d)
        {
            parts.Add($"缺省值按《{d.Family.Name}》({d.Family.Id})" +
                (d.FromDefaultFamily ? "，该指南无此燃料，取默认指南的值 (the family has no row for this fuel; the default family's is used)" : ""));
        }
        if (measured > 0m)
        {
            parts.Add($"其中 {Display.Text(measured / scale, 4)} {QuantityUnit(carrier)} 按实测低位发热量 (measured NCV wins over the default)");
        }
        parts.Add($"平均低位发热量 {Display.Text(average, 3)} {unit} (average NCV used)");
        return string.Join("; ", parts);
    }

    /// <summary>The unit a fuel's quantity is shown in beside its NCV: t, or 10⁴m³ for gases.</summary>
    private static string QuantityUnit(EnergyCarrier carrier) => EnergyUse.NcvDenominatorScale(carrier) == 1_000m ? "t" : "10k-m3";

    private static TraceTerm FuelTerm(string figure, EnergyCarrier carrier, ActivityTotals totals, FuelBasis? fuels, decimal resultTce)
    {
        var scale = EnergyUse.NcvDenominatorScale(carrier);
        var d = fuels?.Find(carrier);
        var allMeasured = totals.MeasuredNcvQuantity(carrier) == totals.Energy(carrier);
        return new TraceTerm(
            figure,
            carrier.Token(),
            totals.Energy(carrier) / scale,
            QuantityUnit(carrier),
            d is null || allMeasured ? [] : [FactorRef.Of(d.Ncv)],
            "quantity × NCV ÷ 29.307 GJ/tce",
            Clauses.FuelStandardCoal,
            resultTce,
            "tce",
            HeatingValueNote(carrier, totals, fuels));
    }

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
