using System.Security.Claims;
using Carbon.Server.Accounts;
using Carbon.Domain.Certificates;
using Carbon.Domain.Registry;
using Carbon.Server.Certificates;
using Carbon.Server.Configuration;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Features.Certificates;

public static class CertificateEndpoints
{
    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/certificates").WithTags("Certificates 证书");
        group.MapPost("/", IssueAsync).WithName("IssueCertificate")
            .WithSummary("出具证书 Issue a green-factory certificate, a 亩均 notice, an annual energy and carbon report, a supervision " +
                         "document or the district's annual supervision report (signed PDF); 200 with the live one if one of that kind, " +
                         "firm and year exists, unless it is superseded");
        group.MapGet("/", ListAsync).WithName("ListCertificates").WithSummary("证书登记簿 The register, filtered by kind and firm");
        group.MapGet("/public-key", PublicKey).WithName("CertificatePublicKey")
            .WithSummary("验签公钥 The current ECDSA P-256 public key (PEM): it checks every certificate signed since the last key rotation");
        group.MapGet("/public-keys", PublicKeys).WithName("CertificatePublicKeys")
            .WithSummary("全部验签公钥 Every public key certificates were signed with: the current one and those retired by a rotation, with fingerprints");
        group.MapPost("/verify", VerifyAsync).WithName("VerifyCertificate").Accepts<IFormFile>("multipart/form-data", "application/pdf")
            .WithSummary($"核验证书 Upload a PDF (at most {CertificateUpload.MaxText}): valid, altered, revoked or unknown")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).DisableAntiforgery();
        group.MapGet("/{number}", PdfAsync).WithName("GetCertificatePdf").WithSummary("证书 PDF The issued PDF");
        group.MapGet("/{number}/status", StatusAsync).WithName("CertificateStatus")
            .WithSummary("证书状态 What the QR code opens: the register entry and whether it is valid, revoked or expired");
        group.MapPost("/{number}/revoke", RevokeAsync).WithName("RevokeCertificate").WithSummary("吊销 Revoke with a reason");
        var batches = api.MapGroup("/certificate-batches").WithTags("Certificates 证书");
        batches.MapPost("/", StartBatchAsync).WithName("StartCertificateBatch")
            .WithSummary("批量出具 Issue the 亩均 notices of a whole evaluation run; progress at the returned location");
        batches.MapGet("/{id}", BatchAsync).WithName("CertificateBatch").WithSummary("批量进度 Progress of a batch");
        return api;
    }

    /// <summary>201 with a new certificate; 200 with the firm's live one of that kind and year (nothing issued); or why not.</summary>
    internal static async Task<Results<Created<CertificateResponse>, Ok<CertificateResponse>, ProblemHttpResult>> IssueAsync(
        IssueRequest body, CertificateIssuer issuer, ReportingClock clock, ClaimsPrincipal user)
    {
        var kind = CertificateKinds.Parse(body.Kind!);
        if (user.RequiredCaller().Role == Domain.Access.Role.Inspector && kind is not (CertificateKind.SupervisionDocument or CertificateKind.SupervisionReport)
            || (kind == CertificateKind.PlanEvaluation && !user.RequiredCaller().Administers))
        {
            return Problems.Forbidden(kind == CertificateKind.PlanEvaluation ? "规划实施评估报告由区经信局出具 (officials issue the plan's evaluation)"
                : "监察员仅可出具节能监察文书和年度监察报告 (inspectors issue supervision documents and reports only)");
        }
        var issued = await issuer.IssueAsync(new IssueOrder(kind, body.Uscc is { } u ? Uscc.Parse(u) : null, body.Year,
            body.EvaluationId, body.ApplicationId, user.RequiredCaller().Account, SupersedeReason: body.Supersede == true ? body.Reason!.Trim() : null,
            Partial: body.Partial == true, CaseStep: body.CaseStep?.Trim()));
        if (issued.Certificate is not { } c)
        {
            var p = issued.Problem!;
            return p.NotFound ? Problems.NotFound(p.Field, p.Message) : Problems.Conflict(p.Field, p.Message);
        }
        var entry = CertificateResponse.From(c, clock);
        return issued.Existing ? TypedResults.Ok(entry) : TypedResults.Created($"/api/certificates/{c.Number}", entry);
    }

    /// <summary>The register, as far as the caller may see it: its firms' certificates (filer), its parks' firms', or all.</summary>
    internal static async Task<Ok<CertificateResponse[]>> ListAsync([AsParameters] CertificateListQuery query, CertificateReads ledger,
        ReportingClock clock, ClaimsPrincipal user)
    {
        var kinds = query.Kind is null ? null : CertificateKinds.TryParse(query.Kind, out var kind) ? kind.StoredTokens() : [query.Kind];
        return TypedResults.Ok((await ledger.ListVisibleAsync(user.RequiredCaller(), kinds, query.Uscc))
            .Select(c => CertificateResponse.From(c, clock)).ToArray());
    }

    internal static ContentHttpResult PublicKey(CertificateSigner signer) => TypedResults.Text(signer.PublicKeyPem, "application/x-pem-file");

    internal static Ok<IReadOnlyList<SigningKey>> PublicKeys(CertificateSigner signer) => TypedResults.Ok(signer.Keys);

    /// <summary>
    /// The PDF, for whoever may read the firm, or for those who see the district when it is district-wide (anyone can
    /// check a copy they hold at /verify).
    /// </summary>
    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(string number, CertificateReads ledger,
        RegistryReads registry, ClaimsPrincipal user)
    {
        var c = await ledger.FindAsync(number);
        var caller = user.RequiredCaller();
        var readable = c?.Uscc switch
        {
            null when c is not null => caller.SeesDistrict,
            { } uscc => await registry.FindEnterpriseAsync(uscc) is { } firm && caller.CanRead(Uscc.Parse(uscc), firm.Identity.ParkCode),
            _ => false,
        };
        return readable ? TypedResults.File(c!.Pdf, "application/pdf", $"{c.Number}.pdf") : NotFound(number);
    }

    internal static async Task<Results<Ok<CertificateResponse>, ProblemHttpResult>> StatusAsync(string number, CertificateReads ledger,
        ReportingClock clock)
    {
        var c = await ledger.FindAsync(number);
        return c is null ? NotFound(number) : TypedResults.Ok(CertificateResponse.From(c, await ledger.FindRevocationAsync(number), clock));
    }

    /// <summary>Takes the PDF as the first file of a form, or as the raw body; larger than 2 MiB is a 413, unread.</summary>
    internal static async Task<Results<Ok<VerificationResponse>, ValidationProblem, ProblemHttpResult>> VerifyAsync(HttpRequest request,
        CertificateIssuer issuer)
    {
        var upload = await CertificateUpload.ReadAsync(request);
        return upload.Failure switch
        {
            UploadFailure.None => TypedResults.Ok(VerificationResponse.From(await issuer.VerifyAsync(upload.Pdf!))),
            UploadFailure.TooLarge => Problems.TooLarge(upload.Field, upload.Detail!),
            UploadFailure.Malformed => Problems.Field(upload.Field, upload.Detail!),
            _ => Problems.Field(upload.Field,
                $"请上传不超过 {CertificateUpload.MaxText} 的证书 PDF，作为表单文件或请求体 (send the certificate PDF, up to {CertificateUpload.MaxText}, as a form file or as the body)"),
        };
    }

    /// <summary>Revokes, and answers with the register entry as it now stands.</summary>
    internal static async Task<Results<Ok<CertificateResponse>, ProblemHttpResult>> RevokeAsync(
        string number, RevokeRequest body, IGrainFactory grains, CertificateReads ledger, ReportingClock clock, ClaimsPrincipal user)
    {
        var outcome = await grains.GetGrain<ICertificateRegisterGrain>(RegisterKeys.Register).RevokeAsync(number, body.Reason!.Trim(),
            user.RequiredCaller());
        return outcome.Status switch
        {
            RevokeStatus.Unknown => NotFound(number),
            RevokeStatus.AlreadyRevoked => Problems.Conflict("number", $"证书 {number} 已于 {outcome.At:yyyy-MM-dd} 吊销 (already revoked)"),
            _ => TypedResults.Ok(CertificateResponse.From((await ledger.FindAsync(number))!, await ledger.FindRevocationAsync(number), clock)),
        };
    }

    internal static async Task<Results<Accepted<BatchView>, ProblemHttpResult>> StartBatchAsync(BatchRequest body, IGrainFactory grains,
        IOptions<CarbonOptions> options, ClaimsPrincipal user)
    {
        if (options.Value.IssuingRefusal is { } refusal)
        {
            return Problems.Conflict(CarbonOptions.PublicBaseUrlKey, refusal);
        }
        var id = Guid.NewGuid().ToString("N");
        var view = await grains.GetGrain<ICertificateBatchGrain>(id).StartAsync(body.EvaluationId!, user.RequiredCaller());
        return view is null
            ? Problems.NotFound("evaluationId", $"无此评价记录 {body.EvaluationId} (no evaluation run)")
            : TypedResults.Accepted($"/api/certificate-batches/{id}", view);
    }

    internal static async Task<Results<Ok<BatchView>, ProblemHttpResult>> BatchAsync(string id, IGrainFactory grains)
    {
        var view = id.Length == 32 && id.All(Uri.IsHexDigit) ? await grains.GetGrain<ICertificateBatchGrain>(id).GetAsync() : null;
        return view is null ? Problems.NotFound("id", $"无此批次 {id} (no batch)") : TypedResults.Ok(view);
    }

    private static ProblemHttpResult NotFound(string number) => Problems.NotFound("number", $"登记簿中无证书 {number} (no certificate {number})");
}
