using Carbon.Domain.Certificates;
using Carbon.Domain.Registry;
using Carbon.Server.Certificates;
using Carbon.Certificates;
using Carbon.Server.Configuration;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Grains;

/// <summary>
/// A certificate to issue: its kind and firm, what it is made from (annual-report: year; mujun-notice: evaluationId;
/// green-factory: applicationId), who asks, the batch it belongs to, the reason it supersedes the firm's live
/// certificate of that kind and year (null: a live one is returned instead), and whether an annual report may cover
/// fewer than twelve months.
/// </summary>
public sealed record IssueOrder(
    CertificateKind Kind,
    Uscc? Uscc,
    int? Year,
    string? EvaluationId,
    string? ApplicationId,
    string Actor,
    string? BatchId = null,
    string? SupersedeReason = null,
    bool Partial = false,
    string? CaseStep = null);

/// <summary>
/// What issuing did: the register entry (new, or the live one it returned when <see cref="Existing"/>), or the field
/// and reason it was refused.
/// </summary>
public sealed record IssueResult(RegisteredCertificate? Certificate, BuildProblem? Problem, bool Existing = false);

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
    IOptions<CarbonOptions> options, TimeProvider clock, IPlanEvaluationSource? plans = null)
{
    private ICertificateRegisterGrain Register => grains.GetGrain<ICertificateRegisterGrain>(RegisterKeys.Register);

    /// <summary>
    /// Issues one certificate. Refused while the service has no public address (<see cref="CarbonOptions.IssuingRefusal"/>).
    /// The firm's live certificate of the same kind and year is returned rather than a second one, unless the order
    /// supersedes it; an approval whose certificate was revoked gives no new one without a reinstatement decision.
    /// </summary>
    public async Task<IssueResult> IssueAsync(IssueOrder order)
    {
        GrainGuards.Issue(order, clock);
        if (options.Value.IssuingRefusal is { } refusal)
        {
            return new IssueResult(null, new BuildProblem(CarbonOptions.PublicBaseUrlKey, refusal, false));
        }
        var (kind, uscc) = (order.Kind, order.Uscc);
        var firm = uscc.GetValueOrDefault();   // checked by the guard: present for every kind but the district-wide ones
        var draft = new CertificateHeader("", default, null, "", "");
        var (document, documentYear, source, problem) = kind switch
        {
            CertificateKind.AnnualReport => await data.AnnualReportAsync(draft, firm, order.Year!.Value, order.Partial) is var (d, p)
                ? ((object?)d, d?.Year ?? 0, (string?)null, p) : default,
            CertificateKind.MujunNotice => await data.MuYieldNoticeAsync(draft, order.EvaluationId!, firm) is var (n, q)
                ? ((object?)n, n?.Year ?? 0, order.EvaluationId, q) : default,
            CertificateKind.SupervisionDocument => await data.SupervisionDocumentAsync(draft, order.CaseStep!, firm) is var (s, sp)
                ? ((object?)s, s?.Year ?? 0, order.CaseStep, sp) : default,
            CertificateKind.SupervisionReport => await data.SupervisionReportAsync(draft, order.Year!.Value) is var (sr, srp)
                ? ((object?)sr, sr?.Year ?? 0, (string?)null, srp) : default,
            CertificateKind.PlanEvaluation => plans is null
                ? (null, 0, null, new BuildProblem("kind", "本服务未配置规划评估 (no plan to evaluate)", true))
                : await plans.PlanEvaluationAsync(draft, order.Year!.Value) is var (pe, pep) ? ((object?)pe, pe?.Year ?? 0, (string?)null, pep) : default,
            _ => await data.GreenFactoryAsync(draft, order.ApplicationId!, firm) is var (g, r, y) ? ((object?)g, y, order.ApplicationId, r) : default,
        };
        if (document is null)
        {
            return new IssueResult(null, problem);
        }
        if (order.SupersedeReason is null && await Register.FindLiveAsync(kind, uscc, documentYear, source) is { } live)
        {
            return await ExistingAsync(live);
        }
        if (kind == CertificateKind.GreenFactory
            && await grains.GetGrain<IGreenFactoryApplicationGrain>(order.ApplicationId!).IssuableAsync() is { Result: not ApplicationResult.Ok } refused)
        {
            return new IssueResult(null, new BuildProblem(refused.Field!, refused.Message!, false));
        }

        var reserved = await Register.ReserveAsync(new CertificateReservation(kind, uscc, documentYear, order.SupersedeReason, source));
        switch (reserved.Status)
        {
            case ReserveStatus.Existing:
                return await ExistingAsync(reserved.Number!);
            case ReserveStatus.InProgress:
                return new IssueResult(null, new BuildProblem(uscc is null ? "year" : "uscc",
                    $"正在为{(uscc is { } u ? $"企业 {u}" : "全区")}出具 {documentYear} 年度的{kind.ChineseName()}，请稍后再试 (one is being issued for this firm and year; try again)", false));
        }
        var number = reserved.Number!;
        try
        {
            return new IssueResult(await RenderAndRecordAsync(order, document, number, documentYear, source), null);
        }
        catch
        {
            await Register.ReleaseAsync(number);
            throw;
        }
    }

    private async Task<IssueResult> ExistingAsync(string number) =>
        new(await ledger.FindEntryAsync(number) ?? throw new InvalidOperationException($"{number} is live in the register but not in the ledger"),
            null, Existing: true);

    private async Task<RegisteredCertificate> RenderAndRecordAsync(IssueOrder order, object document, string number, int documentYear, string? source)
    {
        var kind = order.Kind;
        var now = clock.GetUtcNow();
        var issuedAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(ReportingClock.Offset);
        var validity = kind == CertificateKind.GreenFactory
            ? ReportingClock.DayOf(issuedAt).AddYears(options.Value.Certificates.GreenFactoryValidityYears).AddDays(-1)
            : (DateOnly?)null;
        var header = new CertificateHeader(number, issuedAt, validity, options.Value.Certificates.Issuer, options.Value.VerificationUrl(number));
        document = document switch
        {
            AnnualReportData d => d with { Header = header },
            MuYieldNoticeData d => d with { Header = header },
            GreenFactoryCertificateData d => d with { Header = header },
            SupervisionDocumentData d => d with { Header = header },
            SupervisionReportData d => d with { Header = header },
            PlanEvaluationData d => d with { Header = header },
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
        var entry = new CertificateEntry(number, kind, order.Uscc, documentYear, source, order.BatchId, issuedAt.ToUniversalTime(), validity,
            order.Actor, sha, signature, json, pdf);
        await Register.RecordAsync(entry);
        return new RegisteredCertificate(number, kind.Token(), order.Uscc?.Value, documentYear, source, order.BatchId, entry.IssuedAt, validity,
            order.Actor, sha, signature, json, null);
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
