using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One import job, keyed by a 32-hex id: the uploaded file (kept in the ledger), its check, and, once the uploader or an
/// official confirms, the commit of its good firm-months through the enterprise grains, with progress. Only the uploader
/// and officials see a job.
/// </summary>
public interface IImportJobGrain : IGrainWithStringKey
{
    /// <summary>Keeps the file in the ledger and the check (with the firm-months to commit) in memory; a second call returns the job as it is.</summary>
    Task<ImportJobView> CreateAsync(ImportUpload upload, ImportCommit check, Caller caller);

    /// <summary>The job, or null if there is none or the caller may not see it.</summary>
    [ReadOnly]
    Task<ImportJobView?> GetAsync(Caller caller);

    /// <summary>Replaces the check held in memory (after a restart, recomputed from the kept file).</summary>
    Task SetCheckAsync(ImportCommit check);

    /// <summary>
    /// Starts committing the check's good firm-months (each enterprise grain decides its months as they stand then); a job
    /// being committed returns its progress. Null when the caller may not see the job; a view without a check when none
    /// is held (after a restart): set one and ask again.
    /// </summary>
    Task<ImportJobView?> CommitAsync(Caller caller);
}

/// <summary>An uploaded file: its name, bytes, hash and what it was read as.</summary>
[GenerateSerializer, Immutable, Alias("carbon.import.upload")]
public sealed record ImportUpload(string FileName, byte[] Content, string Sha256, ImportKind Kind);
