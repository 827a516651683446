using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// The district's long actions now running (an evaluation of thousands of firms, a batch of notices), so that a page can
/// list them and a person who left one can come back to its progress. Held in memory only: what an action produces is
/// in the ledger when it finishes, and a batch resumes from the ledger after a restart.
/// </summary>
public interface ILongActionsGrain : IGrainWithStringKey
{
    Task StartedAsync(LongAction action);

    Task FinishedAsync(string id);

    [ReadOnly]
    Task<LongAction[]> ListAsync();
}

public static class LongActionKeys
{
    public const string District = "district";
}
