using Carbon.Server.Certificates;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Hosting;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Certificates;

public static class CertificateEndpoints
{
    /// <summary>The largest PDF accepted for verification (certificates are under 200 KB).</summary>
    public const int MaxUpload = 5 * 1024 * 1024;

    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/certificates").WithTags("Certificates 证书");
        group.MapPost("/", IssueAsync).WithName("IssueCertificate")
            .WithSummary("出具证书 Issue a green-factory certificate, a 亩均 notice or an annual energy and carbon report (signed PDF)");
        group.MapGet("/", ListAsync).WithName("ListCertificates").WithSummary("证书登记簿 The register, filtered by kind and firm");
        group.MapGet("/public-key", PublicKey).WithName("CertificatePublicKey")
            .WithSummary("验签公钥 The ECDSA P-256 public key (PEM) that checks every certificate's signature");
        group.MapPost("/verify", VerifyAsync).WithName("VerifyCertificate").Accepts<IFormFile>("multipart/form-data", "application/pdf")
            .WithSummary("核验证书 Upload a PDF: valid, altered, revoked or unknown").DisableAntiforgery();
        group.MapPost("/batches", StartBatchAsync).WithName("StartCertificateBatch")
            .WithSummary("批量出具 Issue the 亩均 notices of a whole evaluation run; progress at the returned location");
        group.MapGet("/batches/{id}", BatchAsync).WithName("CertificateBatch").WithSummary("批量进度 Progress of a batch");
        group.MapGet("/{number}", PdfAsync).WithName("GetCertificatePdf").WithSummary("证书 PDF The issued PDF");
        group.MapGet("/{number}/status", StatusAsync).WithName("CertificateStatus")
            .WithSummary("证书状态 What the QR code opens: the register entry and whether it is valid, revoked or expired");
        group.MapPost("/{number}/revoke", RevokeAsync).WithName("RevokeCertificate").WithSummary("吊销 Revoke with a reason");
        return app;
    }

    internal static async Task<Results<Created<CertificateDto>, ValidationProblem, ProblemHttpResult>> IssueAsync(
        IssueRequest body, IssueRequestValidator validator, CertificateService service, ReportingClock clock, HttpContext http)
    {
        var result = await validator.ValidateAsync(body);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var issued = await service.IssueAsync(body.Kind!, body.Uscc!, body.Year, body.EvaluationId, body.ApplicationId, Actor.Of(http));
        if (issued.Certificate is not { } c)
        {
            var p = issued.Problem!;
            return p.NotFound ? Problems.NotFound(p.Field, p.Message) : Problems.Conflict(p.Field, p.Message);
        }
        return TypedResults.Created($"/api/certificates/{c.Number}", Dto(c, null, clock));
    }

    internal static async Task<Ok<CertificateDto[]>> ListAsync(string? kind, string? uscc, LedgerReader ledger, ReportingClock clock) =>
        TypedResults.Ok((await ledger.ListCertificatesAsync(kind, uscc)).Select(r => Dto(r.Certificate, r.Revocation, clock)).ToArray());

    internal static IResult PublicKey(CertificateSigner signer) => Results.Text(signer.PublicKeyPem, "application/x-pem-file");

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PdfAsync(string number, LedgerReader ledger)
    {
        var c = await ledger.FindCertificateAsync(number);
        return c is null ? NotFound(number) : TypedResults.File(c.Pdf, "application/pdf", $"{c.Number}.pdf");
    }

    internal static async Task<Results<Ok<CertificateDto>, ProblemHttpResult>> StatusAsync(string number, LedgerReader ledger, ReportingClock clock)
    {
        var c = await ledger.FindCertificateAsync(number);
        return c is null ? NotFound(number) : TypedResults.Ok(Dto(c, await ledger.FindRevocationAsync(number), clock));
    }

    internal static async Task<Results<Ok<VerificationDto>, ValidationProblem>> VerifyAsync(HttpRequest request, CertificateService service)
    {
        byte[] pdf;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var file = form.Files.FirstOrDefault();
            if (file is null || file.Length == 0)
            {
                return Problems.Field("file", "请上传证书 PDF 文件 (upload the certificate PDF as a form file)");
            }
            if (file.Length > MaxUpload)
            {
                return Problems.Field("file", $"文件超过 {MaxUpload / 1024 / 1024} MB (file too large)");
            }
            using var ms = new MemoryStream();
            await file.CopyToAsync(ms);
            pdf = ms.ToArray();
        }
        else
        {
            using var ms = new MemoryStream();
            await request.Body.CopyToAsync(ms);
            if (ms.Length == 0 || ms.Length > MaxUpload)
            {
                return Problems.Field("body", "请以 application/pdf 上传证书 (send the PDF as the body, or as a multipart form file)");
            }
            pdf = ms.ToArray();
        }
        var (result, c, revocation, sha) = await service.VerifyAsync(pdf);
        var explanation = result switch
        {
            VerificationResult.Valid => "与登记簿中出具的文件逐字节一致，签名有效 (identical to the issued file; signature checks out)",
            VerificationResult.Altered => "文件与出具时不一致，已被改动 (the file differs from the one issued)",
            VerificationResult.Revoked => $"证书已于 {revocation!.At:yyyy-MM-dd} 吊销: {revocation.Reason} (revoked)",
            _ => "登记簿中无此证书 (no such certificate in the register)",
        };
        return TypedResults.Ok(new VerificationDto(result.ToString().ToLowerInvariant(), c?.Number, sha, c?.Sha256, c?.Kind, c?.Uscc,
            c?.IssuedAt, c?.ValidUntil, revocation?.At, revocation?.Reason, explanation));
    }

    internal static async Task<Results<Ok<RevokeOutcome>, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        string number, RevokeRequest body, RevokeRequestValidator validator, IGrainFactory grains, HttpContext http)
    {
        var result = await validator.ValidateAsync(body);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var outcome = await grains.GetGrain<ICertificateRegisterGrain>(RegisterKeys.Register).RevokeAsync(number, body.Reason!.Trim(), Actor.Of(http));
        return outcome.Status switch
        {
            RevokeStatus.Unknown => NotFound(number),
            RevokeStatus.AlreadyRevoked => Problems.Conflict("number", $"证书 {number} 已于 {outcome.At:yyyy-MM-dd} 吊销 (already revoked)"),
            _ => TypedResults.Ok(outcome),
        };
    }

    internal static async Task<Results<Accepted<BatchView>, ValidationProblem, ProblemHttpResult>> StartBatchAsync(
        BatchRequest body, BatchRequestValidator validator, IGrainFactory grains, HttpContext http)
    {
        var result = await validator.ValidateAsync(body);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var id = Guid.NewGuid().ToString("N");
        var view = await grains.GetGrain<ICertificateBatchGrain>(id).StartAsync(body.EvaluationId!, Actor.Of(http));
        return view is null
            ? Problems.NotFound("evaluationId", $"无此评价记录 {body.EvaluationId} (no evaluation run)")
            : TypedResults.Accepted($"/api/certificates/batches/{id}", view);
    }

    internal static async Task<Results<Ok<BatchView>, ProblemHttpResult>> BatchAsync(string id, IGrainFactory grains)
    {
        var view = id.Length == 32 && id.All(Uri.IsHexDigit) ? await grains.GetGrain<ICertificateBatchGrain>(id).GetAsync() : null;
        return view is null ? Problems.NotFound("id", $"无此批次 {id} (no batch)") : TypedResults.Ok(view);
    }

    /// <summary>A register entry with its status today (China Standard Time): valid, expired or revoked.</summary>
    public static CertificateDto Dto(CertificateRecord c, CertificateRevocationRecord? r, ReportingClock clock) =>
        new(c.Number, c.Kind, CertificateKinds.ChineseName(c.Kind), c.Uscc, c.Year, c.SourceId, c.IssuedAt, c.ValidUntil, c.IssuedBy,
            c.Sha256, c.Signature, r is not null ? "revoked" : c.ValidUntil is { } v && v < DateOnly.FromDateTime(clock.Now.DateTime) ? "expired" : "valid",
            r?.At, r?.Reason, $"/api/certificates/{c.Number}");

    private static ProblemHttpResult NotFound(string number) => Problems.NotFound("number", $"登记簿中无证书 {number} (no certificate {number})");
}
