using Carbon.Domain.Certificates;
using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

/// <summary>A certificate to enter in the register (its number was reserved first).</summary>
[GenerateSerializer, Immutable, Alias("carbon.cert.entry")]
public sealed record CertificateEntry(
    string Number,
    CertificateKind Kind,
    Uscc Uscc,
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

/// <summary>A batch's progress: how many notices of how many are issued, and any firm that failed with why.</summary>
[GenerateSerializer, Immutable, Alias("carbon.cert.batch")]
public sealed record BatchView(
    string Id,
    CertificateKind Kind,
    string EvaluationId,
    int Total,
    int Issued,
    int Failed,
    BatchStatus Status,
    DateTimeOffset CreatedAt,
    string[] Errors);
