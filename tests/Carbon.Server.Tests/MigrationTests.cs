using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Tests;

/// <summary>
/// Each provider's migrations describe exactly the model in code (a change to the model without a migration fails
/// here, not on a user's ledger), and a new ledger gets every migration in order (UpgradeTests: an old one too).
/// </summary>
public class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteLedgerDbContext(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresLedgerDbContext(new DbContextOptionsBuilder<PostgresLedgerDbContext>().UseNpgsql("Host=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task A_new_ledger_gets_every_migration_in_order()
    {
        using var folder = new TempFolder();
        var options = new DbContextOptionsBuilder<SqliteLedgerDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder.Path, "new.db")};Pooling=False").Options;
        await using var db = new SqliteLedgerDbContext(options);
        await db.Database.MigrateAsync();
        Assert.Equal(["InitialLedger", "AuditEventsByTime"], (await db.Database.GetAppliedMigrationsAsync()).Select(m => m[(m.IndexOf('_') + 1)..]));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
