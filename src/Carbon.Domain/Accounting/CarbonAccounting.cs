using System.Globalization;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;

namespace Carbon.Domain.Accounting;

/// <summary>CO2 emissions in tonnes by source (GB/T 32150-2015).</summary>
public sealed record Co2Figures(decimal CombustionT, decimal ElectricityT, decimal HeatT)
{
    public decimal TotalT => CombustionT + ElectricityT + HeatT;
}

/// <summary>CO2 accounting for an industrial enterprise (GB/T 32150-2015).</summary>
public static class CarbonAccounting
{
    /// <summary>Molecular mass ratio CO2 / C.</summary>
    private const decimal Co2PerCarbonNumerator = 44m;
    private const decimal Co2PerCarbonDenominator = 12m;

    /// <summary>
    /// GB/T 32150-2015: combustion Σ AD × NCV × CC × OF × 44/12 (the carbon of each line fixed in
    /// <see cref="ActivityTotals.From"/>, on its measured NCV or its fuel family); electricity (purchased − exported) MWh ×
    /// EF grid of the data year and region; heat (purchased − exported) GJ × EF heat. <paramref name="fuels"/> names the
    /// fuel rows in the trace.
    /// </summary>
    public static Co2Figures Compute(ActivityTotals totals, FactorSet factors, int year, string gridRegion,
        ICollection<TraceTerm>? trace = null, FuelBasis? fuels = null)
    {
        // Carbon is summed first and multiplied by 44/12 once, so the only inexact step (÷12) happens once per figure.
        decimal carbonT = 0m;
        var combustionTerms = new List<(EnergyCarrier Carrier, decimal CarbonT)>();
        decimal electricityT = 0m, heatT = 0m;
        var grid = factors.GridCo2(year, gridRegion);
        var heatFactor = factors.HeatCo2;

        foreach (var carrier in EnergyCarriers.All)
        {
            var quantity = totals.Energy(carrier);
            if (quantity == 0m)
            {
                continue;
            }
            switch (carrier.RoleOf())
            {
                case CarrierRole.Fuel:
                {
                    // Only the fuel burnt emits in combustion; the part used as raw material (原料用能) is not burnt.
                    var c = totals.OxidisedCarbonT(carrier);
                    if (c == 0m)
                    {
                        continue;
                    }
                    carbonT += c;
                    combustionTerms.Add((carrier, c));
                    break;
                }
                case CarrierRole.Electricity:
                case CarrierRole.ExportedElectricity:
                {
                    var sign = carrier.IsExport() ? -1m : 1m;
                    var t = sign * quantity * grid.Factor.Normalized;
                    electricityT += t;
                    trace?.Add(new TraceTerm("co2.electricity", carrier.Token(), quantity / grid.Factor.DenominatorScale,
                        grid.Factor.DenominatorToken, [FactorRef.Of(grid.Factor)],
                        sign < 0 ? "−quantity × EF电网" : "quantity × EF电网",
                        carrier.IsExport() ? Clauses.ExportedEmissions : Clauses.PurchasedElectricity, t, "tCO2",
                        grid.IsSubstitute
                            ? $"{year} 年无 {gridRegion} 电网因子，采用最近年份 {grid.Factor.Year} (no {year} factor for {gridRegion}; nearest published year used)"
                            : null));
                    break;
                }
                case CarrierRole.Heat:
                case CarrierRole.ExportedHeat:
                {
                    var sign = carrier.IsExport() ? -1m : 1m;
                    var t = sign * quantity * heatFactor.Normalized;
                    heatT += t;
                    trace?.Add(new TraceTerm("co2.heat", carrier.Token(), quantity / heatFactor.DenominatorScale,
                        heatFactor.DenominatorToken, [FactorRef.Of(heatFactor)],
                        sign < 0 ? "−quantity × EF热力" : "quantity × EF热力",
                        carrier.IsExport() ? Clauses.ExportedEmissions : Clauses.PurchasedHeat, t, "tCO2"));
                    break;
                }
            }
        }

        var combustionT = carbonT * Co2PerCarbonNumerator / Co2PerCarbonDenominator;
        if (trace is not null)
        {
            foreach (var (carrier, c) in combustionTerms)
            {
                var scale = EnergyUse.NcvDenominatorScale(carrier);
                var d = fuels?.Find(carrier);
                var measuredOnly = totals.MeasuredNcvQuantity(carrier) == totals.Energy(carrier);
                FactorRef[] refs = d is null ? [] : measuredOnly
                    ? [FactorRef.Of(d.CarbonContent), FactorRef.Of(d.Oxidation)]
                    : [FactorRef.Of(d.Ncv), FactorRef.Of(d.CarbonContent), FactorRef.Of(d.Oxidation)];
                trace.Add(new TraceTerm("co2.combustion", carrier.Token(), (totals.Energy(carrier) - totals.Feedstock(carrier)) / scale,
                    scale == 1_000m ? "t" : "10k-m3", refs,
                    "(quantity − feedstock) × NCV × CC × OF × 44/12", Clauses.Combustion,
                    c * Co2PerCarbonNumerator / Co2PerCarbonDenominator, "tCO2",
                    string.Create(CultureInfo.InvariantCulture, $"含碳 {c / 1.0000000000000000000000000000m} tC; ")
                    + EnergyAccounting.HeatingValueNote(carrier, totals, fuels)));
            }
        }
        return new Co2Figures(combustionT, electricityT, heatT);
    }
}
