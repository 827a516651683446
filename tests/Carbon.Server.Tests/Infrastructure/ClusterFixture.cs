using Carbon.Server.Configuration;
using Carbon.Server.Hosting;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>An in-process Orleans cluster (one silo) with the real ledger on a temporary SQLite file.</summary>
public class ClusterFixture : IAsyncLifetime
{
    /// <summary>How many silos the cluster starts with; they share the one ledger, as the silos of a deployment share PostgreSQL.</summary>
    protected virtual int SiloCount => 1;

    private readonly TempFolder _folder = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's ledger, for asserting against the one source of truth.</summary>
    public ILedgerContextFactory Ledger => Cluster.GetSiloServiceProvider().GetRequiredService<ILedgerContextFactory>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Carbon:DataDirectory"] = _folder.Path,
                ["Carbon:PublicBaseUrl"] = CarbonApp.PublicBaseUrl,
            })
            .Build();
        var builder = new InProcessTestClusterBuilder((short)SiloCount);
        builder.ConfigureSilo((_, silo) => silo.Services.AddCarbonCore(configuration));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>Two silos on one ledger: grains land on either, so aggregation crosses silos, and one can be killed.</summary>
public sealed class TwoSiloFixture : ClusterFixture
{
    protected override int SiloCount => 2;
}

[CollectionDefinition(Name)]
public sealed class TwoSiloCollection : ICollectionFixture<TwoSiloFixture>
{
    public const string Name = "two silos";
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
