using Microsoft.Data.Sqlite;

namespace Carbon.Reliability;

/// <summary>Row counts of every table of the SQLite ledger, read beside the running service in read-only mode.</summary>
public static class LedgerSnapshot
{
    public static SortedDictionary<string, long> Counts(string ledgerPath)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var connection = new SqliteConnection($"Data Source={ledgerPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }
        return counts;
    }

    /// <summary>
    /// Row counts through one open read-only connection and one statement (the corpus takes a snapshot around each of
    /// thousands of requests).
    /// </summary>
    public sealed class Reader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _count;
        private readonly string[] _tables;

        public Reader(string ledgerPath)
        {
            _tables = [.. LedgerSnapshot.Counts(ledgerPath).Keys];
            _connection = new SqliteConnection($"Data Source={ledgerPath};Mode=ReadOnly;Pooling=False");
            _connection.Open();
            _count = _connection.CreateCommand();
            _count.CommandText = "SELECT " + string.Join(", ",
                _tables.Select(t => $"(SELECT COUNT(*) FROM \"{t.Replace("\"", "\"\"", StringComparison.Ordinal)}\")"));
        }

        public SortedDictionary<string, long> Counts()
        {
            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            using var reader = _count.ExecuteReader();
            reader.Read();
            for (var i = 0; i < _tables.Length; i++)
            {
                counts[_tables[i]] = reader.GetInt64(i);
            }
            return counts;
        }

        public void Dispose()
        {
            _count.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>The tables whose count differs, as "table a→b".</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t} {before.GetValueOrDefault(t)}→{after.GetValueOrDefault(t)}")
            .ToList();

    /// <summary>Waits until two snapshots a second apart agree (a demo ledger is still being seeded after the service answers).</summary>
    public static async Task<SortedDictionary<string, long>> SettledAsync(string ledgerPath, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var last = Counts(ledgerPath);
        var stableFor = 0;
        while (DateTime.UtcNow < until && stableFor < 3)
        {
            await Task.Delay(1000);
            var now = Counts(ledgerPath);
            stableFor = Differences(last, now).Count == 0 ? stableFor + 1 : 0;
            last = now;
        }
        return last;
    }
}
