using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("district")]
public sealed class DistrictGrain(RegistryReads reader, FactorSet factors) : Grain, IDistrictGrain
{
    private readonly Dictionary<(string Park, YearMonth Month), (long RevisionSum, ActivityTotals Totals)> _parks = [];
    private readonly HashSet<Uscc> _enterprises = [];
    private readonly MonthTotals _totals = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var registry = await reader.LoadRegistryAsync();
        _enterprises.UnionWith(registry.Select(r => Uscc.Parse(r.Identity.Uscc)));
        var fuels = registry.ToDictionary(r => r.Identity.Uscc, r => factors.FuelBasisFor(r.Profile.IndustryCode), StringComparer.Ordinal);
        var rebuilt = new Dictionary<(string, YearMonth), (long, ActivityTotals)>();
        foreach (var current in await reader.LoadCurrentFilingsAsync(null, allParks: true))
        {
            var filing = current.Filing.ToDomain();
            var key = (current.ParkCode ?? ParkKeys.Unparked, filing.Month);
            var (sum, totals) = rebuilt.GetValueOrDefault(key, (0L, ActivityTotals.Zero));
            rebuilt[key] = (sum + current.Filing.Revision, totals + ActivityTotals.From(filing, fuels.GetValueOrDefault(current.Filing.Uscc) ?? factors.DefaultFuelBasis));
        }
        foreach (var (key, value) in rebuilt)
        {
            Apply(key.Item1, key.Item2, value.Item1, value.Item2);
        }
    }

    Task IDistrictGrain.ApplyAsync(ParkMonthUpdate[] batch)
    {
        foreach (var u in batch)
        {
            Apply(u.ParkKey, u.Month, u.RevisionSum, u.Totals);
        }
        return Task.CompletedTask;
    }

    Task IDistrictGrain.AddEnterpriseAsync(Uscc uscc)
    {
        _enterprises.Add(uscc);
        return Task.CompletedTask;
    }

    Task<PeriodTotals?> IDistrictGrain.GetTotalsAsync(PeriodQuery query, Caller caller) =>
        Task.FromResult(caller.SeesDistrict ? _totals.Period(query, []) : null);

    Task<int> IDistrictGrain.CountEnterprisesAsync() => Task.FromResult(_enterprises.Count);

    Task IDistrictGrain.RebuildAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private void Apply(string park, YearMonth month, long revisionSum, ActivityTotals totals)
    {
        ActivityTotals? old = null;
        if (_parks.TryGetValue((park, month), out var existing))
        {
            if (existing.RevisionSum >= revisionSum)
            {
                return;
            }
            old = existing.Totals;
        }
        _parks[(park, month)] = (revisionSum, totals);
        _totals.Replace(month, old, totals);
    }
}
