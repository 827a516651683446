using Carbon.Domain.Certificates;
using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

/// <summary>
/// A number asked for: the kind, firm (none for a district-wide kind) and year of the certificate to be issued, and, to replace the live one of that
/// kind, firm and year, the reason it is superseded (null: a live one is returned instead).
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.cert.reservation")]
public sealed record CertificateReservation(CertificateKind Kind, Uscc? Uscc, int Year, string? SupersedeReason, string? SourceId = null);

public enum ReserveStatus
{
    /// <summary>A new number, to be recorded (or released).</summary>
    Reserved,
    /// <summary>The firm already holds a live certificate of this kind and year: its number.</summary>
    Existing,
    /// <summary>Another request is issuing this kind and year for the firm right now.</summary>
    InProgress,
}

/// <summary>What a reservation got: a new number, the live certificate's number, or nothing (one is being issued).</summary>
[GenerateSerializer, Immutable, Alias("carbon.cert.reserve")]
public sealed record ReserveOutcome(ReserveStatus Status, string? Number);

/// <summary>A certificate to enter in the register (its number was reserved first).</summary>
[GenerateSerializer, Immutable, Alias("carbon.cert.entry")]
public sealed record CertificateEntry(
    string Number,
    CertificateKind Kind,
    Uscc? Uscc,
    int Year,
    string? SourceId,
    string? BatchId,
    DateTimeOffset IssuedAt,
    DateOnly? ValidUntil,
    string IssuedBy,
    string Sha256,
    string Signature,
    string DataJson,
    byte[] Pdf);

public enum RevokeStatus
{
    Revoked,
    AlreadyRevoked,
    Unknown,
}

[GenerateSerializer, Immutable, Alias("carbon.cert.revoke")]
public sealed record RevokeOutcome(RevokeStatus Status, DateTimeOffset? At, string? Reason);

public enum BatchStatus
{
    Running,
    Done,
}

/// <summary>
/// A batch's progress: how many notices of how many are issued, how many firms were skipped because they already hold
/// a live notice for the year, and any firm that failed with why.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.cert.batch")]
public sealed record BatchView(
    string Id,
    CertificateKind Kind,
    string EvaluationId,
    int Total,
    int Issued,
    int Skipped,
    int Failed,
    BatchStatus Status,
    DateTimeOffset CreatedAt,
    string[] Errors);
