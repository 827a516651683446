using Carbon.Domain.Accounting;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("district")]
public sealed class DistrictGrain(LedgerReader reader) : Grain, IDistrictGrain
{
    private readonly Dictionary<(string Park, int Month), (long RevisionSum, ActivityTotals Totals)> _parks = [];
    private readonly MonthTotals _totals = new();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var rebuilt = new Dictionary<(string, int), (long, ActivityTotals)>();
        foreach (var current in await reader.LoadCurrentFilingsAsync(null, allParks: true))
        {
            var f = current.Filing;
            var key = (current.ParkCode ?? ParkKeys.Unparked, new YearMonth(f.Year, f.Month).Index);
            var (sum, totals) = rebuilt.GetValueOrDefault(key, (0L, ActivityTotals.Zero));
            rebuilt[key] = (sum + f.Revision, totals + f.ToContent().Totals(f.Year, f.Month));
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
            Apply(u.ParkKey, u.MonthIndex, u.RevisionSum, u.Totals.ToDomain());
        }
        return Task.CompletedTask;
    }

    Task<PeriodTotals> IDistrictGrain.GetTotalsAsync(PeriodQuery query) =>
        Task.FromResult(_totals.Period(query, []));

    private void Apply(string park, int month, long revisionSum, ActivityTotals totals)
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
