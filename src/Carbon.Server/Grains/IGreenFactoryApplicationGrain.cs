using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One green-factory application: the single writer of its events (submitted → verified → approved / rejected, and after a
/// revoked certificate, reinstated).
/// It grades from the ledger and the answers until approval; an approved application's inputs and grades are frozen.
/// </summary>
public interface IGreenFactoryApplicationGrain : IGrainWithStringKey
{
    Task<ApplicationOutcome> SubmitAsync(SubmitApplication submission);

    Task<ApplicationOutcome> VerifyAsync(Decision[] decisions, string actor);

    Task<ApplicationOutcome> DecideAsync(bool approve, string? comment, string actor);

    /// <summary>A reinstatement decision after the approval's certificate was revoked: it may then give exactly one new one.</summary>
    Task<ApplicationOutcome> ReinstateAsync(string reason, string actor);

    /// <summary>Ok, or why this approval may not give a new certificate (its certificate was revoked and not reinstated).</summary>
    [ReadOnly]
    Task<ApplicationOutcome> IssuableAsync();

    [ReadOnly]
    Task<ApplicationOutcome> GetAsync();
}
