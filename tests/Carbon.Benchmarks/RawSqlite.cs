using System.Diagnostics;
using System.Globalization;
using Carbon.Server.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Benchmarks;

/// <summary>
/// The physical limit: the same rows into the same schema with the same durability (WAL, synchronous=FULL, foreign
/// keys on), from one connection with prepared statements and nothing else in the way.
/// </summary>
internal static class RawSqlite
{
    /// <summary>How Microsoft.Data.Sqlite, under EF Core, writes a decimal parameter (TEXT).</summary>
    private const string DecimalFormat = "0.0###########################";

    /// <summary>How it writes a DateTimeOffset parameter (TEXT).</summary>
    public const string DateTimeOffsetFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    /// <summary>The ledger's tables: not SQLite's own, not EF Core's migration history and lock.</summary>
    private const string UserTables = "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_EF%' ESCAPE '\\'";

    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, ForeignKeys = true }.ToString();

    /// <summary>
    /// A fresh ledger at <paramref name="path"/>, set up like the service's after its warm-up (untimed), then the measured
    /// filings timed, <paramref name="batch"/> filings per transaction.
    /// </summary>
    public static RunResult Run(string name, Workload w, string path, string serviceLedger, int batch)
    {
        var cs = ConnectionString(path);
        // The schema through the service's own migrations, then WAL, exactly as LedgerStartup does.
        using (var db = new SqliteLedgerDbContext(new DbContextOptionsBuilder<SqliteLedgerDbContext>().UseSqlite(cs).Options))
        {
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL;");
        }

        using var conn = new SqliteConnection(cs);
        conn.Open();
        // The service's per-connection pragmas (LedgerServices.SqlitePragmas).
        Exec(conn, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;");
        var journal = Scalar(conn, "PRAGMA journal_mode;");
        var synchronous = Scalar(conn, "PRAGMA synchronous;");
        if (journal != "wal" || synchronous != "2")
        {
            throw new InvalidOperationException($"expected journal_mode=wal, synchronous=2 (FULL); got {journal}, {synchronous}");
        }

        CopyRegistrations(conn, serviceLedger);
        using var insert = new Inserts(conn);
        using (var tx = conn.BeginTransaction())
        {
            insert.Use(tx);
            foreach (var f in w.WarmUp)
            {
                insert.Filing(f);
            }
            tx.Commit();
        }

        Stats.Settle(TimeSpan.FromSeconds(15));

        var filings = w.Measured;
        var latencies = new List<double>(batch == 1 ? filings.Length : 0);
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < filings.Length; i += batch)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var tx = conn.BeginTransaction();
            insert.Use(tx);
            for (var j = i; j < Math.Min(i + batch, filings.Length); j++)
            {
                insert.Filing(filings[j]);
            }
            tx.Commit();
            if (batch == 1)
            {
                latencies.Add(Stats.Ms(t0, Stopwatch.GetTimestamp()));
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new RunResult(name, filings.Length, elapsed, latencies.ToArray(), Environment.CpuUsage.TotalTime - cpu);
    }

    /// <summary>
    /// Copies every row the service wrote before the filings (park, enterprises and whatever tables registration fills,
    /// with their audit events) from its ledger, so both start alike whatever the registry's schema.
    /// </summary>
    private static void CopyRegistrations(SqliteConnection conn, string serviceLedger)
    {
        string[] measured = ["filings", "filing_energy"];
        Exec(conn, "PRAGMA foreign_keys = OFF;");
        using (var attach = conn.CreateCommand())
        {
            attach.CommandText = "ATTACH DATABASE $path AS service;";
            attach.Parameters.AddWithValue("$path", serviceLedger);
            attach.ExecuteNonQuery();
        }
        var tables = Column(conn, $"SELECT name FROM main.sqlite_master WHERE type = 'table' {UserTables} ORDER BY rowid;")
            .Where(t => !measured.Contains(t)).ToList();
        using (var tx = conn.BeginTransaction())
        {
            foreach (var table in tables)
            {
                var columns = string.Join(", ", Column(conn, $"SELECT name FROM pragma_table_info('{table}');", tx).Select(c => $"\"{c}\""));
                var filter = table == "audit_events" ? " WHERE Action NOT LIKE 'filing.%'" : "";
                Exec(conn, $"INSERT INTO main.\"{table}\" ({columns}) SELECT {columns} FROM service.\"{table}\"{filter};", tx);
            }
            tx.Commit();
        }
        Exec(conn, "DETACH DATABASE service;");
        Exec(conn, "PRAGMA foreign_keys = ON;");
    }

    /// <summary>The tables one filing writes: what <see cref="Inserts"/> writes, per filing, in the raw runs.</summary>
    public static readonly string[] FilingTables = ["filings", "filing_energy", "audit_events"];

    /// <summary>Row counts of every ledger table.</summary>
    public static SortedDictionary<string, long> Counts(string path)
    {
        using var conn = new SqliteConnection(ConnectionString(path));
        conn.Open();
        var tables = Column(conn, $"SELECT name FROM sqlite_master WHERE type = 'table' {UserTables};");
        return new SortedDictionary<string, long>(
            tables.ToDictionary(t => t, t => long.Parse(Scalar(conn, $"SELECT COUNT(*) FROM \"{t}\";"), CultureInfo.InvariantCulture)),
            StringComparer.Ordinal);
    }

    /// <summary>One filing's stored columns as "type:text", to compare what the service and this run wrote.</summary>
    public static Dictionary<string, string> FilingRow(string path, FilingData f)
    {
        using var conn = new SqliteConnection(ConnectionString(path));
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT * FROM filings WHERE Uscc = $u AND Year = $y AND Month = $m;";
        cmd.Parameters.AddWithValue("$u", f.Uscc);
        cmd.Parameters.AddWithValue("$y", f.Year);
        cmd.Parameters.AddWithValue("$m", f.Month);
        using var r = cmd.ExecuteReader();
        var row = new Dictionary<string, string>();
        if (r.Read())
        {
            for (var c = 0; c < r.FieldCount; c++)
            {
                // The storage class of the stored value (SQLite's typeof), not the declared column type.
                var storage = r.GetFieldType(c) == typeof(string) ? "TEXT" : r.GetFieldType(c) == typeof(long) ? "INTEGER" : r.GetFieldType(c).Name;
                row[r.GetName(c)] = r.IsDBNull(c) ? "null" : $"{storage}:{r.GetString(c)}";
            }
        }
        return row;
    }

    public static string Dec(decimal value) => value.ToString(DecimalFormat, CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => value.ToString(DateTimeOffsetFormat, CultureInfo.InvariantCulture);

    private static void Exec(SqliteConnection conn, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    private static List<string> Column(SqliteConnection conn, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        using var r = cmd.ExecuteReader();
        var values = new List<string>();
        while (r.Read())
        {
            values.Add(r.GetString(0));
        }
        return values;
    }

    private static string Scalar(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Prepared, parameterised INSERTs, reused for every row: the rows EF Core writes for one filing.</summary>
    private sealed class Inserts : IDisposable
    {
        private readonly SqliteConnection _conn;
        private readonly SqliteCommand _filing;
        private readonly SqliteCommand _energy;
        private readonly SqliteCommand _audit;

        public Inserts(SqliteConnection conn)
        {
            _conn = conn;
            _filing = Command(
                "INSERT INTO filings (Uscc, Year, Month, Revision, WaterM3, OutputValue, ValueAdded, Revenue, TaxPaid, Employees, " +
                "RdExpense, CodT, Nh3nT, So2T, NoxT, Reason, Actor, RecordedAt) VALUES ($Uscc, $Year, $Month, $Revision, $WaterM3, " +
                "$OutputValue, $ValueAdded, $Revenue, $TaxPaid, $Employees, $RdExpense, $CodT, $Nh3nT, $So2T, $NoxT, $Reason, $Actor, " +
                "$RecordedAt) RETURNING Id;",
                ("$Uscc", SqliteType.Text), ("$Year", SqliteType.Integer), ("$Month", SqliteType.Integer), ("$Revision", SqliteType.Integer),
                ("$WaterM3", SqliteType.Text), ("$OutputValue", SqliteType.Text), ("$ValueAdded", SqliteType.Text),
                ("$Revenue", SqliteType.Text), ("$TaxPaid", SqliteType.Text), ("$Employees", SqliteType.Integer),
                ("$RdExpense", SqliteType.Text), ("$CodT", SqliteType.Text), ("$Nh3nT", SqliteType.Text), ("$So2T", SqliteType.Text),
                ("$NoxT", SqliteType.Text), ("$Reason", SqliteType.Text), ("$Actor", SqliteType.Text), ("$RecordedAt", SqliteType.Text));
            _energy = Command(
                "INSERT INTO filing_energy (FilingId, Line, Carrier, Quantity, Unit, Feedstock) VALUES ($FilingId, $Line, $Carrier, $Quantity, $Unit, '0.0');",
                ("$FilingId", SqliteType.Integer), ("$Line", SqliteType.Integer), ("$Carrier", SqliteType.Text),
                ("$Quantity", SqliteType.Text), ("$Unit", SqliteType.Text));
            _audit = Command(
                "INSERT INTO audit_events (At, Actor, Action, Subject, Detail) VALUES ($At, $Actor, $Action, $Subject, $Detail) RETURNING Id;",
                ("$At", SqliteType.Text), ("$Actor", SqliteType.Text), ("$Action", SqliteType.Text), ("$Subject", SqliteType.Text),
                ("$Detail", SqliteType.Text));
        }

        /// <summary>Enlists the prepared commands in the connection's current transaction.</summary>
        public void Use(SqliteTransaction tx)
        {
            _filing.Transaction = tx;
            _energy.Transaction = tx;
            _audit.Transaction = tx;
        }

        /// <summary>One filing, revision 1: the filing row, one row per energy line, its audit event.</summary>
        public void Filing(FilingData f)
        {
            var now = Time(DateTimeOffset.UtcNow);
            var p = _filing.Parameters;
            p[0].Value = f.Uscc;
            p[1].Value = f.Year;
            p[2].Value = f.Month;
            p[3].Value = 1;
            p[4].Value = Dec(f.WaterM3);
            p[5].Value = Dec(f.OutputValue);
            p[6].Value = Dec(f.ValueAdded);
            p[7].Value = Dec(f.Revenue);
            p[8].Value = Dec(f.TaxPaid);
            p[9].Value = f.Employees;
            p[10].Value = Dec(f.RdExpense);
            p[11].Value = Dec(f.CodT);
            p[12].Value = Dec(f.Nh3nT);
            p[13].Value = Dec(f.So2T);
            p[14].Value = Dec(f.NoxT);
            p[15].Value = DBNull.Value;
            p[16].Value = Workload.Actor;
            p[17].Value = now;
            var id = (long)_filing.ExecuteScalar()!;

            var e = _energy.Parameters;
            for (var line = 0; line < f.Energy.Length; line++)
            {
                e[0].Value = id;
                e[1].Value = line;
                e[2].Value = f.Energy[line].Carrier;
                e[3].Value = Dec(f.Energy[line].Quantity);
                e[4].Value = f.Energy[line].Unit;
                _energy.ExecuteNonQuery();
            }
            Audit(now, "filing.created", f.Uscc, $"{f.Year}-{f.Month:D2} r1");
        }

        public void Dispose()
        {
            _filing.Dispose();
            _energy.Dispose();
            _audit.Dispose();
        }

        private void Audit(string at, string action, string subject, string detail)
        {
            var a = _audit.Parameters;
            a[0].Value = at;
            a[1].Value = Workload.Actor;
            a[2].Value = action;
            a[3].Value = subject;
            a[4].Value = detail;
            _audit.ExecuteScalar();
        }

        private SqliteCommand Command(string sql, params (string Name, SqliteType Type)[] parameters)
        {
            var cmd = _conn.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, type) in parameters)
            {
                cmd.Parameters.Add(name, type);
            }
            if (parameters.Length > 0)
            {
                cmd.Prepare();
            }
            return cmd;
        }
    }
}
