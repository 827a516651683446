using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Intake;

/// <summary>A cell's problem in an imported file: sheet, row, column (A… for the template, 甲 乙 丙 1–10 丁 for 205-1), what is wrong.</summary>
public sealed record ImportIssueResponse(string Sheet, int Row, string Column, string Message, bool Warning);

/// <summary>A firm-month of the file and what it comes to.</summary>
public sealed record ImportItemResponse(Uscc Uscc, YearMonth Month, string Sheet, int[] Rows, ImportItemStatus Status);

/// <summary>How many firm-months the check found of each kind.</summary>
public sealed record ImportCounts(int FirmMonths, int New, int Revisions, int Unchanged, int Rejected, int Errors, int Warnings);

/// <summary>A commit's progress and what it did.</summary>
public sealed record ImportProgress(int Done, int Total, int Created, int Revised, int Unchanged, string[] Failed, DateTimeOffset? CommittedAt,
    string? CommittedBy);

/// <summary>
/// An import job (or, for a dry run, a check that was not kept: no id). <see cref="SameAs"/> names an earlier committed
/// job with the same bytes. <see cref="Rejected"/> is where the refused rows come back as the same sheet with an 错误 column.
/// </summary>
public sealed record ImportResponse(
    string? Id,
    string FileName,
    string Sha256,
    ImportKind Kind,
    ImportState State,
    DateTimeOffset? UploadedAt,
    string? UploadedBy,
    string? SameAs,
    ImportCounts Counts,
    ImportProgress? Progress,
    ImportIssueResponse[] Issues,
    ImportItemResponse[] Items,
    string? Rejected)
{
    public static ImportResponse From(string fileName, string sha256, ImportPreview p, ImportJobView? job = null) =>
        new(job?.Id, fileName, sha256, p.Kind, job?.State ?? ImportState.Checked, job?.UploadedAt, job?.UploadedBy, p.SameAs, CountsOf(p),
            job is null || job.State == ImportState.Checked && job.Total == 0
                ? null
                : new ImportProgress(job.Done, job.Total, job.Created, job.Revised, job.Unchanged, job.Failed, job.CommittedAt, job.CommittedBy),
            p.Issues.Select(i => new ImportIssueResponse(i.Sheet, i.Row, i.Column, i.Message, i.Warning)).ToArray(),
            p.Items.Select(i => new ImportItemResponse(i.Uscc, i.Month, i.Sheet, i.Rows, i.Status)).ToArray(),
            job is not null && p.Items.Any(i => i.Status == ImportItemStatus.Rejected) ? $"/api/imports/{job.Id}/rejected" : null);

    public static ImportCounts CountsOf(ImportPreview p) => new(p.Items.Length,
        p.Items.Count(i => i.Status == ImportItemStatus.New), p.Items.Count(i => i.Status == ImportItemStatus.Revision),
        p.Items.Count(i => i.Status == ImportItemStatus.Unchanged), p.Items.Count(i => i.Status == ImportItemStatus.Rejected),
        p.Issues.Count(i => !i.Warning), p.Issues.Count(i => i.Warning));
}

/// <summary>A job in the list: no issues or items, just what it is and where it stands.</summary>
public sealed record ImportSummary(string Id, string FileName, ImportKind Kind, DateTimeOffset UploadedAt, string UploadedBy, ImportState State,
    DateTimeOffset? CommittedAt, int? Created, int? Revised, int? Unchanged, int? Rejected);
