using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;

namespace Carbon.Server.Features.Web;

/// <summary>
/// Evidence files sent with a page's form (a supervision or a rectification case): each non-empty file of a field, at most
/// 10 MB with a plain name, stored through the case's grain; the hashes the step then cites, or why one was refused.
/// </summary>
public static class FormEvidence
{
    public static async Task<(string[]? Hashes, string? Refusal)> StoreAsync(HttpRequest request, string field,
        Func<string, string, byte[], Task<EvidenceView?>> attach)
    {
        // Every file is checked before any is stored: one refused file leaves none of the others behind.
        var files = new List<(string Name, string ContentType, byte[] Content)>();
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        foreach (var file in form?.Files.GetFiles(field) ?? [])
        {
            if (file.Length == 0)
            {
                continue;
            }
            var name = Path.GetFileName(file.FileName);
            if (file.Length > EvidenceUpload.MaxBytes || Domain.PlainText.Problem(name, false) is not null || name.Length > 200)
            {
                return (null, $"{name}：证据文件须不超过 10 MB、文件名为不超过200字符的普通文本 (at most 10 MB, a plain file name)");
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            files.Add((name, CertificateUpload.SafeContentType(file.ContentType), buffer.ToArray()));
        }
        var hashes = new List<string>();
        foreach (var (name, type, content) in files)
        {
            if (await attach(name, type, content) is not { } stored)
            {
                return (null, "未能保存证据 (the file was refused)");
            }
            hashes.Add(stored.Sha256);
        }
        return (hashes.ToArray(), null);
    }
}
