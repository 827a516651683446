using Carbon.Domain.Certificates;
using Carbon.Domain.Registry;
using Carbon.Server.Certificates;
using Carbon.Certificates;
using Carbon.Server.Configuration;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Grains;

/// <summary>What issuing did: the register entry, or the field and reason it was refused.</summary>
public sealed record IssueResult(RegisteredCertificate? Certificate, BuildProblem? Problem);

public enum VerificationResult
{
    Valid,
    Altered,
    Revoked,
    Unknown,
}

/// <summary>What a PDF sent for verification turned out to be, with the register entry it was checked against.</summary>
public sealed record Verification(VerificationResult Result, CertificateRecord? Certificate, CertificateRevocationRecord? Revocation, string Sha256);

/// <summary>
/// Issues and verifies certificates: gathers the data from the grains, renders and signs on the thread pool, and has
/// the register grain number and record it (the register only takes short calls).
/// </summary>
public sealed class CertificateIssuer(
    CertificateDataBuilder data, ICertificateRenderer renderer, CertificateSigner signer, IGrainFactory grains, CertificateReads ledger,
    IOptions<CarbonOptions> options, TimeProvider clock)
{
    private ICertificateRegisterGrain Register => grains.GetGrain<ICertificateRegisterGrain>(RegisterKeys.Register);

    public async Task<IssueResult> IssueAsync(CertificateKind kind, Uscc uscc, int? year, string? evaluationId, string? applicationId,
        string actor, string? batchId = null)
    {
        var draft = new CertificateHeader("", default, null, "", "");
        var (document, documentYear, source, problem) = kind switch
        {
            CertificateKind.AnnualReport => await data.AnnualReportAsync(draft, uscc, year!.Value) is var (d, p) ? (d, d?.Year ?? 0, null, p) : default,
            CertificateKind.MujunNotice => await data.MuYieldNoticeAsync(draft, evaluationId!, uscc) is var (n, q) ? ((object?)n, n?.Year ?? 0, evaluationId, q) : default,
            _ => await data.GreenFactoryAsync(draft, applicationId!, uscc) is var (g, r, y) ? ((object?)g, y, applicationId, r) : default,
        };
        if (document is null)
        {
            return new IssueResult(null, problem);
        }

        var number = await Register.ReserveAsync(kind, documentYear);
        var now = clock.GetUtcNow();
        var issuedAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(ReportingClock.Offset);
        var validity = kind == CertificateKind.GreenFactory
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
        var json = StoredCertificates.Serialize(document);
        // Rendering and signing take milliseconds of CPU: never on a grain's scheduler.
        var (pdf, sha, signature) = await Task.Run(() =>
        {
            var bytes = StoredCertificates.Render(renderer, kind, json);
            return (bytes, CertificateSigner.Sha256(bytes), signer.Sign(bytes));
        });
        // The register keeps UTC (PostgreSQL's timestamptz takes nothing else); the certificate shows China Standard Time.
        var entry = new CertificateEntry(number, kind, uscc, documentYear, source, batchId, issuedAt.ToUniversalTime(), validity, actor,
            sha, signature, json, pdf);
        await Register.RecordAsync(entry);
        return new IssueResult(new RegisteredCertificate(number, kind.Token(), uscc.Value, documentYear, source, batchId, entry.IssuedAt, validity,
            actor, sha, signature, json, null), null);
    }

    /// <summary>
    /// Checks an uploaded PDF: unknown (no register number in it, or not in the register), altered (the bytes differ from
    /// what was issued), revoked, or valid (identical bytes and the service's signature checks out).
    /// </summary>
    public async Task<Verification> VerifyAsync(byte[] pdf)
    {
        var sha = CertificateSigner.Sha256(pdf);
        var number = renderer.ReadNumber(pdf);
        var certificate = number is null ? null : await ledger.FindAsync(number);
        if (certificate is null)
        {
            return new(VerificationResult.Unknown, null, null, sha);
        }
        if (!string.Equals(certificate.Sha256, sha, StringComparison.Ordinal) || !signer.Verify(pdf, certificate.Signature))
        {
            return new(VerificationResult.Altered, certificate, null, sha);
        }
        var revocation = await ledger.FindRevocationAsync(certificate.Number);
        return new(revocation is null ? VerificationResult.Valid : VerificationResult.Revoked, certificate, revocation, sha);
    }

    /// <summary>Renders a certificate again from its frozen data; equal to the issued bytes by construction (checked in tests).</summary>
    public byte[] Regenerate(CertificateRecord certificate) =>
        StoredCertificates.Render(renderer, CertificateKinds.Parse(certificate.Kind), certificate.DataJson);
}
