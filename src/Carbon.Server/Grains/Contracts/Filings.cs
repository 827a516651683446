using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

/// <summary>
/// A month's filing by one actor; a revision must say why. <see cref="Omitted"/> names the optional sections the sender
/// left out (not sent as null): a revision may not drop by omission what the month already had.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.filing-submission")]
public sealed record FilingSubmission(MonthlyFiling Filing, string? Reason, Caller Caller, string[]? Omitted = null, string? Confirmation = null);

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
    /// <summary>An energy line is far outside the firm's history and was not confirmed (see <see cref="FilingOutcome.Implausible"/>).</summary>
    Unconfirmed,
}

[GenerateSerializer, Immutable, Alias("carbon.filing-outcome")]
public sealed record FilingOutcome(FilingStatus Status, int Revision, FilingView? View = null, string? Field = null,
    ImplausibleLineView[]? Implausible = null);

/// <summary>An energy line outside ten times / a tenth of the firm's history (line unit), and what history it was held against.</summary>
[GenerateSerializer, Immutable, Alias("carbon.implausible-line")]
public sealed record ImplausibleLineView(int Line, string Carrier, decimal Quantity, decimal ExpectedMin, decimal ExpectedMax, string Reference);

/// <summary>A month's line that was accepted outside its expected range, with the filer's confirming note.</summary>
[GenerateSerializer, Immutable, Alias("carbon.plausibility-flag")]
public sealed record PlausibilityFlag(YearMonth Month, string Carrier, decimal Quantity, decimal ExpectedMin, decimal ExpectedMax, string? Note);

/// <summary>Who changed a record, when and why (revision 1 has no reason), and the note that confirmed an implausible figure.</summary>
[GenerateSerializer, Immutable, Alias("carbon.revision-info")]
public sealed record RevisionView(int Revision, DateTimeOffset RecordedAt, string Actor, string? Reason, string? Confirmation = null);

/// <summary>A month's current filing, its revision number and every revision's who, when and why.</summary>
[GenerateSerializer, Immutable, Alias("carbon.filing-view")]
public sealed record FilingView(MonthlyFiling Current, int Revision, RevisionView[] History);
