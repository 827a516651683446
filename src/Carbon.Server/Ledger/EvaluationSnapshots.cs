using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.MuYield;
using Carbon.Server.Grains;
using Carbon.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Ledger;

/// <summary>
/// Gathers every registered firm's facts for an evaluation year in one pass over the ledger (the registry and the
/// year's current filings), with comprehensive energy (等价值) by the loaded factor set. Faster than asking each
/// enterprise grain when most are not in memory (see docs/performance.md).
/// </summary>
public sealed class EvaluationSnapshots(LedgerReader reader, FactorSet factors, IOptions<CarbonOptions> options)
{
    public async Task<List<EvaluationInputRecord>> GatherAsync(string runId, int year)
    {
        var totals = new Dictionary<string, ActivityTotals>(StringComparer.Ordinal);
        var revisions = new Dictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        await foreach (var current in reader.StreamCurrentFilingsAsync(null, allParks: true, year))
        {
            var f = current.Filing;
            totals[f.Uscc] = totals.GetValueOrDefault(f.Uscc, ActivityTotals.Zero) + f.ToContent().Totals(f.Year, f.Month);
            if (!revisions.TryGetValue(f.Uscc, out var months))
            {
                revisions[f.Uscc] = months = [];
            }
            months[f.Month] = f.Revision;
        }

        var inputs = new List<EvaluationInputRecord>();
        foreach (var (identity, profile) in await reader.LoadRegistryAsync())
        {
            var t = totals.GetValueOrDefault(identity.Uscc, ActivityTotals.Zero);
            var energy = EnergyAccounting.Compute(t, factors, year);
            var months = revisions.GetValueOrDefault(identity.Uscc) ?? [];
            inputs.Add(new EvaluationInputRecord
            {
                RunId = runId,
                Uscc = identity.Uscc,
                ProfileRevision = profile.Revision,
                Name = profile.Name,
                Industry = profile.Industry,
                IndustryCode = profile.IndustryCode,
                ParkCode = identity.ParkCode,
                Scale = profile.Scale,
                LandAreaMu = profile.LandAreaMu,
                EstablishedOn = profile.EstablishedOn,
                LandGrantedOn = profile.LandGrantedOn,
                FilingRevisions = string.Join(' ', months.Select(m => $"{m.Key}:{m.Value}")),
                MonthsFiled = months.Count,
                TaxPaid = t.TaxPaid,
                ValueAdded = t.ValueAdded,
                Revenue = t.Revenue,
                RdExpense = t.RdExpense,
                EmployeeMonths = t.EmployeeMonths,
                ElectricityKwh = t.Energy(EnergyCarrier.Electricity),
                EnergyEquivalentTce = energy.EquivalentTce,
                EnergyCalorificTce = energy.CalorificTce,
                PollutantsT = t.PollutantMonths > 0 ? t.PollutantsT : null,
            });
        }
        return inputs;
    }

    public string FactorSetVersion => factors.Version;

    public string GridRegion => options.Value.GridRegion;
}

public static class EvaluationInputMapping
{
    public static MuYieldInputs ToDomain(this EvaluationInputRecord r) =>
        new(r.Uscc, r.Name, r.Industry, r.IndustryCode, r.ParkCode, r.Scale == "above" ? EnterpriseScale.Above : EnterpriseScale.Below,
            r.LandAreaMu, r.EstablishedOn, r.LandGrantedOn, r.MonthsFiled, r.TaxPaid, r.ValueAdded, r.Revenue, r.RdExpense,
            r.EmployeeMonths, r.ElectricityKwh, r.EnergyEquivalentTce, r.PollutantsT);

    /// <summary>Months 1..12 with no filing in <see cref="EvaluationInputRecord.FilingRevisions"/>.</summary>
    public static int[] MissingMonths(this EvaluationInputRecord r)
    {
        var filed = r.FilingRevisions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p.Split(':')[0])).ToHashSet();
        return Enumerable.Range(1, 12).Where(m => !filed.Contains(m)).ToArray();
    }
}
