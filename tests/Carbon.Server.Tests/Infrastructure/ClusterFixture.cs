using Carbon.Server.Configuration;
using Carbon.Server.Hosting;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>An in-process Orleans cluster (one silo) with the real ledger on a temporary SQLite file.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
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
        var builder = new InProcessTestClusterBuilder(1);
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

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
