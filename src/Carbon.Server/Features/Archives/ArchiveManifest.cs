using System.Text.Encodings.Web;
using System.Text.Json;

namespace Carbon.Server.Features.Archives;

/// <summary>
/// manifest.json of a year's archive (年度归档清单): every other file's name, byte length and SHA-256, the year, when and by
/// whom it was made, and the fingerprint of the key whose signature is manifest.sig. manifest.sig is ECDSA P-256 over
/// SHA-256 of manifest.json's exact bytes, DER (RFC 3279), by the certificate signing key.
/// </summary>
public sealed record ArchiveManifest(
    string Format,
    int Year,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string SigningKeyFingerprint,
    string SignatureAlgorithm,
    IReadOnlyList<ArchiveFile> Files)
{
    public const string CurrentFormat = "carbon-archive/1";
    public const string Algorithm = "ECDSA P-256, SHA-256, DER (RFC 3279) over the exact bytes of manifest.json";
    public const string FileName = "manifest.json";
    public const string SignatureFile = "manifest.sig";
    public const string PublicKeyFile = "public-key.pem";
    public const string ReadmeFile = "README.txt";

    /// <summary>camelCase, indented, Chinese kept as written (it is a file, not HTML).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One record per line: the same naming, no indentation.</summary>
    public static readonly JsonSerializerOptions Lines = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static ArchiveManifest? Parse(byte[] bytes) => JsonSerializer.Deserialize<ArchiveManifest>(bytes, Json);
}

/// <summary>A file of the archive: its path inside the zip, length in bytes, SHA-256 (lower-case hex), and records for a JSONL file.</summary>
public sealed record ArchiveFile(string Name, long Length, string Sha256, long? Records);
