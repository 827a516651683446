using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// An industrial parcel (工业用地), keyed by its code: the single writer of its register entry and of everything that
/// happens to it over its life, each event checked against the lifecycle (<see cref="Domain.LandUse.ParcelLifecycle"/>).
/// </summary>
public interface IParcelGrain : IGrainWithStringKey
{
    Task<ParcelAnswer> RegisterAsync(RegisterParcel command);

    Task<ParcelAnswer> RecordAsync(ParcelEventCommand command);

    [ReadOnly]
    Task<ParcelView?> GetAsync();
}
