using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Http;

/// <summary>An evidence file as uploaded: its plain file name, a content type safe to send back, and its bytes.</summary>
public sealed record EvidenceFile(string Name, string ContentType, byte[] Content);

/// <summary>
/// One evidence file from a multipart form (a supervision or a rectification case): at most 10 MB, read through the capped
/// reader (<see cref="CertificateUpload"/>), with a plain file name of at most 200 characters. Anything else is a problem
/// naming the form's field — never an exception.
/// </summary>
public static class EvidenceUpload
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public static async Task<(EvidenceFile? File, (string Field, string Message, bool TooLarge)? Problem)> ReadAsync(HttpRequest request)
    {
        var upload = await CertificateUpload.ReadAsync(request, null, MaxBytes, "证据文件须为 1 字节至 10 MB (1 byte .. 10 MB)");
        switch (upload.Failure)
        {
            case UploadFailure.TooLarge:
                return (null, ("file", upload.Detail!, true));
            case UploadFailure.Malformed:
                return (null, ("file", upload.Detail!, false));
            case UploadFailure.Missing:
                return (null, ("file", "请以 multipart/form-data 上传一个文件 (one file, multipart/form-data)", false));
        }
        var name = upload.FileName ?? "";
        if (!request.HasFormContentType || string.IsNullOrWhiteSpace(name) || name.Length > 200 || Domain.PlainText.Problem(name, false) is not null)
        {
            return (null, ("file", "请以 multipart/form-data 上传文件，文件名须为不超过200字符的普通文本 (a form file with a plain name of at most 200 characters)", false));
        }
        return (new EvidenceFile(name, upload.ContentType ?? "application/octet-stream", upload.Pdf!), null);
    }

    /// <summary>
    /// The upload endpoint of a case or request: the file read from the form (a 400 or 413 naming the field when it is
    /// not one), handed to the grain that stores it; 201 at its location, or <paramref name="refused"/> when the grain would not.
    /// </summary>
    public static async Task<Results<Created<T>, ProblemHttpResult, ValidationProblem>> AttachAsync<T>(HttpRequest request,
        Func<EvidenceFile, Task<T?>> attach, Func<T, string> location, Func<ProblemHttpResult> refused) where T : class
    {
        var (file, problem) = await ReadAsync(request);
        if (problem is { } p)
        {
            return p.TooLarge ? Problems.TooLarge(p.Field, p.Message) : Problems.Field(p.Field, p.Message);
        }
        return await attach(file!) is { } view ? TypedResults.Created(location(view), view) : refused();
    }
}
