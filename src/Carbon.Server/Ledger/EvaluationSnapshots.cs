using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.MuYield;

namespace Carbon.Server.Ledger;

/// <summary>
/// Gathers every registered firm's facts for an evaluation year in one pass over the ledger (the registry, the year's
/// current filings and the parcel register's land at the year's end), with comprehensive energy (等价值) by the loaded
/// factor set. Faster than asking each
/// enterprise grain when most are not in memory (see docs/performance.md).
/// </summary>
public sealed class EvaluationSnapshots(RegistryReads reader, FactorSet factors, LandReads? land = null)
{
    /// <summary>Each firm's year, summed from the current revision of every month, with the month → revision it used.</summary>
    /// <remarks>Each firm's fuels are on its current industry's guideline family; pass the registry when it is already read.</remarks>
    public async Task<Dictionary<string, FirmYear>> YearTotalsAsync(int year,
        IReadOnlyList<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)>? registry = null)
    {
        var years = new Dictionary<string, FirmYear>(StringComparer.Ordinal);
        var fuels = (registry ?? await reader.LoadRegistryAsync())
            .ToDictionary(r => r.Identity.Uscc, r => factors.FuelBasisFor(r.Profile.IndustryCode), StringComparer.Ordinal);
        foreach (var current in await reader.LoadCurrentFilingsAsync(null, allParks: true, year))
        {
            var f = current.Filing;
            if (!years.TryGetValue(f.Uscc, out var y))
            {
                years[f.Uscc] = y = new FirmYear();
            }
            y.Totals += ActivityTotals.From(f.ToDomain(), fuels.GetValueOrDefault(f.Uscc) ?? factors.DefaultFuelBasis);
            y.Revisions[f.Month] = f.Revision;
        }
        return years;
    }

    /// <summary>
    /// The months of <paramref name="years"/> of a few firms (a filer's), read firm by firm rather than by a district-wide
    /// bulk read: the same shape as <see cref="FirmMonthsAsync"/>, by year.
    /// </summary>
    public async Task<Dictionary<int, Dictionary<string, ActivityTotals?[]>>> FewFirmMonthsAsync(int[] years,
        IReadOnlyList<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)> firms)
    {
        var byYear = years.ToDictionary(y => y, _ => new Dictionary<string, ActivityTotals?[]>(StringComparer.Ordinal));
        foreach (var (identity, profile) in firms)
        {
            var fuels = factors.FuelBasisFor(profile.IndustryCode);
            foreach (var f in await reader.LoadFilingsAsync(identity.Uscc))   // oldest revision first: the last one kept is current
            {
                if (byYear.TryGetValue(f.Year, out var year))
                {
                    if (!year.TryGetValue(f.Uscc, out var m))
                    {
                        year[f.Uscc] = m = new ActivityTotals?[12];
                    }
                    m[f.Month - 1] = ActivityTotals.From(f.ToDomain(), fuels);
                }
            }
        }
        return byYear;
    }

    /// <summary>Each firm's months of a year (index 0 = January; null where the month is not filed), on its fuel family.</summary>
    public async Task<Dictionary<string, ActivityTotals?[]>> FirmMonthsAsync(int year,
        IReadOnlyList<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)>? registry = null)
    {
        var months = new Dictionary<string, ActivityTotals?[]>(StringComparer.Ordinal);
        var fuels = (registry ?? await reader.LoadRegistryAsync())
            .ToDictionary(r => r.Identity.Uscc, r => factors.FuelBasisFor(r.Profile.IndustryCode), StringComparer.Ordinal);
        foreach (var current in await reader.LoadCurrentFilingsAsync(null, allParks: true, year))
        {
            var f = current.Filing;
            if (!months.TryGetValue(f.Uscc, out var m))
            {
                months[f.Uscc] = m = new ActivityTotals?[12];
            }
            m[f.Month - 1] = ActivityTotals.From(f.ToDomain(), fuels.GetValueOrDefault(f.Uscc) ?? factors.DefaultFuelBasis);
        }
        return months;
    }

    /// <summary>Every registered firm's year as a run's inputs; <paramref name="progress"/> is told (firms gathered, firms
    /// registered) after the bulk read and every 100 firms.</summary>
    public async Task<List<EvaluationInputRecord>> GatherAsync(string runId, int year, Action<int, int>? progress = null)
    {
        var registry = await reader.LoadRegistryAsync();
        var years = await YearTotalsAsync(year, registry);
        var parcels = land is null ? [] : await land.FirmLandAsync(new DateOnly(year, 12, 31));
        progress?.Invoke(0, registry.Count);

        var inputs = new List<EvaluationInputRecord>();
        foreach (var (identity, profile) in registry)
        {
            if (inputs.Count % 100 == 99)
            {
                progress?.Invoke(inputs.Count + 1, registry.Count);
            }
            var firmYear = years.GetValueOrDefault(identity.Uscc) ?? new FirmYear();
            var t = firmYear.Totals;
            var energy = EnergyAccounting.Compute(t, factors, year);   // fuels already on the firm's family (YearTotalsAsync)
            var months = firmYear.Revisions;
            var fromParcels = parcels.GetValueOrDefault(identity.Uscc);
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
                LandAreaMu = fromParcels?.HeldMu ?? profile.LandAreaMu,
                LeasedAreaMu = fromParcels?.LeasedMu ?? profile.LeasedAreaMu ?? 0m,
                LandSource = fromParcels?.Source,
                ParcelGroup = profile.ParcelGroup,
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

    /// <summary>Comprehensive energy (等价值, tce) of a firm's year totals (GB/T 2589-2020, as in <see cref="GatherAsync"/>).</summary>
    public decimal EquivalentTce(ActivityTotals totals, int year) => EnergyAccounting.Compute(totals, factors, year).EquivalentTce;
}

/// <summary>A firm's summed year and the revision of each month in it.</summary>
public sealed class FirmYear
{
    public ActivityTotals Totals { get; set; } = ActivityTotals.Zero;

    public SortedDictionary<int, int> Revisions { get; } = [];
}

public static class EvaluationInputMapping
{
    public static MuYieldInputs ToDomain(this EvaluationInputRecord r) =>
        new(r.Uscc, r.Name, r.Industry, r.IndustryCode, r.ParkCode, r.Scale == "above" ? EnterpriseScale.Above : EnterpriseScale.Below,
            r.LandAreaMu, r.EstablishedOn, r.LandGrantedOn, r.MonthsFiled, r.TaxPaid, r.ValueAdded, r.Revenue, r.RdExpense,
            r.EmployeeMonths, r.ElectricityKwh, r.EnergyEquivalentTce, r.PollutantsT, r.LeasedAreaMu, r.ParcelGroup);

    /// <summary>Months 1..12 with no filing in <see cref="EvaluationInputRecord.FilingRevisions"/>.</summary>
    public static int[] MissingMonths(this EvaluationInputRecord r)
    {
        var filed = r.FilingRevisions.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p.Split(':')[0])).ToHashSet();
        return Enumerable.Range(1, 12).Where(m => !filed.Contains(m)).ToArray();
    }
}
