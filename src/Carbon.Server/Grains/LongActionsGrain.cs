using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

[GrainType("long-actions")]
public sealed class LongActionsGrain : Grain, ILongActionsGrain
{
    private readonly Dictionary<string, LongAction> _running = new(StringComparer.Ordinal);

    Task ILongActionsGrain.StartedAsync(LongAction action)
    {
        _running[action.Id] = action;
        return Task.CompletedTask;
    }

    Task ILongActionsGrain.FinishedAsync(string id)
    {
        _running.Remove(id);
        return Task.CompletedTask;
    }

    Task<LongAction[]> ILongActionsGrain.ListAsync() =>
        Task.FromResult(_running.Values.OrderByDescending(a => a.StartedAt).ToArray());
}
