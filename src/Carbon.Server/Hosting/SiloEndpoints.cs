using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Carbon.Server.Configuration;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace Carbon.Server.Hosting;

/// <summary>
/// Where the co-hosted silo listens. The HTTP endpoints are the front door: they call grains inside this process, so
/// the silo needs no client gateway, and none is opened unless <c>Carbon:Silo:GatewayPort</c> asks for one. With one
/// silo (localhost clustering) the silo port listens on 127.0.0.1 only; with several (adonet clustering) it listens on
/// the host's address and every connection is mutual TLS with the cluster certificate.
/// </summary>
public static class SiloEndpoints
{
    public static ISiloBuilder UseCarbonEndpoints(this ISiloBuilder silo, CarbonOptions options)
    {
        var ports = options.Silo;
        if (options.UsesAdoNetClustering)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.Database.ConnectionString;
            });
            // The daily run's reminder survives the loss of the silo that holds it (IDailyRunGrain).
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = options.Database.ConnectionString;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ports.ClusterId;
                o.ServiceId = ports.ServiceId;
            });
            silo.ConfigureEndpoints(ports.SiloPort, ports.GatewayPort);
        }
        else
        {
            silo.UseInMemoryReminderService();   // one silo: the reminder is registered again at every start
            silo.UseLocalhostClustering(ports.SiloPort, ports.GatewayPort, serviceId: ports.ServiceId, clusterId: ports.ClusterId);
            // Said outright rather than left to the default listening address: one silo listens on loopback only.
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, ports.SiloPort);
                o.GatewayListeningEndpoint = ports.OpensGateway ? new IPEndPoint(IPAddress.Loopback, ports.GatewayPort) : null;
            });
        }
        if (ports.Tls.Enabled)
        {
            var certificate = LoadCertificate(ports.Tls);
            silo.UseTls(certificate, o => ClusterTls(o, certificate));
        }
        // Membership and the watchdog measure durations with timestamps that count from the silo's start, not the
        // machine's boot (see SiloStartTimestamps).
        silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Membership,
            (sp, _) => new SiloStartTimestamps(sp.GetRequiredService<TimeProvider>()));
        return silo;
    }

    /// <summary>
    /// Mutual TLS pinned to the cluster certificate: each side must present it, whatever CA issued it (a certificate
    /// from a public CA alone proves nothing about being a silo of this cluster).
    /// </summary>
    public static void ClusterTls(TlsOptions options, X509Certificate2 certificate)
    {
        var pinned = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) =>
            string.Equals(remote.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The cluster certificate and its private key (PEM); a file that is missing or unreadable stops the service.</summary>
    public static X509Certificate2 LoadCertificate(SiloTlsOptions tls)
    {
        var (key, path) = tls.KeyPath is null
            ? ("Silo:Tls:CertificatePath", tls.CertificatePath!)
            : ("Silo:Tls:KeyPath", tls.KeyPath);
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(tls.CertificatePath!, tls.KeyPath);
            return certificate.HasPrivateKey
                ? certificate
                : throw new CryptographicException("the certificate has no private key");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new OptionsValidationException(CarbonOptions.Section, typeof(CarbonOptions),
                [$"{CarbonOptions.Section}:{key}: the silo's TLS certificate ({tls.CertificatePath}{(tls.KeyPath is null ? "" : ", key " + tls.KeyPath)}) " +
                 $"cannot be loaded from {path}: {e.Message}"]);
        }
    }
}
