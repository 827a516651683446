using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

/// <summary>What a file is: statistics form 205-1, Carbon's own template, or monthly records of the online monitoring system.</summary>
public enum ImportKind
{
    Form2051,
    Template,
    Monitoring,
}

/// <summary>What a firm-month of a file comes to: a first filing, a revision, the same as filed, or refused (with its issues).</summary>
public enum ImportItemStatus
{
    New,
    Revision,
    Unchanged,
    Rejected,
}

/// <summary>Where a job stands: checked and waiting for confirmation, being committed, committed.</summary>
public enum ImportState
{
    Checked,
    Committing,
    Committed,
}

/// <summary>A problem with one cell: the sheet, its row and column (as the sheet labels it), what is wrong; a warning does not refuse.</summary>
[GenerateSerializer, Immutable, Alias("carbon.import.issue")]
public sealed record ImportIssue(string Sheet, int Row, string Column, string Message, bool Warning = false);

/// <summary>A firm-month of the file: which sheet and rows it came from, and what it comes to.</summary>
[GenerateSerializer, Immutable, Alias("carbon.import.item")]
public sealed record ImportItem(Uscc Uscc, YearMonth Month, string Sheet, int[] Rows, ImportItemStatus Status);

/// <summary>
/// A file checked: its kind, the firm-months it holds and every issue. <see cref="SameAs"/> names an earlier job with the
/// same bytes (re-importing it changes nothing).
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.import.preview")]
public sealed record ImportPreview(ImportKind Kind, ImportItem[] Items, ImportIssue[] Issues, string? SameAs);

/// <summary>A job as it stands: the file, who uploaded it, the check, and (once confirmed) the commit's progress and counts.</summary>
[GenerateSerializer, Immutable, Alias("carbon.import.view")]
public sealed record ImportJobView(
    string Id,
    string FileName,
    string Sha256,
    ImportKind Kind,
    DateTimeOffset UploadedAt,
    string UploadedBy,
    ImportState State,
    ImportPreview? Preview,
    int Done,
    int Total,
    int Created,
    int Revised,
    int Unchanged,
    string[] Failed,
    DateTimeOffset? CommittedAt,
    string? CommittedBy);

/// <summary>The firm-months to commit, firm by firm, each month as a filing submission (the reason names the file).</summary>
[GenerateSerializer, Immutable, Alias("carbon.import.commit")]
public sealed record ImportCommit(ImportFirm[] Firms, ImportPreview Preview);

[GenerateSerializer, Immutable, Alias("carbon.import.firm")]
public sealed record ImportFirm(Uscc Uscc, FilingSubmission[] Months, Form2051Rows[] Form2051);

/// <summary>The 205-1 rows behind a committed firm-month (source figures; next month's opening is checked against their closing).</summary>
[GenerateSerializer, Immutable, Alias("carbon.import.form2051")]
public sealed record Form2051Rows(YearMonth Month, Form2051Figures[] Rows);

[GenerateSerializer, Immutable, Alias("carbon.import.form2051-row")]
public sealed record Form2051Figures(int Row, string Code, string Name, string Unit, decimal?[] Figures);
