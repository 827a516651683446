using System.Security.Cryptography;

namespace Carbon.Server.Grains;

/// <summary>
/// A file as a case or a request stores it: 1 byte to 10 MB, named by its SHA-256 (lowercase hex), with a plain file name
/// cut to 200 characters and a content type of at most 100 (longer: application/octet-stream), as the ledger's columns hold them.
/// </summary>
internal readonly record struct StoredFile(string Sha256, string Name, string ContentType)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>The file's identity and names, or null when it is empty or larger than <see cref="MaxBytes"/>.</summary>
    public static StoredFile? Of(string fileName, string contentType, byte[] content)
    {
        if (content.Length is 0 or > MaxBytes)
        {
            return null;
        }
        var name = Path.GetFileName(fileName.Trim());
        return new StoredFile(Convert.ToHexStringLower(SHA256.HashData(content)), name.Length > 200 ? name[..200] : name,
            contentType.Length is 0 or > 100 ? "application/octet-stream" : contentType);
    }
}
