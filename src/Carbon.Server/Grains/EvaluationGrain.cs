using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Factors;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Carbon.Server.Telemetry;

namespace Carbon.Server.Grains;

[GrainType("evaluation")]
public sealed class EvaluationGrain(
    EvaluationReads reader, LedgerWriter writer, EvaluationSnapshots snapshots, MethodCatalog methods, TimeProvider clock,
    ILogger<EvaluationGrain> log)
    : Grain, IEvaluationGrain
{
    private EvaluationRunRecord? _run;
    private EvaluationViews? _views;
    private Task? _running;
    private (int Year, string Method, DateTimeOffset At, string By)? _started;
    private volatile EvaluationStage _stage;
    private volatile int _firms;
    private volatile int _firmsDone;
    private string? _failure;

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
        if (Start(year, methodId, caller) is null)
        {
            return null;
        }
        if (_running is not null)
        {
            await _running;
        }
        return _views?.Summary;
    }

    Task<EvaluationProgress?> IEvaluationGrain.StartAsync(int year, string methodId, Caller caller) =>
        Task.FromResult(Start(year, methodId, caller));

    Task<EvaluationProgress?> IEvaluationGrain.GetProgressAsync(Caller caller) =>
        Task.FromResult(caller.SeesDistrict || caller.Role == Role.ParkAdministrator ? Progress() : null);

    /// <summary>
    /// Starts the run unless it exists or is running (then its progress is returned as is). The run goes on in the
    /// background on the grain, so progress reads interleave with it; a caller that must wait awaits <see cref="_running"/>.
    /// </summary>
    private EvaluationProgress? Start(int year, string methodId, Caller caller)
    {
        GrainGuards.RunEvaluation(Id, year, methodId, caller.Account, clock);
        if (!caller.Administers)
        {
            return null;
        }
        if (_run is not null || _running is { IsCompleted: false })
        {
            return Progress();
        }
        if (!methods.Methods.TryGetValue(methodId, out var method))
        {
            return null;
        }
        _started = (year, method.Method.Id, clock.GetUtcNow(), caller.Account);
        (_stage, _firms, _firmsDone, _failure) = (EvaluationStage.Reading, 0, 0, null);
        _running = RunCoreAsync(year, method, caller.Account);
        return Progress();
    }

    private async Task RunCoreAsync(int year, LoadedMethod method, string actor)
    {
        var actions = GrainFactory.GetGrain<ILongActionsGrain>(LongActionKeys.District);
        using var activity = CarbonTelemetry.Source.StartActivity("evaluation.run");
        activity?.SetTag("carbon.evaluation.id", Id);
        activity?.SetTag("carbon.evaluation.year", year);
        activity?.SetTag("carbon.evaluation.method", method.Method.Id);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "failed";
        await actions.StartedAsync(new LongAction(LongActionKind.Evaluation, Id, $"{year} 年亩均评价 {method.Method.Name}",
            $"/evaluations/{Id}", _started!.Value.At, actor));
        try
        {
            // The bulk read runs on the thread pool: SQLite's async calls complete synchronously, and a grain turn must
            // not hold its scheduler for seconds. Progress is written from there and read here (plain ints: a torn read
            // cannot happen, a stale one only shows the previous count).
            var id = Id;
            var inputs = await Task.Run(() => snapshots.GatherAsync(id, year, (done, total) =>
            {
                (_firmsDone, _firms) = (done, total);
                _stage = EvaluationStage.Gathering;
            }));
            _stage = EvaluationStage.Storing;
            var createdAt = clock.GetUtcNow();
            EvaluationRunRecord Run(List<EvaluationInputRecord> with) => new()
            {
                Id = Id,
                Year = year,
                MethodId = method.Method.Id,
                MethodVersion = method.Version,
                MethodJson = method.Json,
                FactorSetVersion = snapshots.FactorSetVersion,
                CreatedAt = createdAt,
                CreatedBy = actor,
                Inputs = with,
            };
            var run = Run(inputs);
            // The run's row through the change tracker, its inputs (one per firm) by prepared INSERTs: one transaction.
            await writer.WriteAsync(db =>
            {
                db.EvaluationRuns.Add(Run([]));
                db.AuditEvents.Add(new AuditEventRecord
                {
                    At = run.CreatedAt, Actor = actor, Action = "evaluation.run", Subject = Id,
                    Detail = $"{year} {method.Version}; {inputs.Count} firms; factors {run.FactorSetVersion}",
                });
            }, inputs);
            _stage = EvaluationStage.Scoring;
            _views = await Task.Run(() => EvaluationViews.FromRun(run));
            _run = run;
            _stage = EvaluationStage.Done;
            outcome = "done";
            CarbonTelemetry.EvaluationFirms.Record(inputs.Count);
            activity?.SetTag("carbon.evaluation.firms", inputs.Count);
        }
        catch (Exception e)
        {
            log.LogError(e, "evaluation {Id} ({Year}, {Method}) failed", Id, year, method.Method.Id);
            (_stage, _failure) = (EvaluationStage.Failed, e.Message);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Message);
            throw;
        }
        finally
        {
            CarbonTelemetry.EvaluationDuration.Record(CarbonTelemetry.MillisecondsSince(start), new KeyValuePair<string, object?>("outcome", outcome));
            await actions.FinishedAsync(Id);
        }
    }

    private EvaluationProgress? Progress()
    {
        if (_run is { } run)
        {
            return new EvaluationProgress(Id, run.Year, run.MethodId, EvaluationStage.Done, run.Inputs.Count, run.Inputs.Count, 100,
                run.CreatedAt, run.CreatedBy, null);
        }
        if (_started is not { } s)
        {
            return null;
        }
        var stage = _stage;
        var percent = stage switch
        {
            EvaluationStage.Reading => 5,
            EvaluationStage.Gathering => 10 + 70 * _firmsDone / Math.Max(1, _firms),
            EvaluationStage.Storing => 85,
            EvaluationStage.Scoring => 95,
            _ => 100,
        };
        return new EvaluationProgress(Id, s.Year, s.Method, stage, _firms, _firmsDone, percent, s.At, s.By, _failure);
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
