using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// A "two small" rectification case, keyed by its id: the single writer of its steps and evidence, each step checked
/// against the workflow (<see cref="Domain.LandUse.Rectification"/>).
/// </summary>
public interface IRectificationCaseGrain : IGrainWithStringKey
{
    Task<RectificationAnswer> OpenAsync(OpenRectification command);

    Task<RectificationAnswer> RecordAsync(RectificationStepCommand command);

    /// <summary>Stores an evidence file with the case (≤ 10 MB); null when the case is not the caller's to act on.</summary>
    Task<EvidenceView?> AttachAsync(string fileName, string contentType, byte[] content, Caller caller);

    [ReadOnly]
    Task<RectificationView?> GetAsync();
}
