using Carbon.Server.Configuration;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// Demo data that goes through the grains (so it is on the ledger like anything a person does): seeded once the service
/// has started and the silo serves grains, in demo mode only. A failure is logged, never fatal: the demo still runs.
/// </summary>
public abstract class DemoSeedAfterStart(IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, ILogger log) : IHostedService
{
    /// <summary>What this seed adds, for the log ("the green-factory applications").</summary>
    protected abstract string What { get; }

    /// <summary>Adds the demo data unless the ledger already holds some of its kind.</summary>
    protected abstract Task SeedAsync();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Demo)
        {
            lifetime.ApplicationStarted.Register(() => _ = RunAsync());
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync()
    {
        try
        {
            await SeedAsync();
        }
        catch (Exception e)
        {
            log.LogWarning(e, "--demo: {What} could not be seeded", What);
        }
    }
}
