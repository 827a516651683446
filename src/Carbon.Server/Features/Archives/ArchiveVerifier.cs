using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Carbon.Server.Certificates;

namespace Carbon.Server.Features.Archives;

/// <summary>What checking an archive found: valid, or the file that is not as the manifest says, and why.</summary>
public sealed record ArchiveCheck(bool Valid, string? File, string Message, ArchiveManifest? Manifest, string? KeyFingerprint)
{
    public static ArchiveCheck Invalid(string file, string message) => new(false, file, message, null, null);
}

/// <summary>
/// Checks an archive offline against public keys from outside it: manifest.sig over manifest.json's exact bytes by one of
/// the keys (current or retired: any key given), then every listed file's length and SHA-256, and that nothing is missing
/// or extra.
/// </summary>
public static class ArchiveVerifier
{
    /// <summary>Every PUBLIC KEY block of a PEM text (a file may hold the current key and the retired ones).</summary>
    public static List<ECDsa> ReadPublicKeys(string pem)
    {
        var keys = new List<ECDsa>();
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var block = rest[fields.Location];
            if (rest[fields.Label].SequenceEqual("PUBLIC KEY"))
            {
                var key = ECDsa.Create();
                key.ImportFromPem(block);
                keys.Add(key);
            }
            rest = rest[fields.Location.End..];
        }
        return keys;
    }

    /// <summary>The fingerprint as written by people: hex, any case, colons or spaces between bytes allowed.</summary>
    public static string NormalizeFingerprint(string text) =>
        new string(text.Where(c => !char.IsWhiteSpace(c) && c != ':').ToArray()).ToLowerInvariant();

    public static ArchiveCheck Verify(Stream archive, IReadOnlyList<ECDsa> keys)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
        }
        catch (InvalidDataException e)
        {
            return ArchiveCheck.Invalid("(archive)", $"不是有效的 zip 文件 (not a readable zip): {e.Message}");
        }
        using (zip)
        {
            var duplicate = zip.Entries.GroupBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                return ArchiveCheck.Invalid(duplicate.Key, "归档中有同名的两个文件 (the archive holds two files of this name)");
            }
            var entries = zip.Entries.ToDictionary(e => e.FullName, StringComparer.Ordinal);
            if (!entries.TryGetValue(ArchiveManifest.FileName, out var manifestEntry))
            {
                return ArchiveCheck.Invalid(ArchiveManifest.FileName, "缺少清单 (missing)");
            }
            if (!entries.TryGetValue(ArchiveManifest.SignatureFile, out var signatureEntry))
            {
                return ArchiveCheck.Invalid(ArchiveManifest.SignatureFile, "缺少清单签名 (missing)");
            }
            byte[] manifestBytes, signature;
            try
            {
                manifestBytes = ReadAll(manifestEntry);
                signature = ReadAll(signatureEntry);
            }
            catch (InvalidDataException e)
            {
                return ArchiveCheck.Invalid(ArchiveManifest.FileName, $"无法读取 (unreadable): {e.Message}");
            }
            var signer = keys.FirstOrDefault(k => k.VerifyData(manifestBytes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            if (signer is null)
            {
                return ArchiveCheck.Invalid(ArchiveManifest.SignatureFile,
                    "签名不符：清单被改动，或不是由所给公钥签名 (the signature does not verify: manifest.json was changed, or another key signed it)");
            }
            var fingerprint = CertificateSigner.FingerprintOf(signer);
            ArchiveManifest? manifest;
            try
            {
                manifest = ArchiveManifest.Parse(manifestBytes);
            }
            catch (JsonException e)
            {
                return ArchiveCheck.Invalid(ArchiveManifest.FileName, $"清单格式错误 (not a manifest): {e.Message}");
            }
            if (manifest?.Files is null || manifest.Format != ArchiveManifest.CurrentFormat)
            {
                return ArchiveCheck.Invalid(ArchiveManifest.FileName, $"不是 {ArchiveManifest.CurrentFormat} 清单 (not a manifest of this format)");
            }
            if (NormalizeFingerprint(manifest.SigningKeyFingerprint ?? "") != fingerprint)
            {
                return ArchiveCheck.Invalid(ArchiveManifest.FileName, $"清单所称密钥 {manifest.SigningKeyFingerprint} 与签名密钥 {fingerprint} 不同 (names another key than the one that signed it)");
            }
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in manifest.Files)
            {
                if (!listed.Add(file.Name) || file.Name is ArchiveManifest.FileName or ArchiveManifest.SignatureFile)
                {
                    return ArchiveCheck.Invalid(file.Name, "清单重复列出此文件 (listed twice)");
                }
                if (!entries.TryGetValue(file.Name, out var entry))
                {
                    return ArchiveCheck.Invalid(file.Name, "清单列出的文件缺失 (listed in the manifest, missing from the archive)");
                }
                long length;
                string sha;
                try
                {
                    (length, sha) = Measure(entry);
                }
                catch (InvalidDataException e)
                {
                    return ArchiveCheck.Invalid(file.Name, $"文件已损坏 (damaged, cannot be read): {e.Message}");
                }
                if (length != file.Length)
                {
                    return ArchiveCheck.Invalid(file.Name, $"字节数 {length}，清单为 {file.Length} (length differs from the manifest)");
                }
                if (!string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    return ArchiveCheck.Invalid(file.Name, $"SHA-256 {sha}，清单为 {file.Sha256} (the content was changed)");
                }
            }
            var extra = entries.Keys.Where(n => !listed.Contains(n) && n is not (ArchiveManifest.FileName or ArchiveManifest.SignatureFile))
                .Order(StringComparer.Ordinal).FirstOrDefault();
            if (extra is not null)
            {
                return ArchiveCheck.Invalid(extra, "清单之外的文件 (a file the manifest does not list)");
            }
            return new ArchiveCheck(true, null, $"归档有效 (archive valid): {manifest.Year} 年度, {manifest.Files.Count} 个文件 files, " +
                $"生成于 created {manifest.CreatedAt.ToOffset(Configuration.ReportingClock.Offset):yyyy-MM-dd HH:mm:ss zzz} by {manifest.CreatedBy}", manifest, fingerprint);
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static (long Length, string Sha256) Measure(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer.AsSpan(0, read));
            length += read;
        }
        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
