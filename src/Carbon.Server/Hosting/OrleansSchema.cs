using System.Security.Cryptography;
using System.Text;
using Carbon.Server.Configuration;
using Npgsql;

namespace Carbon.Server.Hosting;

/// <summary>
/// Orleans's own tables for ADO.NET clustering and reminders, created from its published PostgreSQL scripts (kept in
/// <c>Hosting/OrleansSql</c>, see SOURCE.md there) before the silo starts. Idempotent and safe when several silos start
/// at once: each script runs once per database, inside a transaction holding an advisory lock, and is recorded with its
/// SHA-256 in <c>carbon_orleans_scripts</c>. A database whose recorded script differs from ours (another Orleans
/// release) stops the service rather than run a silo against tables it does not know.
/// </summary>
public static class OrleansSchema
{
    /// <summary>The scripts in the order Orleans requires: the query table first, then each provider's tables.</summary>
    public static readonly IReadOnlyList<Script> Scripts =
    [
        Load("PostgreSQL-Main.sql", "orleansquery"),
        Load("PostgreSQL-Clustering.sql", "orleansmembershiptable"),
        Load("PostgreSQL-Reminders.sql", "orleansreminderstable"),
    ];

    /// <summary>Any constant: the advisory lock that serialises silos creating the schema at the same moment.</summary>
    private const long LockKey = 0x4361_7262_6f6e_4f72;   // "CarbonOr"

    /// <summary>One script: its file name, its text, its hash, and the table whose presence means it was applied by hand.</summary>
    public sealed record Script(string Name, string Text, string Sha256, string MarkerTable);

    /// <summary>Applies the scripts this database lacks; returns the names of those applied now.</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken cancel = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancel);
        await ExecuteAsync(connection,
            "CREATE TABLE IF NOT EXISTS carbon_orleans_scripts (name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL, how text NOT NULL)",
            cancel);
        var applied = new List<string>();
        foreach (var script in Scripts)
        {
            var recorded = await ScalarAsync(connection, "SELECT sha256 FROM carbon_orleans_scripts WHERE name = @name", cancel, ("name", script.Name));
            if (recorded is string hash)
            {
                if (!string.Equals(hash, script.Sha256, StringComparison.Ordinal))
                {
                    throw new StartupRefusedException(
                        $"The Orleans table script {script.Name} recorded in this database (sha256 {hash}) is not the one of this " +
                        $"release (sha256 {script.Sha256}): the database was set up by another Orleans release. Upgrade its " +
                        "tables with Orleans's migration scripts first (docs/deployment.md).");
                }
                continue;
            }
            // Tables made by hand from the same scripts (the procedure before the service did it) are recorded, not re-made.
            var present = await ScalarAsync(connection, "SELECT to_regclass(@table) IS NOT NULL", cancel, ("table", script.MarkerTable)) is true;
            if (!present)
            {
                await ExecuteAsync(connection, script.Text, cancel);
                applied.Add(script.Name);
            }
            await ExecuteAsync(connection,
                "INSERT INTO carbon_orleans_scripts (name, sha256, applied_at, how) VALUES (@name, @sha, now(), @how)", cancel,
                ("name", script.Name), ("sha", script.Sha256), ("how", present ? "found" : "applied"));
        }
        await transaction.CommitAsync(cancel);
        return applied;
    }

    private static Script Load(string name, string markerTable)
    {
        var assembly = typeof(OrleansSchema).Assembly;
        using var stream = assembly.GetManifestResourceStream($"OrleansSql.{name}")
            ?? throw new InvalidOperationException($"The Orleans script {name} is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        stream.Position = 0;
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new Script(name, text, sha, markerTable);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancel, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancel);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancel, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(cancel);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
