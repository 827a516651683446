namespace Carbon.Server.Features.Certificates;

/// <summary>POST /api/certificates body: annual-report needs year; muyun-notice needs evaluationId; green-factory needs applicationId.</summary>
public sealed record IssueRequest(string? Kind, string? Uscc, int? Year, string? EvaluationId, string? ApplicationId);

public sealed record RevokeRequest(string? Reason);

public sealed record BatchRequest(string? Kind, string? EvaluationId);

/// <summary>A register entry: everything but the PDF itself.</summary>
public sealed record CertificateDto(
    string Number,
    string Kind,
    string KindName,
    string Uscc,
    int Year,
    string? SourceId,
    DateTimeOffset IssuedAt,
    DateOnly? ValidUntil,
    string IssuedBy,
    string Sha256,
    string Signature,
    string Status,
    DateTimeOffset? RevokedAt,
    string? RevokedReason,
    string Pdf);

/// <summary>The answer to POST /api/certificates/verify: valid, altered, revoked or unknown, with the evidence.</summary>
public sealed record VerificationDto(
    string Result,
    string? Number,
    string Sha256,
    string? IssuedSha256,
    string? Kind,
    string? Uscc,
    DateTimeOffset? IssuedAt,
    DateOnly? ValidUntil,
    DateTimeOffset? RevokedAt,
    string? RevokedReason,
    string Explanation);
