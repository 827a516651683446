using Carbon.Domain.Access;
using Carbon.Domain.Certificates;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("certificate-batch")]
public sealed class CertificateBatchGrain(
    CertificateReads reader, LedgerWriter writer, CertificateIssuer certificates, TimeProvider clock, ILogger<CertificateBatchGrain> log)
    : Grain, ICertificateBatchGrain
{
    private readonly List<string> _errors = [];
    private CertificateBatchRecord? _batch;
    private List<Uscc> _pending = [];
    private int _issued;
    private int _skipped;
    private Task? _running;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _batch = await reader.FindBatchAsync(Id);
        if (_batch is null)
        {
            return;
        }
        // Resume: the register knows which notices this batch already issued; the other firms are gone through again
        // (those holding a live notice are counted as skipped again).
        var done = (await reader.ListAsync(batchId: Id)).Select(c => Uscc.Parse(c.Uscc!)).ToHashSet();   // notices: always a firm's
        _issued = done.Count;
        _pending = (await TargetsAsync(_batch.EvaluationId)).Where(u => !done.Contains(u)).ToList();
        Run(_batch.CreatedBy);
    }

    async Task<BatchView?> ICertificateBatchGrain.StartAsync(string evaluationId, Caller caller)
    {
        GrainGuards.StartBatch(Id, evaluationId, caller.Account);
        var actor = caller.Account;
        if (!caller.Administers)
        {
            return null;
        }
        if (_batch is not null)
        {
            return View();
        }
        if (await GrainFactory.GetGrain<IEvaluationGrain>(evaluationId).GetSummaryAsync(caller) is null)
        {
            return null;
        }
        var targets = await TargetsAsync(evaluationId);
        var batch = new CertificateBatchRecord
        {
            Id = Id, Kind = CertificateKind.MujunNotice.Token(), EvaluationId = evaluationId, Total = targets.Count, CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor,
        };
        await writer.WriteAsync(db => db.CertificateBatches.Add(batch));
        _batch = batch;
        _pending = targets;
        Run(actor);
        return View();
    }

    Task<BatchView?> ICertificateBatchGrain.GetAsync() => Task.FromResult(_batch is null ? null : View());

    private BatchView View() =>
        new(_batch!.Id, CertificateKinds.Parse(_batch.Kind), _batch.EvaluationId, _batch.Total, _issued, _skipped, _errors.Count,
            _issued + _skipped + _errors.Count >= _batch.Total ? BatchStatus.Done : BatchStatus.Running, _batch.CreatedAt, _errors.ToArray());

    /// <summary>Every firm of the run that was evaluated (scored, exempt or not): each gets its 一企一单.</summary>
    private async Task<List<Uscc>> TargetsAsync(string evaluationId)
    {
        var page = await GrainFactory.GetGrain<IEvaluationGrain>(evaluationId).QueryAsync(new EvaluationQuery(1, int.MaxValue, "uscc", null, null, null, null), Caller.System("certificates"));
        return page?.Items.Select(i => Uscc.Parse(i.Uscc)).ToList() ?? [];
    }

    /// <summary>
    /// Issues the pending notices one by one; the issuer renders off the grain's scheduler and the grain keeps the count,
    /// so progress reads interleave between notices. A firm that already holds a live notice for the year (issued
    /// singly, or by an earlier batch) gets no second one: it is counted as skipped.
    /// </summary>
    private void Run(string actor)
    {
        if (_running is { IsCompleted: false } || _pending.Count == 0)
        {
            return;
        }
        _running = IssueAllAsync(actor);
    }

    private async Task IssueAllAsync(string actor)
    {
        var actions = GrainFactory.GetGrain<ILongActionsGrain>(LongActionKeys.District);
        await actions.StartedAsync(new LongAction(LongActionKind.CertificateBatch, Id, $"一企一单通知书批量出具 {_batch!.Total} 家 (notices)",
            $"/certificates/batches/{Id}", _batch.CreatedAt, _batch.CreatedBy));
        try
        {
            await IssuePendingAsync(actor);
        }
        finally
        {
            await actions.FinishedAsync(Id);
        }
    }

    private async Task IssuePendingAsync(string actor)
    {
        while (_pending.Count > 0)
        {
            DelayDeactivation(TimeSpan.FromMinutes(5));
            var uscc = _pending[0];
            _pending.RemoveAt(0);
            try
            {
                var result = await certificates.IssueAsync(
                    new IssueOrder(CertificateKind.MujunNotice, uscc, null, _batch!.EvaluationId, null, actor, BatchId: Id));
                if (result.Existing)
                {
                    _skipped++;
                }
                else if (result.Certificate is not null)
                {
                    _issued++;
                }
                else
                {
                    _errors.Add($"{uscc}: {result.Problem!.Message}");
                }
            }
            catch (Exception e)
            {
                log.LogWarning(e, "batch {Batch}: notice for {Uscc} failed", Id, uscc);
                _errors.Add($"{uscc}: {e.Message}");
            }
        }
    }
}
