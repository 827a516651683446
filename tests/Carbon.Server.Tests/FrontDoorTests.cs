using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Carbon.Domain.Registry;
using Carbon.Server.Hosting;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// No path around the front door: the HTTP endpoints validate every request, so no other port of the service may let
/// a grain be called. An Orleans client is pointed at every port the running service listens on.
/// </summary>
public class FrontDoorTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [LinuxFact]
    public async Task No_port_of_the_running_service_lets_an_Orleans_client_call_a_grain()
    {
        using var data = new TempFolder();
        var siloPort = FreePort.Next();
        await using var service = await ServiceProcess.StartAsync(data.Path, "--Carbon:Silo:SiloPort", siloPort.ToString());

        var listening = service.ListeningSockets();
        // The HTTP port and the silo-to-silo port, both on loopback; no gateway.
        Assert.Equal(new[] { service.HttpPort, siloPort }.Order(), listening.Select(e => e.Port).Distinct().Order());
        Assert.All(listening, e => Assert.True(IPAddress.IsLoopback(e.Address), $"{e} is not a loopback address"));

        // Every port at once, each within the probe's bound: a refusal, a failed handshake or no answer at all.
        var probes = await Task.WhenAll(listening.Select(e => e.Port).Distinct().Select(async port =>
        {
            var uscc = Uscc.Parse(TestUscc.Next());
            var started = System.Diagnostics.Stopwatch.StartNew();
            var refused = await OrleansProbe.TryRegisterAsync(port, uscc);
            output.WriteLine($"port {port}: {refused ?? "got through"} ({started.ElapsedMilliseconds} ms)");
            return (port, uscc, refused);
        }));
        foreach (var (port, uscc, refused) in probes)
        {
            Assert.True(refused is not null, $"an Orleans client registered {uscc} through port {port}");
            Assert.False(service.LedgerHasEnterprise(uscc.Value), $"{uscc} reached the ledger through port {port}");
        }
    }

    [LinuxFact]
    public async Task A_gateway_opens_only_when_configured_and_then_on_loopback()
    {
        // The control for the test above: the same probe does get through a gateway, so its refusals mean something.
        using var data = new TempFolder();
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        await using var service = await ServiceProcess.StartAsync(data.Path,
            "--Carbon:Silo:SiloPort", siloPort.ToString(), "--Carbon:Silo:GatewayPort", gatewayPort.ToString());

        var listening = service.ListeningSockets();
        Assert.Equal(new[] { service.HttpPort, siloPort, gatewayPort }.Order(), listening.Select(e => e.Port).Distinct().Order());
        Assert.All(listening, e => Assert.True(IPAddress.IsLoopback(e.Address), $"{e} is not a loopback address"));

        var uscc = Uscc.Parse(TestUscc.Next());
        Assert.Null(await OrleansProbe.TryRegisterAsync(gatewayPort, uscc));
        Assert.True(service.LedgerHasEnterprise(uscc.Value));
    }

    [Fact]
    public async Task With_silo_TLS_the_gateway_takes_only_a_client_holding_the_cluster_certificate()
    {
        using var folder = new TempFolder();
        var cluster = SelfSigned("carbon-silo");
        var certificatePath = Path.Combine(folder.Path, "silo.pem");
        var keyPath = Path.Combine(folder.Path, "silo.key");
        await File.WriteAllTextAsync(certificatePath, cluster.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, cluster.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var gatewayPort = FreePort.Next();
        await using var app = new CarbonApp(Path.Combine(folder.Path, "data"), settings: new Dictionary<string, string?>
        {
            ["Carbon:Silo:GatewayPort"] = gatewayPort.ToString(),
            ["Carbon:Silo:Tls:CertificatePath"] = certificatePath,
            ["Carbon:Silo:Tls:KeyPath"] = keyPath,
        });
        var http = await app.OfficialAsync();

        var (plain, stranger) = (Uscc.Parse(TestUscc.Next()), Uscc.Parse(TestUscc.Next()));
        var other = SelfSigned("carbon-silo");
        var refused = await Task.WhenAll(
            OrleansProbe.TryRegisterAsync(gatewayPort, plain),
            OrleansProbe.TryRegisterAsync(gatewayPort, stranger, o => SiloEndpoints.ClusterTls(o, cluster), other));
        output.WriteLine($"without TLS: {refused[0]}; with another certificate: {refused[1]}");
        Assert.All(refused, Assert.NotNull);
        var member = Uscc.Parse(TestUscc.Next());
        Assert.Null(await OrleansProbe.TryRegisterAsync(gatewayPort, member, o => SiloEndpoints.ClusterTls(o, cluster), cluster));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/enterprises/{plain}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/enterprises/{stranger}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/enterprises/{member}")).StatusCode);
    }

    [Fact]
    public async Task Cluster_mode_without_silo_TLS_does_not_start()
    {
        // Several silos talk over the network: without TLS any host that reaches the silo port could pose as one.
        using var data = new TempFolder();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(data.Path,
            "--Carbon:Database:Provider", "postgres", "--Carbon:Database:ConnectionString", "Host=127.0.0.1;Username=nobody;Database=none",
            "--Carbon:Silo:SiloPort", FreePort.Next().ToString()));
        Assert.Contains("exited with 2", failure.Message);
        Assert.Contains("Carbon:Silo:Tls:CertificatePath", failure.Message);
    }

    private static X509Certificate2 SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var subjectNames = new SubjectAlternativeNameBuilder();
        subjectNames.AddDnsName(name);
        request.CertificateExtensions.Add(subjectNames.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Through PEM and back, as the service loads it.
        return X509Certificate2.CreateFromPem(made.ExportCertificatePem(), made.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }
}
