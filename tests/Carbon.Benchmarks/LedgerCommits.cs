using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Carbon.Benchmarks;

/// <summary>
/// Counts the service's ledger commits from EF Core's DiagnosticListener events (no change to the service): how many
/// transactions the group commit made (each COMMIT, whether SaveChanges or the writer's prepared INSERTs made the rows),
/// how many entities the change tracker saved, and how long the commits took.
/// </summary>
internal sealed class LedgerCommits : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private long _saves;
    private long _entities;
    private long _commitTicks;

    public LedgerCommits() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public Snapshot Now => new(Interlocked.Read(ref _saves), Interlocked.Read(ref _entities), TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks)));

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this, name =>
                    name == CoreEventId.SaveChangesCompleted.Name || name == RelationalEventId.TransactionCommitted.Name));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        switch (e.Value)
        {
            case SaveChangesCompletedEventData saved:
                Interlocked.Add(ref _entities, saved.EntitiesSavedCount);
                break;
            case TransactionEndEventData committed:
                Interlocked.Increment(ref _saves);
                Interlocked.Add(ref _commitTicks, committed.Duration.Ticks);
                break;
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    /// <summary>Totals so far; subtract two to get a phase.</summary>
    public sealed record Snapshot(long Saves, long Entities, TimeSpan CommitTime)
    {
        public static Snapshot operator -(Snapshot a, Snapshot b) => new(a.Saves - b.Saves, a.Entities - b.Entities, a.CommitTime - b.CommitTime);
    }
}
