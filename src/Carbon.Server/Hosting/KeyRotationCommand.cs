using System.Security.Cryptography;
using Carbon.Server.Certificates;
using Carbon.Server.Configuration;

namespace Carbon.Server.Hosting;

/// <summary>
/// <c>dotnet run --project src/Carbon.Server -- rotate-signing-key [--Carbon:…=…]</c>: retires the certificate signing key
/// named by the configuration (appsettings, environment, command line, as the service reads them) and makes a new one
/// (<see cref="CertificateSigner.Rotate"/>). Every process sharing the key must be stopped first, and started after.
/// </summary>
public static class KeyRotationCommand
{
    public const string Name = "rotate-signing-key";

    /// <summary>0 when rotated; 1 with the reason on standard error when not.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(CarbonOptions.Section).Get<CarbonOptions>() ?? new CarbonOptions();
        var path = options.CertificateKeyPath;
        try
        {
            var (retired, current) = CertificateSigner.Rotate(path);
            output.WriteLine($"签名密钥已轮换 (signing key rotated): {path}");
            output.WriteLine($"  retired  {retired}  (public half kept in {Path.Combine(Path.GetDirectoryName(path)!, "retired")})");
            output.WriteLine($"  current  {current}");
            output.WriteLine("Back up the new key file now; certificates signed before still verify against the retired key.");
            return 0;
        }
        catch (Exception e) when (e is StartupRefusedException or InvalidOperationException or IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            error.WriteLine($"签名密钥未轮换 (the signing key was not rotated): {e.Message}");
            return 1;
        }
    }
}
