using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One green-factory application: the single writer of its events (submitted → verified → approved / rejected, and after a
/// revoked certificate, reinstated).
/// It grades from the ledger and the answers until approval; an approved application's inputs and grades are frozen.
/// Whoever may read the firm may read its application, and so may the evaluator it is assigned to; anyone else is told it
/// does not exist.
/// </summary>
public interface IGreenFactoryApplicationGrain : IGrainWithStringKey
{
    Task<ApplicationOutcome> SubmitAsync(SubmitApplication submission);

    Task<ApplicationOutcome> VerifyAsync(Decision[] decisions, Caller caller);

    Task<ApplicationOutcome> DecideAsync(bool approve, string? comment, Caller caller);

    /// <summary>A reinstatement decision after the approval's certificate was revoked: it may then give exactly one new one.</summary>
    Task<ApplicationOutcome> ReinstateAsync(string reason, Caller caller);

    /// <summary>Ok, or why this approval may not give a new certificate (its certificate was revoked and not reinstated).</summary>
    [ReadOnly]
    Task<ApplicationOutcome> IssuableAsync();

    [ReadOnly]
    Task<ApplicationOutcome> GetAsync(Caller caller);
}
