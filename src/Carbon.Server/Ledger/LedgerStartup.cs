using Carbon.Domain.Factors;
using Carbon.Server.Demo;
using Carbon.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Ledger;

/// <summary>
/// Before the silo starts: load and validate the factors (a bad file stops the service), create or upgrade the
/// ledger with EF Core migrations, and seed the demo district if asked.
/// </summary>
public sealed class LedgerStartup(
    IServiceProvider services, IOptions<CarbonOptions> options, ILedgerContextFactory contexts, ILogger<LedgerStartup> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var factors = services.GetRequiredService<FactorSet>();
        log.LogInformation("Factor set {Version}: {Count} factors from {Path}", factors.Version, factors.Factors.Count, o.FactorsPath);
        var methods = services.GetRequiredService<Factors.MethodCatalog>();
        log.LogInformation("亩均 methods: {Methods}", string.Join(", ", methods.Methods.Values.Select(m => m.Version)));
        var plans = services.GetRequiredService<IReadOnlyList<Factors.TargetPlan>>();
        log.LogInformation("Plan targets: {Plans}", string.Join(", ", plans.Select(p => $"{p.Id} ({p.Targets.Count})")));

        if (!o.Database.IsPostgres)
        {
            Directory.CreateDirectory(o.DataPath);
        }
        await using (var db = contexts.Create())
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL is a property of the file: set once, it stays. Readers never block the writer.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
        }
        log.LogInformation("Ledger ready ({Provider}) in {Path}", o.Database.Provider, o.DataPath);

        if (o.Demo)
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
