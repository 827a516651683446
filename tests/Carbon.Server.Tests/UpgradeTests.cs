using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Tests;

/// <summary>
/// Upgrades without loss: this release's migrations applied to a ledger the previous release made (a committed
/// fixture, Fixtures/README.md) keep every row of every table, byte for byte, and the service serves it; a ledger
/// written by a newer release is refused at start with a message that says what to do.
/// </summary>
public class UpgradeTests
{
    public static string ExtractFixture(string name, string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, LedgerServices.SqliteFile);
        using var gz = new GZipStream(File.OpenRead(Path.Combine(Repository.Root, "tests", "Carbon.Server.Tests", "Fixtures", name)), CompressionMode.Decompress);
        using var to = File.Create(file);
        gz.CopyTo(to);
        return file;
    }

    [Fact]
    public async Task The_previous_releases_ledger_keeps_every_row_through_the_migration()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        var file = ExtractFixture("ledger-initial-ledger.db.gz", data);
        var before = TableDigests(file);
        Assert.True(before["filings"].Rows > 10_000 && before["enterprises"].Rows == 200, "the fixture is the demo district");

        // The migration exactly as the service applies it at start (LedgerStartup: MigrateAsync on the configured context).
        var options = new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options;
        await using (var db = new SqliteLedgerDbContext(options))
        {
            Assert.Equal(["20261202150412_InitialLedger"], await db.Database.GetAppliedMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
        var after = TableDigests(file);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (table, digest) in before)
        {
            Assert.True(digest == after[table], $"{table}: {digest} before the migration, {after[table]} after");
        }

        // And the service runs on it: the demo's firms and filings read back through the API.
        await using var app = new CarbonApp(data);
        var http = await app.OfficialAsync();
        var uscc = Scalar(file, "SELECT Uscc FROM enterprises ORDER BY Uscc LIMIT 1");
        var month = Scalar(file, $"SELECT printf('%04d-%02d', Year, Month) FROM filings WHERE Uscc = '{uscc}' ORDER BY Year, Month LIMIT 1");
        var response = await http.GetAsync($"/api/enterprises/{uscc}/filings/{month}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [LinuxFact]
    public async Task A_ledger_from_a_newer_release_is_refused_with_a_clear_message()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        var file = ExtractFixture("ledger-initial-ledger.db.gz", data);
        using (var db = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0');";
            command.ExecuteNonQuery();
        }
        var digest = TableDigests(file);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(data));
        Assert.Contains("exited with 2", refused.Message);
        Assert.Contains("newer release of Carbon", refused.Message);
        Assert.Contains("29991231000000_FromTheFuture", refused.Message);
        Assert.Equal(digest, TableDigests(file));   // refused before touching anything
    }

    /// <summary>Each table's row count and the SHA-256 of every row's every column, in rowid order.</summary>
    public static Dictionary<string, (long Rows, string Sha256)> TableDigests(string file)
    {
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        db.Open();
        var tables = new List<string>();
        using (var list = db.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var digests = new Dictionary<string, (long, string)>();
        foreach (var table in tables)
        {
            using var command = db.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\u2400" : reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    sha.AppendData(Encoding.UTF8.GetBytes(reader.GetName(i) + "=" + value + "\u001f"));
                }
                sha.AppendData("\u001e"u8);
            }
            digests[table] = (rows, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        return digests;
    }

    private static string Scalar(string file, string sql)
    {
        using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
