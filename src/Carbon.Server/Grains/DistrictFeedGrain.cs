using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

[GrainType("district-feed")]
[StatelessWorker(1)]
[Reentrant]
public sealed class DistrictFeedGrain : Grain, IDistrictFeedGrain
{
    /// <summary>How often pending park-months go to the district: well inside the one-second freshness target.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private Dictionary<(string Park, YearMonth Month), ParkMonthUpdate> _pending = [];
    private bool _flushing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions
        {
            DueTime = FlushInterval,
            Period = FlushInterval,
            Interleave = true,
        });
        return Task.CompletedTask;
    }

    /// <summary>
    /// Flushes what is pending, except when the silo shuts down: the district grain may already be gone then, and it
    /// rebuilds from the ledger when it next activates, so nothing is lost by skipping.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        reason.ReasonCode == DeactivationReasonCode.ShuttingDown ? Task.CompletedTask : FlushAsync(cancellationToken);

    Task IDistrictFeedGrain.PushAsync(ParkMonthUpdate update)
    {
        var key = (update.ParkKey, update.Month);
        if (!_pending.TryGetValue(key, out var held) || held.RevisionSum < update.RevisionSum)
        {
            _pending[key] = update;
        }
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0 || _flushing)
        {
            return;
        }
        _flushing = true;
        var batch = _pending;
        _pending = [];
        try
        {
            await GrainFactory.GetGrain<IDistrictGrain>(DistrictKeys.District).ApplyAsync(batch.Values.ToArray());
        }
        catch
        {
            // Put the batch back (newer updates win) and try again on the next tick.
            foreach (var (key, update) in batch)
            {
                if (!_pending.TryGetValue(key, out var held) || held.RevisionSum < update.RevisionSum)
                {
                    _pending[key] = update;
                }
            }
            throw;
        }
        finally
        {
            _flushing = false;
        }
    }
}
