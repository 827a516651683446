using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Carbon.Server.Tests;

/// <summary>A ledger created by an earlier version is upgraded in place, with its rows carried over.</summary>
public class MigrationTests
{
    [Fact]
    public async Task An_initial_ledger_upgrades_and_each_enterprise_becomes_profile_revision_1()
    {
        using var folder = new TempFolder();
        var options = new DbContextOptionsBuilder<SqliteLedgerDbContext>()
            .UseSqlite($"Data Source={Path.Combine(folder.Path, "old.db")};Pooling=False").Options;
        await using (var db = new SqliteLedgerDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync("20261128044303_InitialLedger");
            // The v0 schema: the profile lived in `enterprises`.
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO parks (Code, Name, Kind, RegisteredAt, RegisteredBy) VALUES ('P1', '园区', 'industrial-park', '2024-01-01 00:00:00+00:00', 'v0');" +
                "INSERT INTO enterprises (Uscc, Name, Industry, ParkCode, Scale, LandAreaMu, RegisteredAt, RegisteredBy) " +
                "VALUES ('91350100M000100Y43', '老企业', '机械', 'P1', 'above', '12.5', '2024-01-02 00:00:00+00:00', 'v0');");
        }
        await using (var db = new SqliteLedgerDbContext(options))
        {
            await db.Database.MigrateAsync();
            var revision = await db.EnterpriseRevisions.SingleAsync();
            Assert.Equal(("91350100M000100Y43", 1, "老企业", "机械", "above", 12.5m, "v0"),
                (revision.Uscc, revision.Revision, revision.Name, revision.Industry, revision.Scale, revision.LandAreaMu, revision.Actor));
            Assert.Equal("P1", (await db.Enterprises.SingleAsync()).ParkCode);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }
    }
}
