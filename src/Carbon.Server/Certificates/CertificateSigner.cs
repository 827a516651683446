using System.Security.Cryptography;
using Carbon.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Certificates;

/// <summary>
/// The service's certificate key: ECDSA P-256, created on first start in the data directory (PKCS#8 PEM, readable by
/// the service user only) and kept thereafter. It signs the SHA-256 of each issued PDF; anyone can check a signature
/// with the public key at GET /api/certificates/public-key. Several machines must share one key file
/// (<c>Carbon:Certificates:KeyPath</c>).
/// </summary>
public sealed class CertificateSigner : IDisposable
{
    private readonly ECDsa _key;

    public CertificateSigner(IOptions<CarbonOptions> options, ILogger<CertificateSigner> log)
    {
        var path = options.Value.CertificateKeyPath;
        _key = ECDsa.Create();
        if (File.Exists(path))
        {
            _key.ImportFromPem(File.ReadAllText(path));
            if (_key.KeySize != 256)
            {
                throw new InvalidOperationException($"{path}: the certificate key must be ECDSA P-256, found {_key.KeySize} bits");
            }
        }
        else
        {
            _key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, _key.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            log.LogWarning("Created a new certificate signing key at {Path}; back it up: certificates signed with it verify only against it", path);
        }
        PublicKeyPem = _key.ExportSubjectPublicKeyInfoPem();
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
