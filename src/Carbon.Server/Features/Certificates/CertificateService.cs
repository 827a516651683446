using Carbon.Server.Certificates;
using Carbon.Server.Certificates.Pdf;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Hosting;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Features.Certificates;

/// <summary>What issuing did: the register entry (without its PDF), or the field and reason it was refused.</summary>
public sealed record IssueResult(CertificateRecord? Certificate, BuildProblem? Problem);

public enum VerificationResult
{
    Valid,
    Altered,
    Revoked,
    Unknown,
}

/// <summary>Issues, verifies and revokes certificates. Rendering runs here, outside the register grain.</summary>
public sealed class CertificateService(
    CertificateDataBuilder data, ICertificateRenderer renderer, CertificateSigner signer, IGrainFactory grains, LedgerReader ledger,
    IOptions<CarbonOptions> options, TimeProvider clock)
{
    private ICertificateRegisterGrain Register => grains.GetGrain<ICertificateRegisterGrain>(RegisterKeys.Register);

    public async Task<IssueResult> IssueAsync(string kind, string uscc, int? year, string? evaluationId, string? applicationId,
        string actor, string? batchId = null)
    {
        var draft = new CertificateHeader("", default, null, "", "");
        object document;
        int documentYear;
        string? source;
        switch (kind)
        {
            case CertificateKinds.AnnualReport:
            {
                var (d, problem) = await data.AnnualReportAsync(draft, uscc, year!.Value);
                if (d is null)
                {
                    return new IssueResult(null, problem);
                }
                (document, documentYear, source) = (d, d.Year, null);
                break;
            }
            case CertificateKinds.MuYieldNotice:
            {
                var (d, problem) = await data.MuYieldNoticeAsync(draft, evaluationId!, uscc);
                if (d is null)
                {
                    return new IssueResult(null, problem);
                }
                (document, documentYear, source) = (d, d.Year, evaluationId);
                break;
            }
            default:
            {
                var (d, problem, y) = await data.GreenFactoryAsync(draft, applicationId!, uscc);
                if (d is null)
                {
                    return new IssueResult(null, problem);
                }
                (document, documentYear, source) = (d, y, applicationId);
                break;
            }
        }

        var number = await Register.ReserveAsync(kind, documentYear);
        var now = clock.GetUtcNow();
        var issuedAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(ReportingClock.Offset);
        var validity = kind == CertificateKinds.GreenFactory
            ? DateOnly.FromDateTime(issuedAt.DateTime).AddYears(options.Value.Certificates.GreenFactoryValidityYears).AddDays(-1)
            : (DateOnly?)null;
        var header = new CertificateHeader(number, issuedAt, validity, options.Value.Certificates.Issuer,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/certificates/{number}/status");
        document = document switch
        {
            AnnualReportData d => d with { Header = header },
            MuYieldNoticeData d => d with { Header = header },
            GreenFactoryCertificateData d => d with { Header = header },
            _ => throw new InvalidOperationException(),
        };
        var json = CertificateKinds.Serialize(document);
        var pdf = CertificateKinds.Render(renderer, kind, json);
        // The register keeps UTC (PostgreSQL's timestamptz takes nothing else); the certificate shows China Standard Time.
        var entry = new CertificateEntry(number, kind, uscc, documentYear, source, batchId, issuedAt.ToUniversalTime(), validity, actor,
            CertificateSigner.Sha256(pdf), signer.Sign(pdf), json, pdf);
        await Register.RecordAsync(entry);
        return new IssueResult(new CertificateRecord
        {
            Number = number, Kind = kind, Uscc = uscc, Year = documentYear, SourceId = source, BatchId = batchId, IssuedAt = entry.IssuedAt,
            ValidUntil = validity, IssuedBy = actor, Sha256 = entry.Sha256, Signature = entry.Signature, DataJson = json, Pdf = [],
        }, null);
    }

    /// <summary>
    /// Checks an uploaded PDF: unknown (no register number in it, or not in the register), altered (the bytes differ from
    /// what was issued), revoked, or valid (identical bytes and the service's signature checks out).
    /// </summary>
    public async Task<(VerificationResult Result, CertificateRecord? Certificate, CertificateRevocationRecord? Revocation, string Sha256)> VerifyAsync(
        byte[] pdf)
    {
        var sha = CertificateSigner.Sha256(pdf);
        var number = renderer.ReadNumber(pdf);
        var certificate = number is null ? null : await ledger.FindCertificateAsync(number);
        if (certificate is null)
        {
            return (VerificationResult.Unknown, null, null, sha);
        }
        if (!string.Equals(certificate.Sha256, sha, StringComparison.Ordinal) || !signer.Verify(pdf, certificate.Signature))
        {
            return (VerificationResult.Altered, certificate, null, sha);
        }
        var revocation = await ledger.FindRevocationAsync(certificate.Number);
        return (revocation is null ? VerificationResult.Valid : VerificationResult.Revoked, certificate, revocation, sha);
    }

    /// <summary>Renders a certificate again from its frozen data; equal to the issued bytes by construction (checked in tests).</summary>
    public byte[] Regenerate(CertificateRecord certificate) => CertificateKinds.Render(renderer, certificate.Kind, certificate.DataJson);
}
