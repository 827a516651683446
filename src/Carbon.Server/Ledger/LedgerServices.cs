using System.Data.Common;
using Carbon.Server.Configuration;
using Microsoft.Data.Sqlite;
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
        services.AddSingleton<ServiceDataLock>();
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<RegistryReads>();
        services.AddSingleton<EvaluationReads>();
        services.AddSingleton<GreenFactoryReads>();
        services.AddSingleton<SupervisionReads>();
        services.AddSingleton<IntakeReads>();
        services.AddSingleton<WarningReads>();
        services.AddSingleton<LandReads>();
        services.AddSingleton<ProgrammeReads>();
        services.AddSingleton<PolicyReads>();
        services.AddSingleton<PlanReads>();
        services.AddSingleton<CertificateReads>();
        services.AddSingleton<ArchiveReads>();
        return services;
    }

    /// <summary>Owner only: the data directory, when the service creates it.</summary>
    public const UnixFileMode DataFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Owner read and write: the SQLite ledger; SQLite gives its -wal and -shm files the database file's mode.</summary>
    public const UnixFileMode LedgerFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Before the first connection: the data directory (0700 when created here) and an empty ledger file created 0600,
    /// so the filings are never readable by another user of the machine, not even between creation and a chmod.
    /// </summary>
    public static void PrepareSqliteFiles(CarbonOptions options)
    {
        var file = new SqliteConnectionStringBuilder(SqliteConnectionString(options)).DataSource;
        var folders = new[] { options.DataPath, file is "" or ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(file)) };
        foreach (var folder in folders.OfType<string>().Where(f => f.Length > 0))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, DataFolderMode);
            }
        }
        if (file is "" or ":memory:" || File.Exists(file) || OperatingSystem.IsWindows())
        {
            return;
        }
        try
        {
            // SQLite takes an empty file as an empty database.
            using var _ = new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = LedgerFileMode,
            });
        }
        catch (IOException) when (File.Exists(file))
        {
            // created meanwhile: it is the ledger
        }
    }

    /// <summary>The SQLite ledger's file (absolute), or null for an in-memory database.</summary>
    public static string? SqliteFilePath(CarbonOptions options) =>
        new SqliteConnectionStringBuilder(SqliteConnectionString(options)).DataSource is { Length: > 0 } file and not ":memory:"
            ? Path.GetFullPath(file)
            : null;

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
