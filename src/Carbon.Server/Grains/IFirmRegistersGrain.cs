using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// A firm's equipment list and meter register (keyed by USCC): the single writer of their revisions, which the firm
/// declares or an inspector records; every revision is kept.
/// </summary>
public interface IFirmRegistersGrain : IGrainWithStringKey
{
    /// <summary>The registers, or null when the firm is not the caller's to see.</summary>
    [ReadOnly]
    Task<FirmRegistersView?> GetAsync(Caller caller);

    /// <summary>Replaces the equipment list (a new revision); null when the caller may not (not its firm, not an inspector).</summary>
    Task<FirmRegistersView?> SaveEquipmentAsync(EquipmentLine[] lines, string? reason, Caller caller);

    /// <summary>Replaces the meter register (a new revision); null when the caller may not.</summary>
    Task<FirmRegistersView?> SaveMetersAsync(MeterLine[] lines, string? reason, Caller caller);
}
