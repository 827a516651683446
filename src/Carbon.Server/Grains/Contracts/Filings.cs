using Carbon.Domain.Accounting;

namespace Carbon.Server.Grains.Contracts;

/// <summary>
/// A month's filing by one actor; a revision must say why. <see cref="Omitted"/> names the optional sections the sender
/// left out (not sent as null): a revision may not drop by omission what the month already had.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.filing-submission")]
public sealed record FilingSubmission(MonthlyFiling Filing, string? Reason, string Actor, string[]? Omitted = null);

public enum FilingStatus
{
    /// <summary>Revision 1 written.</summary>
    Created,
    /// <summary>A later revision written.</summary>
    Revised,
    /// <summary>Same content as the current revision: nothing written.</summary>
    Unchanged,
    /// <summary>No enterprise with this USCC is registered.</summary>
    UnknownEnterprise,
    /// <summary>A revision was submitted without a reason.</summary>
    ReasonRequired,
    /// <summary>A revision left out a section the current revision has (named in <see cref="FilingOutcome.Field"/>).</summary>
    SectionOmitted,
}

[GenerateSerializer, Immutable, Alias("carbon.filing-outcome")]
public sealed record FilingOutcome(FilingStatus Status, int Revision, FilingView? View = null, string? Field = null);

/// <summary>Who changed a record, when and why (revision 1 has no reason).</summary>
[GenerateSerializer, Immutable, Alias("carbon.revision-info")]
public sealed record RevisionView(int Revision, DateTimeOffset RecordedAt, string Actor, string? Reason);

/// <summary>A month's current filing, its revision number and every revision's who, when and why.</summary>
[GenerateSerializer, Immutable, Alias("carbon.filing-view")]
public sealed record FilingView(MonthlyFiling Current, int Revision, RevisionView[] History);
