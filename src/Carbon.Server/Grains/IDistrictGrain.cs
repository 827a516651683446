using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// The district (区) figure: the parks plus the enterprises outside parks. Fed in batches by
/// <see cref="IDistrictFeedGrain"/>, never a call per filing; rebuilt from the ledger on activation.
/// </summary>
public interface IDistrictGrain : IGrainWithStringKey
{
    /// <summary>Park-months changed; for each, the update with the larger revision sum wins.</summary>
    Task ApplyAsync(ParkMonthUpdate[] batch);

    /// <summary>An enterprise was registered (sent once its registration is in the ledger).</summary>
    [OneWay]
    Task AddEnterpriseAsync(Uscc uscc);

    [ReadOnly]
    Task<PeriodTotals?> GetTotalsAsync(PeriodQuery query, Caller caller);

    /// <summary>Drops the district's sums so that its next call rebuilds them from the ledger (a firm changed fuel family).</summary>
    Task RebuildAsync();

    /// <summary>How many enterprises are registered in the district.</summary>
    [ReadOnly]
    Task<int> CountEnterprisesAsync();
}

/// <summary>
/// A per-silo stateless worker (the GPSTracker pattern): parks push here; it keeps the latest update per park-month
/// and forwards them to the district in one batch every <see cref="DistrictFeedGrain.FlushInterval"/>.
/// </summary>
public interface IDistrictFeedGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PushAsync(ParkMonthUpdate update);
}

public static class DistrictKeys
{
    public const string District = "district";
}
