using System.Security.Cryptography;
using Carbon.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Certificates;

/// <summary>
/// The service's certificate key: ECDSA P-256, created on first start (PKCS#8 PEM) and kept thereafter. It signs the
/// SHA-256 of each issued PDF; anyone can check a signature with the public key at GET /api/certificates/public-key.
/// The file is created readable by the service user only (0600, in a 0700 folder it creates), atomically: written
/// under a temporary name created 0600 and renamed, so no other user can ever read it and no reader sees half a key.
/// A key file that others may read stops the service. It lives at <c>Carbon:Certificates:KeyPath</c> — by default
/// <c>{DataDirectory}/keys</c>; in production outside the data directory (docs/security.md). Several machines share
/// one key file.
/// <para>Rotation (<c>rotate-signing-key</c>, docs/operations.md): the old key's public half goes to <c>retired/</c> beside
/// the key file and a new key takes its place; certificates signed before still verify against the retired keys, which
/// are published too (GET /api/certificates/public-keys). The old private half is not kept: nothing needs it.</para>
/// </summary>
public sealed class CertificateSigner : IDisposable
{
    private readonly ECDsa _key;
    private readonly List<(string Fingerprint, ECDsa Key, string Pem)> _retired = [];

    /// <summary>Owner read and write: the key file.</summary>
    public const UnixFileMode KeyFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner only: a folder the service creates for the key.</summary>
    public const UnixFileMode KeyFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public CertificateSigner(IOptions<CarbonOptions> options, ILogger<CertificateSigner> log)
    {
        var path = options.Value.CertificateKeyPath;
        _key = ECDsa.Create();
        if (File.Exists(path))
        {
            RefuseIfOthersCanRead(path);
            _key.ImportFromPem(File.ReadAllText(path));
            if (_key.KeySize != 256)
            {
                throw new InvalidOperationException($"{path}: the certificate key must be ECDSA P-256, found {_key.KeySize} bits");
            }
        }
        else
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            if (!CreateKeyFile(path, _key.ExportPkcs8PrivateKeyPem()))
            {
                // Another silo sharing the key path created it first: use that one.
                _key.ImportFromPem(File.ReadAllText(path));
            }
            else
            {
                // A fresh key on a first start is expected, not a problem: information, with what to do about it.
                log.LogInformation("Created a new certificate signing key at {Path}; back it up: certificates signed with it verify only against it", path);
            }
        }
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
        Fingerprint = FingerprintOf(_key);
        foreach (var file in RetiredKeyFiles(path))
        {
            var key = ECDsa.Create();
            key.ImportFromPem(File.ReadAllText(file));
            _retired.Add((FingerprintOf(key), key, key.ExportSubjectPublicKeyInfoPem()));
        }
    }

    /// <summary>The public halves of the keys this one replaced, one PEM file each (named by fingerprint).</summary>
    private static IEnumerable<string> RetiredKeyFiles(string keyPath)
    {
        var folder = RetiredFolder(keyPath);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.pem").Order(StringComparer.Ordinal) : [];
    }

    private static string RetiredFolder(string keyPath) => Path.Combine(Path.GetDirectoryName(keyPath)!, "retired");

    /// <summary>SHA-256 of the key's SubjectPublicKeyInfo (DER), lower-case hex: the name a key is known by.</summary>
    public static string FingerprintOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>
    /// Retires the key at <paramref name="keyPath"/> (its public half to <c>retired/{fingerprint}.pem</c>) and puts a new one
    /// in its place. Run with every process stopped: a running one would go on signing with the old key. Safe to repeat
    /// after a crash: the public half is written before the key is replaced, and the key is replaced by one rename.
    /// </summary>
    public static (string Retired, string Current) Rotate(string keyPath)
    {
        if (!File.Exists(keyPath))
        {
            throw new InvalidOperationException($"there is no signing key at {keyPath} to rotate");
        }
        RefuseIfOthersCanRead(keyPath);
        using var old = ECDsa.Create();
        old.ImportFromPem(File.ReadAllText(keyPath));
        var retired = FingerprintOf(old);
        Directory.CreateDirectory(RetiredFolder(keyPath));
        File.WriteAllText(Path.Combine(RetiredFolder(keyPath), retired + ".pem"), old.ExportSubjectPublicKeyInfoPem());

        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        WriteKeyFile(keyPath, fresh.ExportPkcs8PrivateKeyPem(), overwrite: true);
        return (retired, FingerprintOf(fresh));
    }

    /// <summary>Writes the key under a temporary name created 0600, then renames it into place; false if a key got there first.</summary>
    private static bool CreateKeyFile(string path, string pem) => WriteKeyFile(path, pem, overwrite: false);

    private static bool WriteKeyFile(string path, string pem, bool overwrite)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, KeyFolderMode);
        }
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = KeyFileMode;
        }
        try
        {
            using (var file = new FileStream(temporary, create))
            {
                file.Write(System.Text.Encoding.ASCII.GetBytes(pem));
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A private key others can read is no longer the district's alone: the service does not start on it.</summary>
    private static void RefuseIfOthersCanRead(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        const UnixFileMode Others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                    | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & Others) != 0)
        {
            throw new StartupRefusedException(
                $"{CarbonOptions.Section}:Certificates:KeyPath: the certificate signing key {path} may be read by other users " +
                $"(mode {Convert.ToString((int)mode, 8)}); make it readable by the service user only: chmod 600 {path}");
        }
    }

    /// <summary>The public key (SubjectPublicKeyInfo, PEM).</summary>
    public string PublicKeyPem { get; }

    /// <summary>The current key's fingerprint (<see cref="FingerprintOf"/>).</summary>
    public string Fingerprint { get; }

    /// <summary>Every key a certificate may have been signed with: the current one first, then the retired ones.</summary>
    public IReadOnlyList<SigningKey> Keys =>
        [new(Fingerprint, PublicKeyPem, SigningKeyState.Current), .. _retired.Select(r => new SigningKey(r.Fingerprint, r.Pem, SigningKeyState.Retired))];

    /// <summary>The SHA-256 of a PDF, lower-case hex.</summary>
    public static string Sha256(ReadOnlySpan<byte> pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));

    /// <summary>ECDSA P-256 over SHA-256 of the PDF, DER-encoded (RFC 3279), base64.</summary>
    public string Sign(ReadOnlySpan<byte> pdf) =>
        Convert.ToBase64String(_key.SignData(pdf, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    /// <summary>True when the current key or a retired one made <paramref name="signature"/> over <paramref name="pdf"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> pdf, string signature)
    {
        byte[] der;
        try
        {
            der = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        if (_key.VerifyData(pdf, der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            return true;
        }
        foreach (var (_, key, _) in _retired)
        {
            if (key.VerifyData(pdf, der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            {
                return true;
            }
        }
        return false;
    }

    public void Dispose()
    {
        _key.Dispose();
        foreach (var (_, key, _) in _retired)
        {
            key.Dispose();
        }
    }
}

/// <summary>A public key certificates are verified with: its fingerprint (SHA-256 of the DER SubjectPublicKeyInfo), PEM, and whether it still signs.</summary>
public sealed record SigningKey(string Fingerprint, string Pem, SigningKeyState State);

/// <summary>当前 (signs new certificates) or 已停用 (verifies those signed before a rotation).</summary>
public enum SigningKeyState
{
    Current,
    Retired,
}
