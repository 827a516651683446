using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// A business-support policy, keyed by its code: the single writer of the policy and of every application for it, from
/// the firm's one-step application to the official's decision and the payout (政策直兑).
/// </summary>
public interface IPolicyGrain : IGrainWithStringKey
{
    Task<PolicyAnswer> PublishAsync(PublishPolicy command);

    Task<PolicyAnswer> ApplyAsync(ApplyForPolicy command);

    Task<PolicyAnswer> RecordAsync(PolicyApplicationCommand command);

    [ReadOnly]
    Task<PolicyView?> GetAsync();
}
