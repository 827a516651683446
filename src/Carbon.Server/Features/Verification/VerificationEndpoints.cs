using Carbon.Server.Configuration;
using Carbon.Server.Features.Certificates;
using Carbon.Server.Grains;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Verification;

/// <summary>
/// The pages a certificate's QR code and printed link open, for people rather than programs: <c>GET /verify/{number}</c>
/// shows the register entry and where it stands; <c>POST /verify</c> checks an uploaded PDF. Plain HTML, no script,
/// outside /api and outside the API document; the JSON stays at <c>/api/certificates/{number}/status</c>.
/// </summary>
public static class VerificationEndpoints
{
    public static IEndpointRouteBuilder MapVerification(this IEndpointRouteBuilder app)
    {
        app.MapGet("/verify", Form).ExcludeFromDescription();
        app.MapGet("/verify/{number}", CertificateAsync).ExcludeFromDescription();
        app.MapPost("/verify", CheckAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    /// <summary>Just the upload form.</summary>
    internal static ContentHttpResult Form(HttpResponse response) => Html(response, VerificationPages.Form(), StatusCodes.Status200OK);

    /// <summary>The certificate as the register holds it today; a page saying it is unknown (404) if it is not there.</summary>
    internal static async Task<ContentHttpResult> CertificateAsync(string number, CertificateReads ledger, ReportingClock clock,
        HttpResponse response)
    {
        var certificate = await ledger.FindEntryAsync(number);
        return certificate is null
            ? Html(response, VerificationPages.Unknown(number), StatusCodes.Status404NotFound)
            : Html(response, VerificationPages.Certificate(certificate, clock), StatusCodes.Status200OK);
    }

    /// <summary>
    /// Checks the form's file against the register (the same check as POST /api/certificates/verify). A file over
    /// 2 MiB is a 413, unread: a page for a browser, problem details for a program.
    /// </summary>
    internal static async Task<IResult> CheckAsync(HttpRequest request, CertificateIssuer issuer, CertificateReads ledger,
        ReportingClock clock)
    {
        var response = request.HttpContext.Response;
        var upload = await CertificateUpload.ReadAsync(request, "file");
        if (upload.Failure == UploadFailure.TooLarge)
        {
            return AcceptsHtml(request)
                ? Html(response, VerificationPages.TooLarge(), StatusCodes.Status413PayloadTooLarge)
                : Problems.TooLarge("file", upload.Detail!);
        }
        if (upload.Pdf is null || !request.HasFormContentType)
        {
            // No file, an empty one, or a malformed multipart body: answered like a form without a file.
            return Html(response, VerificationPages.NoFile(), StatusCodes.Status400BadRequest);
        }
        var verification = await issuer.VerifyAsync(upload.Pdf);
        var entry = verification.Certificate is { } c ? await ledger.FindEntryAsync(c.Number) : null;
        return Html(response, VerificationPages.Checked(VerificationResponse.From(verification), entry, clock), StatusCodes.Status200OK);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>An HTML answer that is never cached: a certificate's status can change (a revocation) at any time.</summary>
    private static ContentHttpResult Html(HttpResponse response, string html, int status)
    {
        response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
