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
/// <remarks>
/// Each firm's year sum is derived data kept in memory (docs/decisions/0014-derived-year-sums.md): the first read of a year
/// sums the ledger, later reads take in only the revisions written since (by filing id) and check that the ledger holds no
/// other revision of the year up to that id than those taken in; if it does (a write that committed out of id order), the
/// year is summed again from the ledger. Nothing is stored: a restart starts from the ledger.
/// </remarks>
public sealed class EvaluationSnapshots(RegistryReads reader, FactorSet factors, LandReads? land = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, YearSums> _years = new();

    /// <summary>Each firm's year, summed from the current revision of every month, with the month → revision it used.</summary>
    /// <remarks>Each firm's fuels are on its current industry's guideline family; pass the registry when it is already read.</remarks>
    public async Task<Dictionary<string, FirmYear>> YearTotalsAsync(int year,
        IReadOnlyList<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)>? registry = null)
    {
        var fuels = (registry ?? await reader.LoadRegistryAsync())
            .ToDictionary(r => r.Identity.Uscc, r => factors.FuelBasisFor(r.Profile.IndustryCode), StringComparer.Ordinal);
        var sums = _years.GetOrAdd(year, _ => new YearSums());
        await sums.Gate.WaitAsync();
        try
        {
            await sums.CatchUpAsync(reader, year, uscc => fuels.GetValueOrDefault(uscc) ?? factors.DefaultFuelBasis);
            // A firm whose industry moved it to another fuel family since its months were summed: summed again on the new one.
            foreach (var (uscc, firm) in sums.Firms)
            {
                if (fuels.TryGetValue(uscc, out var basis) && !ReferenceEquals(basis, firm.Basis))
                {
                    await firm.ResumAsync(reader, uscc, year, basis);
                }
            }
            return sums.Firms.ToDictionary(f => f.Key, f => f.Value.ToFirmYear(), StringComparer.Ordinal);
        }
        finally
        {
            sums.Gate.Release();
        }
    }

    /// <summary>
    /// <see cref="YearTotalsAsync"/> computed from the ledger alone, without the kept sums: what those sums must equal
    /// (the test of the derived data).
    /// </summary>
    public async Task<Dictionary<string, FirmYear>> YearTotalsFromLedgerAsync(int year,
        IReadOnlyList<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)>? registry = null)
    {
        var fuels = (registry ?? await reader.LoadRegistryAsync())
            .ToDictionary(r => r.Identity.Uscc, r => factors.FuelBasisFor(r.Profile.IndustryCode), StringComparer.Ordinal);
        // A fresh sum reads the year once and takes in nothing incrementally: the reference the kept sums are tested against.
        var sums = new YearSums();
        await sums.CatchUpAsync(reader, year, uscc => fuels.GetValueOrDefault(uscc) ?? factors.DefaultFuelBasis);
        return sums.Firms.ToDictionary(f => f.Key, f => f.Value.ToFirmYear(), StringComparer.Ordinal);
    }

    /// <summary>Every firm's sum of one year, and how far into the ledger (filing id, revisions counted) it has read.</summary>
    private sealed class YearSums
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<string, FirmSum> Firms { get; } = new(StringComparer.Ordinal);

        private bool _loaded;
        private long _lastId;
        private long _count;

        public async Task CatchUpAsync(RegistryReads reader, int year, Func<string, FuelBasis> basisOf)
        {
            if (_loaded && await reader.CountYearFilingsAsync(year, _lastId) != _count)
            {
                _loaded = false;   // a revision committed below the mark after it was read: sum the year again
            }
            if (!_loaded)
            {
                Firms.Clear();
                // The mark first: rows written during the read are above it and taken in again next time (idempotent by revision).
                (_lastId, _count) = await reader.YearMarkAsync(year);
                foreach (var current in await reader.LoadCurrentFilingsAsync(null, allParks: true, year))
                {
                    var f = current.Filing;
                    if (!Firms.TryGetValue(f.Uscc, out var firm))
                    {
                        Firms[f.Uscc] = firm = new FirmSum(basisOf(f.Uscc));
                    }
                    firm.Add(f);
                }
                _loaded = true;
            }
            foreach (var f in await reader.LoadYearFilingsAfterAsync(year, _lastId))
            {
                if (!Firms.TryGetValue(f.Uscc, out var firm))
                {
                    Firms[f.Uscc] = firm = new FirmSum(basisOf(f.Uscc));
                }
                await firm.TakeAsync(reader, f);
                (_lastId, _count) = (Math.Max(_lastId, f.Id), _count + 1);
            }
        }
    }

    /// <summary>One firm's year: the sum of its months' current revisions, on one fuel basis, and the revision of each month.</summary>
    private sealed class FirmSum(FuelBasis basis)
    {
        private readonly int[] _revisions = new int[12];
        private ActivityTotals _totals = ActivityTotals.Zero;

        public FuelBasis Basis { get; private set; } = basis;

        /// <summary>A month's current revision, read with the year (no revision of it taken in before).</summary>
        public void Add(FilingRecord f)
        {
            _totals += ActivityTotals.From(f.ToDomain(), Basis);
            _revisions[f.Month - 1] = f.Revision;
        }

        /// <summary>A revision written since: replaces the month's sum if it is newer than the one held (exact in decimal).</summary>
        public async Task TakeAsync(RegistryReads reader, FilingRecord f)
        {
            var held = _revisions[f.Month - 1];
            if (f.Revision <= held)
            {
                return;
            }
            if (held > 0)
            {
                var old = await reader.LoadFilingAsync(f.Uscc, f.Year, f.Month, held)
                          ?? throw new InvalidOperationException($"filing {f.Uscc} {f.Year}-{f.Month:00} r{held} is no longer in the ledger");
                _totals -= ActivityTotals.From(old.ToDomain(), Basis);
            }
            Add(f);
        }

        /// <summary>The firm's months summed again from the ledger, on a new fuel basis.</summary>
        public async Task ResumAsync(RegistryReads reader, string uscc, int year, FuelBasis basis)
        {
            (Basis, _totals) = (basis, ActivityTotals.Zero);
            Array.Clear(_revisions);
            foreach (var f in CurrentRevisions<int, FilingRecord>.Of((await reader.LoadFilingsAsync(uscc)).Where(f => f.Year == year),
                         f => f.Month, f => f.Revision))
            {
                Add(f);
            }
        }

        public FirmYear ToFirmYear()
        {
            var y = new FirmYear { Totals = _totals };
            for (var m = 0; m < 12; m++)
            {
                if (_revisions[m] > 0)
                {
                    y.Revisions[m + 1] = _revisions[m];
                }
            }
            return y;
        }
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
