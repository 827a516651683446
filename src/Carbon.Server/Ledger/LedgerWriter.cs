using System.Diagnostics;
using System.Threading.Channels;
using Carbon.Server.Telemetry;

namespace Carbon.Server.Ledger;

/// <summary>
/// The only path by which rows enter the ledger. Writers that arrive together are committed together
/// (group commit): one transaction, one fsync, each caller released only after its rows are durable.
/// A batch that fails is retried one write at a time, so one bad write never takes others down with it.
/// </summary>
public sealed class LedgerWriter : IAsyncDisposable
{
    /// <summary>The most writes one transaction takes.</summary>
    public const int MaxBatch = 256;

    private readonly ILedgerContextFactory _contexts;
    private readonly ILogger<LedgerWriter> _log;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public LedgerWriter(ILedgerContextFactory contexts, ILogger<LedgerWriter> log)
    {
        _contexts = contexts;
        _log = log;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Adds the rows <paramref name="write"/> puts into the context; completes once they are committed.</summary>
    public Task WriteAsync(Action<LedgerDbContext> write) => Enqueue(new Pending([write], Bulk: false, NewDone()));

    /// <summary>
    /// Filings (with their lines) and their audit events by prepared INSERTs instead of the change tracker
    /// (<see cref="RowInserter"/>): the same rows, for many at once (an import). Group-committed like any write.
    /// </summary>
    public Task WriteRowsAsync(IReadOnlyList<FilingRecord> filings, IReadOnlyList<AuditEventRecord> audit) =>
        Enqueue(new Pending([], Bulk: false, NewDone(), new Rows(filings, audit)));

    /// <summary>
    /// The rows <paramref name="write"/> puts into the context, then many rows of one table by prepared INSERTs
    /// (<see cref="RowInserter"/>, no change tracker), in the same transaction: e.g. an evaluation run and its 10 000 inputs.
    /// </summary>
    public Task WriteAsync<T>(Action<LedgerDbContext> write, IReadOnlyList<T> rows) where T : class =>
        Enqueue(new Pending([write], Bulk: false, NewDone(), After: db => RowInserter.InsertRowsAsync(db, rows)));

    /// <summary>
    /// A large write (the demo district) as one transaction in steps, saved and cleared after each so the change tracker
    /// stays small; committed alone, all or nothing.
    /// </summary>
    public Task WriteInStepsAsync(IReadOnlyList<Action<LedgerDbContext>> steps) => Enqueue(new Pending(steps, Bulk: true, NewDone()));

    private static TaskCompletionSource NewDone() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task Enqueue(Pending pending)
    {
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(LedgerWriter), "the ledger is shutting down");
        }
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryPeek(out var next) && (batch.Count == 0 || !next.Bulk) && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
                if (item.Bulk)
                {
                    break;
                }
            }
            try
            {
                await CommitAsync(batch).ConfigureAwait(false);
                foreach (var p in batch)
                {
                    p.Done.TrySetResult();
                }
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var p in batch)
                {
                    try
                    {
                        await CommitAsync([p]).ConfigureAwait(false);
                        p.Done.TrySetResult();
                    }
                    catch (Exception e)
                    {
                        p.Done.TrySetException(e);
                    }
                }
            }
            catch (Exception e)
            {
                _log.LogWarning(e, "ledger write rejected");
                batch[0].Done.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// Commits one batch and records it (<see cref="CarbonTelemetry"/>: commits, writes per commit, duration): a timestamp
    /// and a loop over the batch, nothing allocated per write.
    /// </summary>
    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        var start = Stopwatch.GetTimestamp();
        await CommitBatchAsync(batch).ConfigureAwait(false);
        var milliseconds = CarbonTelemetry.MillisecondsSince(start);
        var writes = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            writes += batch[i].Rows is { } rows ? Math.Max(1, rows.Filings.Count) : 1;
        }
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, writes);
        Volatile.Write(ref _lastCommitMillisecondBits, BitConverter.DoubleToInt64Bits(milliseconds));
        CarbonTelemetry.LedgerCommits.Add(1);
        CarbonTelemetry.LedgerCommitWrites.Record(writes);
        CarbonTelemetry.LedgerCommitDuration.Record(milliseconds);
    }

    private async Task CommitBatchAsync(IReadOnlyList<Pending> batch)
    {
        await using var db = _contexts.Create();
        if (batch is [{ Bulk: true } bulk])
        {
            await using var tx = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
            foreach (var step in bulk.Writes)
            {
                step(db);
                await db.SaveChangesAsync().ConfigureAwait(false);
                db.ChangeTracker.Clear();
            }
            await tx.CommitAsync().ConfigureAwait(false);
            return;
        }
        foreach (var write in batch.SelectMany(p => p.Writes))
        {
            write(db);
        }
        if (batch.All(p => p.Rows is null && p.After is null))
        {
            // SaveChanges runs in one transaction of its own.
            await db.SaveChangesAsync().ConfigureAwait(false);
            return;
        }
        await using (var tx = await db.Database.BeginTransactionAsync().ConfigureAwait(false))
        {
            if (batch.Any(p => p.Writes.Count > 0))
            {
                await db.SaveChangesAsync().ConfigureAwait(false);
            }
            var rows = batch.Select(p => p.Rows).OfType<Rows>().ToList();
            if (rows.Count > 0)
            {
                await RowInserter.InsertAsync(db, rows.SelectMany(r => r.Filings).ToList(), rows.SelectMany(r => r.Audit).ToList()).ConfigureAwait(false);
            }
            foreach (var after in batch.Select(p => p.After).OfType<Func<LedgerDbContext, Task>>())
            {
                await after(db).ConfigureAwait(false);
            }
            await tx.CommitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Commits made by this process so far: a cheap "has the ledger changed" for caches of derived figures (another
    /// process of a cluster does not move it, so such caches also expire by age).
    /// </summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Writes committed by this process (see <see cref="CarbonTelemetry.LedgerCommitWrites"/> for how they count).</summary>
    public long WritesCommitted => Interlocked.Read(ref _writes);

    /// <summary>How long the last commit took, in milliseconds (0 before the first).</summary>
    public double LastCommitMilliseconds => BitConverter.Int64BitsToDouble(Volatile.Read(ref _lastCommitMillisecondBits));

    private long _commits;
    private long _writes;
    private long _lastCommitMillisecondBits;

    private sealed record Pending(IReadOnlyList<Action<LedgerDbContext>> Writes, bool Bulk, TaskCompletionSource Done, Rows? Rows = null,
        Func<LedgerDbContext, Task>? After = null);

    private sealed record Rows(IReadOnlyList<FilingRecord> Filings, IReadOnlyList<AuditEventRecord> Audit);
}
