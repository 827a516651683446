using System.Security.Cryptography;
using Carbon.Server.Certificates;
using Carbon.Server.Features.Archives;

namespace Carbon.Server.Hosting;

/// <summary>
/// <c>dotnet run --project src/Carbon.Server -- verify-archive &lt;zip&gt; [--public-key &lt;pem&gt;] [--fingerprint &lt;hex&gt;]</c>:
/// checks a year's archive offline (<see cref="ArchiveVerifier"/>). The key must come from outside the archive: a PEM file
/// (current or retired key; several keys in one file are each tried), or the fingerprint of the key the archive carries.
/// Needs no configuration, no ledger and no network.
/// </summary>
public static class ArchiveVerifyCommand
{
    public const string Name = "verify-archive";

    public const int Valid = 0, Invalid = 1, Usage = 2, NoOutsideKey = 3;

    private const string Synopsis = "usage: verify-archive <archive.zip> [--public-key <public-key.pem>] [--fingerprint <sha256-hex>]";

    /// <summary>0 valid; 1 invalid (the file named on standard error); 2 usage; 3 no key from outside the archive.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? archive = null, keyFile = null, fingerprint = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--public-key" or "--fingerprint":
                    var value = inline ?? (i + 1 < args.Length ? args[++i] : null);
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return Fail(error, Usage, $"{name} 需要一个值 (needs a value)\n{Synopsis}");
                    }
                    if (name == "--public-key") keyFile = value; else fingerprint = ArchiveVerifier.NormalizeFingerprint(value);
                    break;
                case "-h" or "--help":
                    output.WriteLine(Synopsis);
                    return Usage;
                default:
                    if (name.StartsWith('-') || archive is not null)
                    {
                        return Fail(error, Usage, $"不认识的参数 (unexpected argument) {args[i]}\n{Synopsis}");
                    }
                    archive = name;
                    break;
            }
        }
        if (archive is null)
        {
            return Fail(error, Usage, Synopsis);
        }
        if (!File.Exists(archive))
        {
            return Fail(error, Usage, $"找不到归档 (no such file) {archive}");
        }
        if (fingerprint is not null && (fingerprint.Length != 64 || !fingerprint.All(char.IsAsciiHexDigit)))
        {
            return Fail(error, Usage, "--fingerprint 应为 64 位十六进制的 SHA-256 (a SHA-256 in hex, as /api/certificates/public-keys lists it)");
        }

        List<ECDsa> keys;
        try
        {
            if (keyFile is not null)
            {
                if (!File.Exists(keyFile))
                {
                    return Fail(error, Usage, $"找不到公钥文件 (no such file) {keyFile}");
                }
                keys = ArchiveVerifier.ReadPublicKeys(File.ReadAllText(keyFile));
                if (keys.Count == 0)
                {
                    return Fail(error, Usage, $"{keyFile} 中没有 PUBLIC KEY (no PEM public key in it)");
                }
                if (fingerprint is not null && !keys.Any(k => CertificateSigner.FingerprintOf(k) == fingerprint))
                {
                    return Fail(error, Usage, $"{keyFile} 中没有指纹为 {fingerprint} 的公钥 (no key of that fingerprint in it)");
                }
            }
            else if (fingerprint is not null)
            {
                // The archive's own key, but only because its fingerprint is the one the caller brought from outside.
                keys = ArchiveVerifier.ReadPublicKeys(IncludedKey(archive) ?? "");
                if (!keys.Any(k => CertificateSigner.FingerprintOf(k) == fingerprint))
                {
                    return Fail(error, Invalid, $"{ArchiveManifest.PublicKeyFile}: 归档内的公钥不是指纹为 {fingerprint} 的公钥 (the key in the archive is not the one you named)");
                }
            }
            else
            {
                return Fail(error, NoOutsideKey, "没有外部公钥：归档内的公钥不能证明任何事 (no outside key — a key inside the archive proves nothing). " +
                    "Give --public-key <pem> (GET /api/certificates/public-keys) or --fingerprint <hex>.");
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Fail(error, Usage, $"无法读取公钥 (cannot read the key): {e.Message}");
        }

        try
        {
            using var stream = File.OpenRead(archive);
            var check = ArchiveVerifier.Verify(stream, keys);
            if (!check.Valid)
            {
                return Fail(error, Invalid, $"归档无效 (archive invalid): {check.File}: {check.Message}");
            }
            output.WriteLine(check.Message);
            output.WriteLine($"  签名密钥 signing key {check.KeyFingerprint}");
            return Valid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, Usage, $"无法读取归档 (cannot read the archive): {e.Message}");
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }
    }

    private static string? IncludedKey(string archive)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(archive);
            if (zip.GetEntry(ArchiveManifest.PublicKeyFile) is not { } entry)
            {
                return null;
            }
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static int Fail(TextWriter error, int code, string message)
    {
        error.WriteLine(message);
        return code;
    }
}
