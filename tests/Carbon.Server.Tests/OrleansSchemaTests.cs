using System.Security.Cryptography;
using Carbon.Server.Configuration;
using Carbon.Server.Hosting;
using Carbon.Server.Tests.Infrastructure;
using Npgsql;

namespace Carbon.Server.Tests;

/// <summary>Orleans's vendored PostgreSQL scripts: the files are the ones recorded, and applying them is idempotent and race-free.</summary>
public class OrleansSchemaTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "src", "Carbon.Server", "Hosting", "OrleansSql");


    [Fact]
    public void The_embedded_scripts_are_the_files_with_the_hashes_their_source_note_records()
    {
        var note = File.ReadAllText(Path.Combine(Folder, "SOURCE.md"));
        Assert.Equal(3, OrleansSchema.Scripts.Count);
        foreach (var script in OrleansSchema.Scripts)
        {
            var file = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Folder, script.Name))));
            Assert.Equal(file, script.Sha256);
            Assert.Contains($"| `{script.Name}` |", note);
            Assert.Contains($"`{file}`", note);
        }
    }

    [PostgresFact]
    public async Task Three_silos_starting_at_once_create_the_tables_once_and_a_restart_changes_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => OrleansSchema.ApplyAsync(database.ConnectionString)));
        Assert.Equal(3, runs.Sum(r => r.Count));   // each script applied by exactly one of the three
        Assert.Equal(OrleansSchema.Scripts.Select(s => s.Name).Order(), runs.SelectMany(r => r).Order());
        Assert.Empty(await OrleansSchema.ApplyAsync(database.ConnectionString));

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var keys = new NpgsqlCommand("SELECT count(*) FROM orleansquery WHERE querykey IN ('InsertMembershipKey', 'UpsertReminderRowKey')", connection);
        Assert.Equal(2L, await keys.ExecuteScalarAsync());

        // A database set up by another release's script is refused, not run against.
        await using var tamper = new NpgsqlCommand("UPDATE carbon_orleans_scripts SET sha256 = 'other' WHERE name = 'PostgreSQL-Clustering.sql'", connection);
        await tamper.ExecuteNonQueryAsync();
        var refused = await Assert.ThrowsAsync<StartupRefusedException>(() => OrleansSchema.ApplyAsync(database.ConnectionString));
        Assert.Contains("PostgreSQL-Clustering.sql", refused.Message);
    }
}
