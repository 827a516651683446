using System.Collections.Concurrent;

namespace Carbon.Server.Ledger;

/// <summary>A value derived from the ledger, the time it was computed and the writer's commit count then.</summary>
public sealed record Derived<T>(T Value, DateTimeOffset ComputedAt, long Commits);

/// <summary>
/// Figures derived from the whole ledger (a bulk read of every firm's year), per key: computed off the request on a
/// thread of its own (a pool thread blocked on SQLite for half a second starves the requests on a small machine), served
/// from memory, and recomputed once the ledger has changed (at most every <see cref="MinAge"/>) or
/// <see cref="MaxAge"/> has passed (a cluster's other processes write too). Whoever asks while a refresh runs gets the
/// previous value; only the very first ask of a key waits. A failed computation is never kept.
/// </summary>
public sealed class LedgerFreshCache<TKey, T>(Func<TKey, Task<T>> compute, LedgerWriter ledger, TimeProvider clock, ILogger log)
    where TKey : notnull
{
    public static readonly TimeSpan MinAge = TimeSpan.FromSeconds(5), MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<TKey, Slot> _slots = new();

    public Task<Derived<T>> GetAsync(TKey key)
    {
        var slot = _slots.GetOrAdd(key, k => new Slot(InBackground(k)));
        lock (slot)
        {
            var current = slot.Value;
            if (current.IsFaulted && slot.Refresh is null)
            {
                slot.Value = current = InBackground(key);
            }
            else if (current.IsCompletedSuccessfully && slot.Refresh is null && Stale(current.Result))
            {
                slot.Refresh = RefreshAsync(key, slot);
            }
            return current;
        }
    }

    private bool Stale(Derived<T> d)
    {
        var age = clock.GetUtcNow() - d.ComputedAt;
        return age >= MaxAge || (age >= MinAge && ledger.Commits != d.Commits);
    }

    private async Task RefreshAsync(TKey key, Slot slot)
    {
        try
        {
            var fresh = await InBackground(key);
            lock (slot)
            {
                slot.Value = Task.FromResult(fresh);
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "{Key}: could not be recomputed; the previous figures are kept", key);
        }
        finally
        {
            lock (slot)
            {
                slot.Refresh = null;
            }
        }
    }

    private Task<Derived<T>> InBackground(TKey key) =>
        Task.Factory.StartNew(async () =>
        {
            var (commits, at) = (ledger.Commits, clock.GetUtcNow());
            return new Derived<T>(await compute(key), at, commits);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private sealed class Slot(Task<Derived<T>> value)
    {
        public Task<Derived<T>> Value { get; set; } = value;

        public Task? Refresh { get; set; }
    }
}
