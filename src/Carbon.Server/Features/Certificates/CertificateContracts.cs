using Carbon.Domain.Certificates;
using Carbon.Server.Configuration;
using Carbon.Server.Grains;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Certificates;

/// <summary>
/// POST /api/certificates body: annual-report needs year; mujun-notice needs evaluationId; green-factory needs
/// applicationId; supervision-report and plan-evaluation (the district's year, no uscc; the plan's mid-term evaluation in its mid-term year) need year. A firm holds one live certificate per kind and year: asking again returns it, unless
/// <see cref="Supersede"/> (with a <see cref="Reason"/>) replaces it. <see cref="Partial"/> lets an annual report cover
/// fewer than twelve months. A supervision document names its case and step as <see cref="CaseStep"/> ("case id:step").
/// </summary>
public sealed record IssueRequest(
    string? Kind,
    string? Uscc,
    int? Year,
    string? EvaluationId,
    string? ApplicationId,
    bool? Supersede = null,
    string? Reason = null,
    bool? Partial = null,
    string? CaseStep = null);

public sealed record RevokeRequest(string? Reason);

/// <summary>POST /api/certificates/batches body: every 亩均 notice of an evaluation run.</summary>
public sealed record BatchRequest(string? Kind, string? EvaluationId);

/// <summary>?kind=…&amp;uscc=… on the register.</summary>
public sealed record CertificateListQuery(string? Kind, string? Uscc);

/// <summary>
/// A register entry and where it stands today (China Standard Time); the PDF itself is at <see cref="Pdf"/>.
/// <see cref="Uscc"/> is null for a district-wide document (the annual supervision report).
/// </summary>
public sealed record CertificateResponse(
    string Number,
    CertificateKind Kind,
    string KindName,
    string? Uscc,
    int Year,
    string? SourceId,
    DateTimeOffset IssuedAt,
    DateOnly? ValidUntil,
    string IssuedBy,
    string Sha256,
    string Signature,
    CertificateState Status,
    DateTimeOffset? RevokedAt,
    string? RevokedReason,
    string Pdf)
{
    public static CertificateResponse From(RegisteredCertificate c, ReportingClock clock)
    {
        var kind = CertificateKinds.Parse(c.Kind);
        var r = c.Revocation;
        return new(c.Number, kind, kind.ChineseName(), c.Uscc, c.Year, c.SourceId, c.IssuedAt, c.ValidUntil, c.IssuedBy, c.Sha256, c.Signature,
            StateToday(c.IssuedAt, c.ValidUntil, r is not null, clock), r?.At, r?.Reason, $"/api/certificates/{c.Number}");
    }

    public static CertificateResponse From(CertificateRecord c, CertificateRevocationRecord? r, ReportingClock clock) =>
        From(new RegisteredCertificate(c.Number, c.Kind, c.Uscc, c.Year, c.SourceId, c.BatchId, c.IssuedAt, c.ValidUntil, c.IssuedBy,
            c.Sha256, c.Signature, c.DataJson, r), clock);

    /// <summary>The register's one status rule (<see cref="CertificateKinds.StateOn"/>), on today's date in Zhejiang.</summary>
    public static CertificateState StateToday(DateTimeOffset issuedAt, DateOnly? validUntil, bool revoked, ReportingClock clock) =>
        CertificateKinds.StateOn(clock.Today, ReportingClock.DayOf(issuedAt),
            validUntil, revoked);
}

/// <summary>The answer to POST /api/certificates/verify: valid, altered, revoked or unknown, with the evidence.</summary>
public sealed record VerificationResponse(
    VerificationResult Result,
    string? Number,
    string Sha256,
    string? IssuedSha256,
    CertificateKind? Kind,
    string? Uscc,
    DateTimeOffset? IssuedAt,
    DateOnly? ValidUntil,
    DateTimeOffset? RevokedAt,
    string? RevokedReason,
    string Explanation)
{
    public static VerificationResponse From(Grains.Verification v)
    {
        var (c, revocation) = (v.Certificate, v.Revocation);
        var explanation = v.Result switch
        {
            VerificationResult.Valid => "与登记簿中出具的文件逐字节一致，签名有效 (identical to the issued file; signature checks out)",
            VerificationResult.Altered => "文件与出具时不一致，已被改动 (the file differs from the one issued)",
            VerificationResult.Revoked => $"证书已于 {revocation!.At:yyyy-MM-dd} 吊销: {revocation.Reason} (revoked)",
            _ => "登记簿中无此证书 (no such certificate in the register)",
        };
        return new(v.Result, c?.Number, v.Sha256, c?.Sha256, c is null ? null : CertificateKinds.Parse(c.Kind), c?.Uscc, c?.IssuedAt,
            c?.ValidUntil, revocation?.At, revocation?.Reason, explanation);
    }
}
