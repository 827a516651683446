using System.Net;
using System.Net.Http.Headers;
using Carbon.Server.Http;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Carbon.Server.Tests;

/// <summary>
/// Certificate verification takes at most 2 MiB: a larger upload is a 413 problem, refused without being read to
/// the end (an endless upload costs the service 2 MiB at most); a malformed one is a 400, never a 500.
/// </summary>
public class UploadLimitTests : OwnService
{
    /// <summary>Far more than any certificate: what a client trying to exhaust memory would send.</summary>
    private const long Huge = 64L * 1024 * 1024;

    [Theory]
    [InlineData("/api/certificates/verify", true)]
    [InlineData("/api/certificates/verify", false)]
    [InlineData("/verify", true)]
    [InlineData("/verify", false)]
    public async Task A_huge_upload_is_a_413_problem(string path, bool saysItsLength)
    {
        // (The test host pumps the whole request body whatever the service reads; how much the service reads is shown
        // below on the upload reader itself and through Kestrel.)
        using var body = new EndlessPdf(Huge);
        var response = await Http.PostAsync(path, Upload(path, body, saysItsLength));
        var message = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, path == "/verify" ? "file" : "body");
        Assert.Contains("2 MiB", message);
        Assert.Contains("413", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_upload_reader_stops_at_the_limit_of_a_body_that_does_not_say_its_length(bool multipart)
    {
        using var body = new EndlessPdf(Huge);
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = multipart ? "multipart/form-data; boundary=b" : "application/pdf";
        http.Request.Body = multipart
            ? new ConcatenatedStream("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"u8.ToArray(), body)
            : body;

        var upload = await CertificateUpload.ReadAsync(http.Request, multipart ? "file" : null);

        Assert.Equal(UploadFailure.TooLarge, upload.Failure);
        Assert.Equal(multipart ? "file" : "body", upload.Field);
        Assert.True(body.BytesRead <= CertificateUpload.MaxBytes + 256 * 1024, $"read {body.BytesRead} bytes of a {Huge}-byte upload");
    }

    [Fact]
    public async Task A_form_file_just_over_the_limit_is_a_413_and_a_browser_gets_a_page()
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[CertificateUpload.MaxBytes + 1]), "file", "big.pdf" } };
        await (await Http.PostAsync("/api/certificates/verify", form)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "file");

        var request = new HttpRequestMessage(HttpMethod.Post, "/verify")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(new byte[CertificateUpload.MaxBytes + 1]), "file", "big.pdf" } },
        };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var page = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2 MiB", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_under_the_limit_is_checked_and_malformed_forms_stay_400()
    {
        var pdf = new ByteArrayContent("%PDF-1.7 not a certificate"u8.ToArray());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var unknown = await (await Http.PostAsync("/api/certificates/verify", pdf)).JsonAsync();
        Assert.Equal("unknown", unknown["result"]!.GetValue<string>());

        foreach (var path in new[] { "/api/certificates/verify", "/verify" })
        {
            var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF", System.Text.Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            var response = await Http.PostAsync(path, content);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task Through_Kestrel_a_body_that_says_it_is_too_large_is_refused_before_a_byte_is_sent()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path);
        app.UseKestrel(0);
        app.StartServer();
        using var client = app.CreateClient();

        // What curl does with a large body: announce it and wait for 100 Continue, which never comes.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"POST /api/certificates/verify HTTP/1.1\r\nHost: {client.BaseAddress.Authority}\r\nContent-Type: application/pdf\r\n" +
            $"Content-Length: {Huge}\r\nExpect: 100-continue\r\n\r\n"));
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var status = await reader.ReadLineAsync(timeout.Token);
        Assert.StartsWith("HTTP/1.1 413", status);
        var head = new List<string>();
        for (var line = await reader.ReadLineAsync(timeout.Token); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(timeout.Token))
        {
            head.Add(line);
        }
        Assert.Contains(head, h => h.StartsWith("Content-Type: application/problem+json", StringComparison.OrdinalIgnoreCase));
    }

    private static HttpContent Upload(string path, EndlessPdf body, bool saysItsLength)
    {
        var content = new StreamContent(body, 64 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        if (saysItsLength)
        {
            content.Headers.ContentLength = body.Length;
        }
        if (path != "/verify")
        {
            return content;
        }
        var form = new MultipartFormDataContent { { content, "file", "big.pdf" } };
        if (!saysItsLength)
        {
            form.Headers.ContentLength = null;
        }
        return form;
    }

    /// <summary>A prefix and then another stream, read through once.</summary>
    private sealed class ConcatenatedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_at < prefix.Length)
            {
                var n = Math.Min(count, prefix.Length - _at);
                prefix.AsSpan(_at, n).CopyTo(buffer.AsSpan(offset));
                _at += n;
                return n;
            }
            return rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A PDF-looking stream of <c>length</c> bytes made as it is read, counting how much was read.</summary>
    private sealed class EndlessPdf(long length) : Stream
    {
        private long _read;

        public long BytesRead => Interlocked.Read(ref _read);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)'%');
            Interlocked.Add(ref _read, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
