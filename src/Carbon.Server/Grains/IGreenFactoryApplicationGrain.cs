using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One green-factory application: the single writer of its events (submitted → verified → approved / rejected).
/// It grades from the ledger and the answers until approval; an approved application's inputs and grades are frozen.
/// </summary>
public interface IGreenFactoryApplicationGrain : IGrainWithStringKey
{
    Task<ApplicationOutcome> SubmitAsync(SubmitApplication submission);

    Task<ApplicationOutcome> VerifyAsync(Decision[] decisions, string actor);

    Task<ApplicationOutcome> DecideAsync(bool approve, string? comment, string actor);

    [ReadOnly]
    Task<ApplicationOutcome> GetAsync();
}
