using Carbon.Domain.Factors;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

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
        // Every data file is validated before anything starts; all problems of all files are reported together.
        var problems = new List<string>();
        T? Load<T>() where T : class
        {
            try
            {
                return services.GetRequiredService<T>();
            }
            catch (Factors.FactorLoadException e)
            {
                problems.AddRange(e.Problems);
                return null;
            }
        }
        var factors = Load<FactorSet>();
        var methods = Load<Factors.MethodCatalog>();
        var plans = Load<IReadOnlyList<Factors.TargetPlan>>();
        var greenFactory = Load<Factors.GreenFactoryCatalog>();
        var supervision = Load<Factors.SupervisionCatalog>();
        var intake = Load<Factors.IntakeCatalog>();
        var warnings = Load<Factors.WarningCatalog>();
        var clusters = plans is null ? null : Load<Factors.ClusterCatalog>();   // names its plan: read once the plans are
        if (problems.Count > 0)
        {
            throw new Factors.FactorLoadException(problems);
        }
        log.LogInformation("Factor set {Version}: {Count} factors from {Path}", factors!.Version, factors.Factors.Count, o.FactorsPath);
        log.LogInformation("亩均 methods: {Methods}", string.Join(", ", methods!.Methods.Values.Select(m => m.Version)));
        log.LogInformation("Plan targets: {Plans}", string.Join(", ", plans!.Select(p => $"{p.Id} ({p.Targets.Count}, {clusters!.For(p.Id).Count} clusters)")));
        log.LogInformation("Green-factory rule sets: {Sets}", string.Join(", ", greenFactory!.RuleSets.Values.Select(s => s.Rules.Version)));
        log.LogInformation("Supervision rules: {Quotas} quotas, {Items} phased-out items, {Rates} metering rates ({Standard})",
            supervision!.Rules.Quotas.Count, supervision.Rules.PhasedOut.Count, supervision.Rules.MeteringRates.Count, supervision.Rules.MeteringStandard);
        log.LogInformation("Form 205-1: {Rows} rows, {Carriers} filed as carriers ({Status})",
            intake!.Form2051.Items.Count, intake.Form2051.Items.Count(i => i.Carrier is not null), intake.Form2051File.Status);
        log.LogInformation("Warnings: filings due on day {Day}, jump ±{Jump:P0}, barometer target fall {Fall:P1} ({Status})",
            warnings!.Rules.FilingDeadlineDay, warnings.Rules.Jump, warnings.AnnualIntensityFall, warnings.File.Status);

        if (!o.Database.IsPostgres)
        {
            LedgerServices.PrepareSqliteFiles(o);
            services.GetRequiredService<ServiceDataLock>().Take(o);
        }
        await using (var db = contexts.Create())
        {
            await RefuseNewerLedgerAsync(db, o, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL is a property of the file: set once, it stays. Readers never block the writer.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }
        }
        log.LogInformation("Ledger ready ({Provider}) in {Path}", o.Database.Provider, o.DataPath);
        if (o.UsesAdoNetClustering)
        {
            var applied = await OrleansSchema.ApplyAsync(o.Database.ConnectionString!, cancellationToken);
            log.LogInformation("Orleans cluster tables ready{Applied}", applied.Count == 0 ? "" : " (created: " + string.Join(", ", applied) + ")");
        }
        services.GetRequiredService<Certificates.CertificateSigner>();   // creates the signing key on first start
        if (o.IssuingRefusal is { } refusal)
        {
            log.LogWarning("Certificates will not be issued: {Reason}", refusal);
        }

        if (o.Demo)
        {
            await services.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A ledger that has a migration this release does not know was written by a newer release: migrating it "back" is not
    /// possible and reading it could misread columns, so the service stops with what to do instead.
    /// </summary>
    public static async Task RefuseNewerLedgerAsync(LedgerDbContext db, CarbonOptions options, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new StartupRefusedException(
                $"台账由更新版本的 Carbon 写入，本版本不能打开 (the ledger in {(options.Database.IsPostgres ? "the PostgreSQL database" : options.DataPath)} " +
                $"was written by a newer release of Carbon: its migration(s) {string.Join(", ", unknown)} are unknown to this release, " +
                $"whose last is {known.Order(StringComparer.Ordinal).LastOrDefault()}). Start the newer release again, or restore a backup " +
                "made before the upgrade (docs/operations.md, Upgrades).");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
