using System.Net;
using System.Security.Cryptography.X509Certificates;
using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>
/// A plain Orleans client (Microsoft.Orleans.Client, static clustering) pointed at one port, trying one state-changing
/// grain call: registering an enterprise, claiming to be a district official (a caller is a grain argument: whoever
/// reaches a grain says who they are). What an attacker on the machine or the network would try first.
/// </summary>
public static class OrleansProbe
{
    /// <summary>
    /// How long a connection attempt and the call may take in all. A client that is refused keeps retrying until then; one
    /// that is let in is through within a second or two (the gateway test shows it).
    /// </summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>Null when the call got through (the firm was registered); otherwise why it did not.</summary>
    public static async Task<string?> TryRegisterAsync(int port, Uscc uscc, Action<TlsOptions>? tls = null, X509Certificate2? certificate = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, port));
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("carbon", "carbon"));
            if (certificate is not null)
            {
                client.UseTls(certificate, tls ?? (_ => { }));
            }
        });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(Bound);
        try
        {
            await host.StartAsync(timeout.Token);
            var grain = host.Services.GetRequiredService<IClusterClient>().GetGrain<IEnterpriseGrain>(uscc.Value);
            var status = await grain.RegisterAsync(new EnterpriseProfile(uscc, "探测企业", "机械装备", null, null, "above", 1m, null, null),
                    Caller.Of("probe", Role.DistrictOfficial))
                .WaitAsync(timeout.Token);
            return status == RegistrationStatus.Registered ? null : $"the grain answered {status}";
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            try
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await host.StopAsync(stop.Token);
            }
            catch (Exception)
            {
                // a client that never connected may not stop cleanly; it is disposed either way
            }
        }
    }
}
