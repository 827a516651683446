using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One 亩均 evaluation run, keyed by its id: the single writer of the run's snapshot, and the in-memory cache of its
/// results, recomputed from the stored snapshot on activation (so a past run never changes).
/// </summary>
public interface IEvaluationGrain : IGrainWithStringKey
{
    /// <summary>Snapshots every firm's year, stores the run, evaluates it. Null if the method is unknown.</summary>
    Task<EvaluationSummary?> RunAsync(int year, string methodId, string actor);

    [ReadOnly]
    Task<EvaluationSummary?> GetSummaryAsync();

    [ReadOnly]
    Task<EvaluationPage?> QueryAsync(EvaluationQuery query);

    [ReadOnly]
    Task<EvaluationFirmDetail?> GetFirmAsync(string uscc);
}
