using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One 亩均 evaluation run, keyed by its id: the single writer of the run's snapshot, and the in-memory cache of its
/// results, recomputed from the stored snapshot on activation (so a past run never changes).
/// </summary>
public interface IEvaluationGrain : IGrainWithStringKey
{
    /// <summary>Snapshots every firm's year, stores the run, evaluates it, and answers when done. Null if the method is unknown.</summary>
    Task<EvaluationSummary?> RunAsync(int year, string methodId, Caller caller);

    /// <summary>Starts the run in the background and answers at once with its progress (a page shows it and can be left).</summary>
    Task<EvaluationProgress?> StartAsync(int year, string methodId, Caller caller);

    /// <summary>How far the run is, or null when there is none (never started here, or lost with a restart before it was stored).</summary>
    [ReadOnly]
    Task<EvaluationProgress?> GetProgressAsync(Caller caller);

    /// <summary>The run's summary (district-wide figures: park administrators and district roles).</summary>
    [ReadOnly]
    Task<EvaluationSummary?> GetSummaryAsync(Caller caller);

    /// <summary>A page of the firms the caller may see.</summary>
    [ReadOnly]
    Task<EvaluationPage?> QueryAsync(EvaluationQuery query, Caller caller);

    /// <summary>One firm's result (一企一单), or null when the run or the firm is not the caller's to see.</summary>
    [ReadOnly]
    Task<EvaluationFirmDetail?> GetFirmAsync(string uscc, Caller caller);

    /// <summary>Parks ranked; a park administrator sees its own parks only.</summary>
    [ReadOnly]
    Task<ParkRankView[]?> GetParksAsync(Caller caller);
}
