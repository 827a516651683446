using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>A micro-enterprise park (小微企业园), keyed by its code: the single writer of its register entry and of its firms' entries and exits.</summary>
public interface IMicroParkGrain : IGrainWithStringKey
{
    Task<MicroParkAnswer> RegisterAsync(RegisterMicroPark command);

    Task<MicroParkAnswer> RecordAsync(MicroParkFirmCommand command);

    [ReadOnly]
    Task<MicroParkView?> GetAsync();
}
