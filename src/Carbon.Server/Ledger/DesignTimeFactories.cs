using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Carbon.Server.Ledger;

// Used only by `dotnet ef migrations add … --context …` to build each provider's model; never at run time.

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLedgerDbContext>
{
    public SqliteLedgerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLedgerDbContext>
{
    public PostgresLedgerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLedgerDbContext>().UseNpgsql("Host=localhost;Database=carbon_design").Options);
}
