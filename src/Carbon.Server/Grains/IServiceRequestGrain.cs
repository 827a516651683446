using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>A firm's request (诉求直办), keyed by its id: the single writer of its steps and attachments.</summary>
public interface IServiceRequestGrain : IGrainWithStringKey
{
    Task<RequestAnswer> FileAsync(FileRequest command);

    Task<RequestAnswer> RecordAsync(RequestStepCommand command);

    /// <summary>Stores a file with the request (≤ 10 MB); null when the request is not the caller's to act on or is closed.</summary>
    Task<EvidenceView?> AttachAsync(string fileName, string contentType, byte[] content, Caller caller);

    /// <summary>The request, for a caller who may read its firm; null otherwise (404: its existence is not revealed).</summary>
    [ReadOnly]
    Task<ServiceRequestView?> GetAsync(Caller caller);
}
