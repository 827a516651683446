using Microsoft.AspNetCore.Http.Features;

namespace Carbon.Server.Http;

/// <summary>What reading an upload gave: the bytes (and the form file's name), or which field failed and how.</summary>
public sealed record Upload(byte[]? Pdf, string Field, UploadFailure Failure, string? Detail = null, string? FileName = null, string? ContentType = null);

public enum UploadFailure
{
    None,
    /// <summary>Larger than <see cref="CertificateUpload.MaxBytes"/>: refused (413) without reading the rest.</summary>
    TooLarge,
    /// <summary>A multipart body that cannot be parsed (400).</summary>
    Malformed,
    /// <summary>No file, or an empty one (400).</summary>
    Missing,
}

/// <summary>
/// A certificate PDF sent for verification, as a form file or as the raw body: read up to <see cref="MaxBytes"/> and
/// no further. A body that says it is larger is refused before a byte of it is read; one that does not say (chunked)
/// is refused as soon as it passes the limit, so a large or endless upload costs at most 2 MiB of memory or disk.
/// </summary>
public static class CertificateUpload
{
    /// <summary>
    /// 2 MiB: the certificates this service issues are under 200 KB (a page or two of text with a subset of one
    /// font and a QR code), so ten times that is room for any of them, a multipart envelope included; Kestrel's default
    /// of 30 MB would let one anonymous request hold 30 MB.
    /// </summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The limit as people say it, for messages.</summary>
    public const string MaxText = "2 MiB";

    public static string TooLargeMessage =>
        $"证书 PDF 不超过 {MaxText}，本次上传更大，未予读取 (a certificate PDF is at most {MaxText}; this upload is larger and was not read)";

    /// <summary>The PDF: the form's <paramref name="formField"/> (or its first file when null), else the raw body.</summary>
    public static Task<Upload> ReadAsync(HttpRequest request, string? formField = null) => ReadAsync(request, formField, MaxBytes, TooLargeMessage);

    /// <summary>Any upload the same way, up to <paramref name="maxBytes"/> (an import file).</summary>
    public static async Task<Upload> ReadAsync(HttpRequest request, string? formField, int maxBytes, string tooLargeMessage)
    {
        var field = request.HasFormContentType ? "file" : "body";
        if (request.ContentLength > maxBytes)
        {
            return new Upload(null, field, UploadFailure.TooLarge, tooLargeMessage);
        }
        // Kestrel stops the body at the limit itself; the capped stream does it for any server (and the test host).
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
        request.Body = new CappedStream(request.Body, maxBytes);
        try
        {
            byte[] pdf;
            string? name = null;
            string? type = null;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                var file = formField is null ? form.Files.FirstOrDefault() : form.Files.GetFile(formField);
                if (file is null || file.Length == 0)
                {
                    return new Upload(null, field, UploadFailure.Missing);
                }
                using var copy = new MemoryStream((int)file.Length);
                await file.CopyToAsync(copy, request.HttpContext.RequestAborted);
                pdf = copy.ToArray();
                name = Path.GetFileName(file.FileName);
                type = SafeContentType(file.ContentType);
            }
            else
            {
                using var copy = new MemoryStream();
                await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
                pdf = copy.ToArray();
            }
            return pdf.Length == 0 ? new Upload(null, field, UploadFailure.Missing) : new Upload(pdf, field, UploadFailure.None, FileName: name, ContentType: type);
        }
        catch (Exception e) when (e is CappedStream.LimitExceededException
                                  || (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }))
        {
            return new Upload(null, field, UploadFailure.TooLarge, tooLargeMessage);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return new Upload(null, field, UploadFailure.Malformed, $"表单无法解析：{e.Message} (the multipart form could not be read)");
        }
    }

    /// <summary>
    /// A part's content type as it may be stored and sent back in a header: printable ASCII that parses as a media type, at
    /// most 100 characters; anything else is application/octet-stream (a header with other characters makes the server
    /// fail when it answers the download).
    /// </summary>
    public static string SafeContentType(string? type) =>
        type is { Length: > 0 and <= 100 } t && t.All(c => c is >= ' ' and <= '~')
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(t, out _)
            ? t
            : "application/octet-stream";

    /// <summary>A read-only view of a stream that throws once more than <c>limit</c> bytes have been read from it.</summary>
    private sealed class CappedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public sealed class LimitExceededException() : IOException("the request body is larger than the limit");

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new LimitExceededException() : read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
