using System.Data.Common;
using Carbon.Server.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Carbon.Server.Ledger;

/// <summary>Creates a ledger context for the configured provider; one context per unit of work.</summary>
public interface ILedgerContextFactory
{
    LedgerDbContext Create();
}

public static class LedgerServices
{
    /// <summary>The SQLite ledger file inside the data directory.</summary>
    public const string SqliteFile = "carbon.db";

    public static IServiceCollection AddLedger(this IServiceCollection services, CarbonOptions options)
    {
        if (options.Database.IsPostgres)
        {
            var cs = options.Database.ConnectionString!;
            services.AddDbContextFactory<PostgresLedgerDbContext>(o => o.UseNpgsql(cs));
            services.AddSingleton<ILedgerContextFactory>(sp =>
                new Factory<PostgresLedgerDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresLedgerDbContext>>()));
        }
        else
        {
            var cs = SqliteConnectionString(options);
            services.AddDbContextFactory<SqliteLedgerDbContext>(o => o
                .UseSqlite(cs)
                .AddInterceptors(new SqlitePragmas()));
            services.AddSingleton<ILedgerContextFactory>(sp =>
                new Factory<SqliteLedgerDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteLedgerDbContext>>()));
        }
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<RegistryReads>();
        services.AddSingleton<EvaluationReads>();
        services.AddSingleton<GreenFactoryReads>();
        services.AddSingleton<CertificateReads>();
        return services;
    }

    public static string SqliteConnectionString(CarbonOptions options) =>
        options.Database.ConnectionString
        ?? $"Data Source={Path.Combine(options.DataPath, SqliteFile)};Pooling=True;Foreign Keys=True";

    private sealed class Factory<T>(IDbContextFactory<T> inner) : ILedgerContextFactory where T : LedgerDbContext
    {
        public LedgerDbContext Create() => inner.CreateDbContext();
    }

    /// <summary>
    /// Every SQLite connection waits for the lock rather than failing, and commits durably:
    /// WAL with synchronous=FULL fsyncs each commit, so an acknowledged filing survives a power cut.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            cmd.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
