using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Factors;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("evaluation")]
public sealed class EvaluationGrain(
    EvaluationReads reader, LedgerWriter writer, EvaluationSnapshots snapshots, MethodCatalog methods, TimeProvider clock)
    : Grain, IEvaluationGrain
{
    private EvaluationRunRecord? _run;
    private EvaluationViews? _views;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _run = await reader.FindRunAsync(Id);
        if (_run is { } run)
        {
            _views = await Task.Run(() => EvaluationViews.FromRun(run), cancellationToken);   // thousands of firms: off the scheduler
        }
    }

    async Task<EvaluationSummary?> IEvaluationGrain.RunAsync(int year, string methodId, Caller caller)
    {
        GrainGuards.RunEvaluation(Id, year, methodId, caller.Account, clock);
        if (!caller.Administers)
        {
            return null;
        }
        var actor = caller.Account;
        if (_run is not null)
        {
            return _views!.Summary;
        }
        if (!methods.Methods.TryGetValue(methodId, out var method))
        {
            return null;
        }
        // The bulk read runs on the thread pool: SQLite's async calls complete synchronously, and a grain turn must not
        // hold its scheduler for seconds.
        var id = Id;
        var inputs = await Task.Run(() => snapshots.GatherAsync(id, year));
        var run = new EvaluationRunRecord
        {
            Id = Id,
            Year = year,
            MethodId = method.Method.Id,
            MethodVersion = method.Version,
            MethodJson = method.Json,
            FactorSetVersion = snapshots.FactorSetVersion,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor,
            Inputs = inputs,
        };
        await writer.WriteAsync(db =>
        {
            db.EvaluationRuns.Add(run);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = run.CreatedAt, Actor = actor, Action = "evaluation.run", Subject = Id,
                Detail = $"{year} {method.Version}; {inputs.Count} firms; factors {run.FactorSetVersion}",
            });
        });
        _run = run;
        _views = await Task.Run(() => EvaluationViews.FromRun(run));
        return _views.Summary;
    }

    Task<EvaluationSummary?> IEvaluationGrain.GetSummaryAsync(Caller caller) =>
        Task.FromResult(caller.SeesDistrict || caller.Role == Role.ParkAdministrator ? _views?.Summary : null);

    Task<EvaluationPage?> IEvaluationGrain.QueryAsync(EvaluationQuery query, Caller caller) =>
        Task.FromResult(_views?.Query(query, (uscc, park) => Uscc.TryParse(uscc, null, out var u) && caller.CanRead(u, park)));

    Task<EvaluationFirmDetail?> IEvaluationGrain.GetFirmAsync(string uscc, Caller caller) =>
        Task.FromResult(_views?.Firm(uscc) is { } firm && Uscc.TryParse(uscc, null, out var u) && caller.CanRead(u, firm.Firm.ParkCode) ? firm : null);

    Task<ParkRankView[]?> IEvaluationGrain.GetParksAsync(Caller caller) =>
        Task.FromResult(_views?.Summary.Parks.Where(p => caller.CanReadPark(p.ParkCode)).ToArray());
}
