using System.Diagnostics;
using System.Security.Cryptography;
using Carbon.Server.Configuration;
using Carbon.Server.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Hosting;

/// <summary>
/// 台账备份与恢复 (ledger backup and restore) for the embedded SQLite ledger:
/// <c>dotnet run --project src/Carbon.Server -- backup &lt;file&gt; [--force] [--Carbon:…=…]</c> takes a consistent copy
/// while the service runs (SQLite's online backup API reads one snapshot; filings keep being written meanwhile), checks it
/// and writes it with its SHA-256; <c>restore &lt;file&gt; [--Carbon:…=…]</c> checks a backup, sets the current ledger
/// aside (never deletes it) and puts the backup in its place, with the service stopped. PostgreSQL ledgers are backed up
/// with <c>pg_dump</c>/<c>pg_restore</c> (docs/operations.md). The signing key and its retired public keys live outside the
/// ledger and are backed up separately; the data-protection keys are rows of the ledger and come with it.
/// </summary>
public static class LedgerBackupCommands
{
    public const string Backup = "backup", Restore = "restore";

    /// <summary>Exit codes: 0 done, 1 refused or failed (the reason on standard error), 2 usage.</summary>
    public static int RunBackup(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, Backup, error, out var file, out var force, out var options))
        {
            return 2;
        }
        if (options.Database.IsPostgres)
        {
            error.WriteLine("PostgreSQL 台账请用 pg_dump 备份 (a PostgreSQL ledger is backed up with pg_dump -Fc; see docs/operations.md, Backup)");
            return 2;
        }
        var source = LedgerServices.SqliteFilePath(options);
        if (source is null || !File.Exists(source))
        {
            error.WriteLine($"未备份：找不到台账 (not backed up: no ledger at {source ?? "(in memory)"})");
            return 1;
        }
        if (File.Exists(file) && !force)
        {
            error.WriteLine($"未备份：{file} 已存在 (not backed up: {file} exists; pass --force to replace it)");
            return 1;
        }
        var partial = file + ".partial";
        var clock = Stopwatch.StartNew();
        try
        {
            File.Delete(partial);
            CreateOwnerOnly(partial);
            using (var from = Open(source, SqliteOpenMode.ReadWrite))
            using (var to = Open(partial, SqliteOpenMode.ReadWrite))
            {
                from.BackupDatabase(to);   // sqlite3_backup: every page of one read snapshot, while writers go on
                Execute(to, "PRAGMA journal_mode = DELETE;");   // one self-contained file, no -wal beside it
            }
            var facts = Check(partial);
            File.Move(partial, file, overwrite: force);
            var sha = Sha256(file);
            File.WriteAllText(file + ".sha256", $"{sha}  {Path.GetFileName(file)}\n");
            output.WriteLine($"台账已备份 (ledger backed up) in {clock.Elapsed.TotalSeconds:0.0} s: {file}");
            output.WriteLine($"  from      {source}");
            output.WriteLine($"  size      {new FileInfo(file).Length:N0} bytes, SHA-256 {sha} (also in {Path.GetFileName(file)}.sha256)");
            output.WriteLine($"  schema    {facts.Migration}");
            output.WriteLine($"  contents  {facts.Enterprises} enterprises, {facts.Filings} filing revisions, {facts.AuditEvents} audit events; integrity_check ok");
            output.WriteLine("Back up the signing key folder too (keys/, not in the ledger): see docs/operations.md.");
            return 0;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            TryDelete(partial);
            error.WriteLine($"未备份 (not backed up): {e.Message}");
            return 1;
        }
    }

    public static int RunRestore(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, Restore, error, out var file, out _, out var options))
        {
            return 2;
        }
        if (options.Database.IsPostgres)
        {
            error.WriteLine("PostgreSQL 台账请用 pg_restore 恢复 (a PostgreSQL ledger is restored with pg_restore; see docs/operations.md, Restore)");
            return 2;
        }
        if (!File.Exists(file))
        {
            error.WriteLine($"未恢复：找不到备份 (not restored: no backup at {file})");
            return 1;
        }
        var target = LedgerServices.SqliteFilePath(options);
        if (target is null)
        {
            error.WriteLine("未恢复：台账在内存中 (not restored: the configured ledger is in memory)");
            return 1;
        }
        try
        {
            var facts = Check(file);
            var known = KnownMigrations();
            var unknown = facts.Migrations.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine($"未恢复：备份由更新版本的 Carbon 写入 (not restored: the backup was made by a newer release; migration(s) " +
                                $"{string.Join(", ", unknown)} are unknown to this one). Restore it with that release.");
                return 1;
            }
            LedgerServices.PrepareSqliteFiles(options);
            using var _ = DataDirectoryLock.Acquire(options.DataPath, "restore");
            string? aside = null;
            if (File.Exists(target) && new FileInfo(target).Length > 0)
            {
                aside = $"{target}.before-restore-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    if (File.Exists(target + suffix))
                    {
                        File.Move(target + suffix, aside + suffix);   // -wal stays paired with its database by name
                    }
                }
            }
            else
            {
                TryDelete(target + "-wal");
                TryDelete(target + "-shm");
            }
            var restoring = target + ".restoring";
            File.Delete(restoring);
            CreateOwnerOnly(restoring);
            using (var from = File.OpenRead(file))
            using (var to = new FileStream(restoring, FileMode.Truncate, FileAccess.Write))
            {
                from.CopyTo(to);
                to.Flush(flushToDisk: true);
            }
            File.Move(restoring, target, overwrite: true);
            output.WriteLine($"台账已恢复 (ledger restored): {target}");
            output.WriteLine($"  from      {file} (SHA-256 {Sha256(target)})");
            output.WriteLine($"  schema    {facts.Migration}{(facts.Migration == known.Max(StringComparer.Ordinal) ? "" : "; the next start applies this release's newer migrations")}");
            output.WriteLine($"  contents  {facts.Enterprises} enterprises, {facts.Filings} filing revisions, {facts.AuditEvents} audit events");
            output.WriteLine(aside is null ? "  before    no ledger was there" : $"  before    the ledger that was there is kept as {aside}");
            output.WriteLine("Start the service; park and district sums rebuild from the restored ledger.");
            return 0;
        }
        catch (StartupRefusedException e)
        {
            error.WriteLine($"未恢复 (not restored): {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"未恢复 (not restored): {e.Message}");
            return 1;
        }
    }

    /// <summary>What a ledger file holds, after SQLite's integrity check passed.</summary>
    public sealed record LedgerFacts(IReadOnlyList<string> Migrations, long Enterprises, long Filings, long AuditEvents)
    {
        public string Migration => Migrations.LastOrDefault() ?? "(none)";
    }

    /// <summary>Opens a ledger file read-only: SQLite's integrity check, its applied migrations and a few counts.</summary>
    public static LedgerFacts Check(string file)
    {
        using var db = Open(file, SqliteOpenMode.ReadOnly);
        var integrity = Scalar(db, "PRAGMA integrity_check;");
        if (integrity is not "ok")
        {
            throw new InvalidDataException($"{file}: SQLite integrity_check says {integrity}");
        }
        if (Scalar(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory';") is null)
        {
            throw new InvalidDataException($"{file} is not a Carbon ledger (no migration history)");
        }
        var migrations = new List<string>();
        using (var command = db.CreateCommand())
        {
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                migrations.Add(reader.GetString(0));
            }
        }
        return new LedgerFacts(migrations, Count(db, "enterprises"), Count(db, "filings"), Count(db, "audit_events"));
    }

    private static HashSet<string> KnownMigrations()
    {
        using var db = new SqliteLedgerDbContext(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
    }

    private static bool TryParse(string[] args, string name, TextWriter error, out string file, out bool force, out CarbonOptions options)
    {
        file = "";
        force = false;
        options = new CarbonOptions();
        if (args is not [var first, .. var rest] || first.StartsWith('-'))
        {
            error.WriteLine($"usage: {name} <file> {(name == Backup ? "[--force] " : "")}[--Carbon:DataDirectory=<folder>] [other --Carbon:… settings]");
            return false;
        }
        file = Path.GetFullPath(first);
        force = rest.Contains("--force");
        var builder = WebApplication.CreateBuilder(rest.Where(a => a != "--force").ToArray());
        options = builder.Configuration.GetSection(CarbonOptions.Section).Get<CarbonOptions>() ?? new CarbonOptions();
        return true;
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void CreateOwnerOnly(string file)
    {
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = LedgerServices.LedgerFileMode;
        }
        using var _ = new FileStream(file, create);
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private static long Count(SqliteConnection db, string table) =>
        Scalar(db, $"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{table}';") is null
            ? 0
            : long.Parse(Scalar(db, $"SELECT COUNT(*) FROM \"{table}\";")!, System.Globalization.CultureInfo.InvariantCulture);

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // best effort: a leftover part file is named as such
        }
    }
}
