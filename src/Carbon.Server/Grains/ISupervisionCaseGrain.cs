using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One supervision case (监察案件), keyed by its id: the single writer of its steps and evidence, rebuilt from the ledger
/// on activation by replaying the steps through <see cref="Domain.Supervision.SupervisionWorkflow"/>.
/// </summary>
public interface ISupervisionCaseGrain : IGrainWithStringKey
{
    /// <summary>Opens the case (an inspector or the district); a second open of the same id is a conflict.</summary>
    Task<CaseAnswer> OpenAsync(OpenCase command);

    /// <summary>Records a step, if the workflow allows it for the caller on today's date.</summary>
    Task<CaseAnswer> RecordAsync(CaseStepCommand command);

    /// <summary>Stores an evidence file with the case (by its SHA-256; the same file twice is stored once).</summary>
    Task<EvidenceView?> AttachAsync(string fileName, string contentType, byte[] content, Caller caller);

    /// <summary>The case, or not found when it is not the caller's to see (a filer sees its own firm's cases only).</summary>
    [ReadOnly]
    Task<CaseAnswer> GetAsync(Caller caller);
}
