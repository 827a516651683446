using Carbon.Domain.Factors;
using Carbon.Server.Configuration;
using Carbon.Server.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Carbon.Server.Hosting;

/// <summary>
/// 健康检查 (health): <c>/health/live</c> answers while the process can serve HTTP at all (restart it when it does not);
/// <c>/health/ready</c> answers 200 only when a request can be served — the ledger reachable with every migration
/// applied, the factor files loaded, and this silo active in the cluster and answering a grain call. A load balancer
/// sends traffic on ready, an orchestrator restarts on live. Both are anonymous, cheap and not rate limited: they say
/// nothing about anyone's data.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live", ReadyPath = "/health/ready";

    /// <summary>How long the grain round trip may take before the silo counts as not serving.</summary>
    public static readonly TimeSpan GrainCallTimeout = TimeSpan.FromSeconds(3);

    private const string Ready = "ready";

    public static IServiceCollection AddCarbonHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<LedgerHealthCheck>("ledger", tags: [Ready])
            .AddCheck<FactorsHealthCheck>("factors", tags: [Ready])
            .AddCheck<SiloHealthCheck>("silo", tags: [Ready]);
        return services;
    }

    public static WebApplication MapCarbonHealth(this WebApplication app)
    {
        app.MapGet(LivePath, () => Results.Json(new HealthReportBody("healthy", [])))
            .DisableRateLimiting().ExcludeFromDescription();
        app.MapGet(ReadyPath, async (HealthCheckService health, CancellationToken cancel) =>
            {
                var report = await health.CheckHealthAsync(c => c.Tags.Contains(Ready), cancel);
                var body = new HealthReportBody(Token(report.Status), report.Entries
                    .Select(e => new HealthCheckBody(e.Key, Token(e.Value.Status), e.Value.Description,
                        e.Value.Data.Count == 0 ? null : e.Value.Data.ToDictionary(d => d.Key, d => d.Value.ToString() ?? "")))
                    .ToArray());
                return Results.Json(body, statusCode: report.Status == HealthStatus.Healthy
                    ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .DisableRateLimiting().ExcludeFromDescription();
        return app;
    }

    private static string Token(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

/// <summary>The answer of a health endpoint: the overall status and each check's (kebab-case words, as everywhere on the wire).</summary>
public sealed record HealthReportBody(string Status, HealthCheckBody[] Checks);

public sealed record HealthCheckBody(string Name, string Status, string? Description, Dictionary<string, string>? Data);

/// <summary>
/// The ledger answers and its schema is this release's: every migration applied. For SQLite the file must exist where it
/// was opened at start: a connection never creates an empty ledger in its place (a moved or deleted data folder is
/// unready, not a fresh start).
/// </summary>
public sealed class LedgerHealthCheck(ILedgerContextFactory contexts, IOptions<CarbonOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        try
        {
            if (!o.Database.IsPostgres && LedgerServices.SqliteFilePath(o) is { } file && !File.Exists(file))
            {
                return HealthCheckResult.Unhealthy($"台账文件不存在 (the ledger file is missing): {file}");
            }
            await using var db = contexts.Create();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"台账无法连接 (the ledger does not answer): {o.Database.Provider}");
            }
            // One read of the migration history (GetPendingMigrationsAsync would read it again).
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
            var pending = db.Database.GetMigrations().Except(applied, StringComparer.Ordinal).ToList();
            if (pending.Count > 0)
            {
                return HealthCheckResult.Unhealthy($"台账有未应用的迁移 (migrations not applied): {string.Join(", ", pending)}");
            }
            return HealthCheckResult.Healthy($"台账可用 (the ledger answers): {o.Database.Provider}",
                new Dictionary<string, object> { ["provider"] = o.Database.Provider, ["migration"] = applied.LastOrDefault() ?? "" });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"台账无法连接 (the ledger does not answer): {e.GetType().Name}: {e.Message}");
        }
    }
}

/// <summary>The factor set and rule files were loaded and validated at start (a bad file stops the service before this).</summary>
public sealed class FactorsHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var factors = services.GetRequiredService<FactorSet>();
            return Task.FromResult(HealthCheckResult.Healthy($"因子集 (factor set) {factors.Version}",
                new Dictionary<string, object> { ["factor-set"] = factors.Version, ["factors"] = factors.Factors.Count }));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"因子文件未载入 (factor files not loaded): {e.Message}"));
        }
    }
}

/// <summary>
/// This silo is active in the cluster's membership and a grain call comes back: before the silo has joined, while it
/// shuts down, or when it was declared dead, the answer is unready.
/// </summary>
public sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"本节点未在集群中服务 (this silo is not active): {status}");
        }
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Health.GrainCallTimeout, cancellationToken);
            return HealthCheckResult.Healthy($"节点服务中 (the silo serves grains): {hosts.Count} 个活动节点 (active silos)",
                new Dictionary<string, object> { ["silo"] = local.SiloAddress.ToString(), ["active-silos"] = hosts.Count });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"节点未应答 (no answer from a grain call): {e.GetType().Name}: {e.Message}");
        }
    }
}
