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
/// </summary>
public sealed class CertificateSigner : IDisposable
{
    private readonly ECDsa _key;

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
                log.LogWarning("Created a new certificate signing key at {Path}; back it up: certificates signed with it verify only against it", path);
            }
        }
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>Writes the key under a temporary name created 0600, then renames it into place; false if a key got there first.</summary>
    private static bool CreateKeyFile(string path, string pem)
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
            File.Move(temporary, path, overwrite: false);
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

    /// <summary>The SHA-256 of a PDF, lower-case hex.</summary>
    public static string Sha256(ReadOnlySpan<byte> pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));

    /// <summary>ECDSA P-256 over SHA-256 of the PDF, DER-encoded (RFC 3279), base64.</summary>
    public string Sign(ReadOnlySpan<byte> pdf) =>
        Convert.ToBase64String(_key.SignData(pdf, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public bool Verify(ReadOnlySpan<byte> pdf, string signature)
    {
        try
        {
            return _key.VerifyData(pdf, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();
}
