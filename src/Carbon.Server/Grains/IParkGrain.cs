using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One park (园区), keyed by its code; the key <see cref="ParkKeys.Unparked"/> gathers the enterprises outside parks.
/// It keeps each member's current month totals and their sum; it rebuilds from the ledger on activation.
/// </summary>
public interface IParkGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<ParkView?> GetAsync(Caller caller);

    /// <summary>Registers the park once; a second registration changes nothing.</summary>
    Task<RegistrationStatus> RegisterAsync(ParkProfile profile, Caller caller);

    /// <summary>A member joined (sent by the enterprise grain after its registration is in the ledger).</summary>
    [OneWay]
    Task AddMemberAsync(MemberUpdate member);

    /// <summary>A member's month changed; the higher revision wins.</summary>
    [OneWay]
    Task ApplyAsync(EnterpriseMonthUpdate update);

    /// <summary>Several months of one member at once (an import): each applied as <see cref="ApplyAsync"/> would.</summary>
    Task ApplyManyAsync(EnterpriseMonthUpdate[] updates);

    [ReadOnly]
    Task<PeriodTotals?> GetTotalsAsync(PeriodQuery query, Caller caller);

    /// <summary>Drops the park's sums so that its next call rebuilds them from the ledger (a member changed fuel family).</summary>
    Task RebuildAsync();
}

public static class ParkKeys
{
    /// <summary>The aggregate of enterprises registered without a park. Not a valid park code, so never registered.</summary>
    public const string Unparked = "~unparked";
}
