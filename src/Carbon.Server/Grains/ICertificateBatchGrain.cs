using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// A batch of 亩均 notices for every evaluated firm of a run. It issues them one by one in the background; progress
/// can be read while it runs, and after a restart it resumes with the firms not yet issued (the register says which).
/// </summary>
public interface ICertificateBatchGrain : IGrainWithStringKey
{
    Task<BatchView?> StartAsync(string evaluationId, Caller caller);

    [ReadOnly]
    Task<BatchView?> GetAsync();
}
