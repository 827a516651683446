using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Carbon.Server.Ledger;

/// <summary>
/// Filings (with their lines) and audit events written without the change tracker, by prepared INSERTs made from the EF
/// model (table and column names, each property's type mapping and converter), so the rows are exactly what SaveChanges
/// would write, on SQLite or PostgreSQL: one statement per table, prepared once and run row by row, a filing's generated
/// key read back (RETURNING) for its lines. (Multi-row INSERTs were slower: SQLite looks a named parameter up by a linear
/// search, so binding n parameters costs n².) For many rows at once (an import); the caller's transaction holds them.
/// </summary>
internal static class RowInserter
{
    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Get, bool Nullable);

    /// <summary>A table's INSERT: its columns and, for a key the database generates, the RETURNING clause.</summary>
    private sealed record Table(string Name, Column[] Columns, string? Returning, string[] ParameterNames)
    {
        /// <summary>The one-row INSERT, made on first use.</summary>
        public string? Sql { get; set; }
    }

    private static readonly ConcurrentDictionary<(Type Context, Type Entity), Table> Tables = new();

    public static async Task InsertAsync(LedgerDbContext db, IReadOnlyList<FilingRecord> filings, IReadOnlyList<AuditEventRecord> audit,
        CancellationToken cancellationToken = default)
    {
        var (connection, transaction) = WritersTransaction(db);
        var energy = new List<FilingEnergyRecord>();
        var products = new List<FilingProductRecord>();
        await using (var filing = Prepare(db, connection, transaction, For<FilingRecord>(db), 1))
        {
            foreach (var f in filings)
            {
                var id = Convert.ToInt64(await filing.RunAsync([f], cancellationToken), CultureInfo.InvariantCulture);
                energy.AddRange(f.Energy.Select(l => new FilingEnergyRecord
                {
                    FilingId = id, Line = l.Line, Carrier = l.Carrier, Quantity = l.Quantity, Unit = l.Unit, Feedstock = l.Feedstock, MeasuredNcv = l.MeasuredNcv,
                }));
                products.AddRange(f.Products.Select(l => new FilingProductRecord { FilingId = id, Line = l.Line, Name = l.Name, Quantity = l.Quantity, Unit = l.Unit }));
            }
        }
        await InsertManyAsync(db, connection, transaction, energy, cancellationToken);
        await InsertManyAsync(db, connection, transaction, products, cancellationToken);
        await InsertManyAsync(db, connection, transaction, audit, cancellationToken);
    }

    /// <summary>Rows of one table (without a generated key the caller needs back), inside the writer's transaction.</summary>
    public static Task InsertRowsAsync<T>(LedgerDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default) where T : class
    {
        var (connection, transaction) = WritersTransaction(db);
        return InsertManyAsync(db, connection, transaction, rows, cancellationToken);
    }

    private static (DbConnection Connection, DbTransaction Transaction) WritersTransaction(LedgerDbContext db) =>
        (db.Database.GetDbConnection(),
         db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("rows are inserted inside the writer's transaction"));

    /// <summary>Rows of one table, one by one through one prepared statement.</summary>
    private static async Task InsertManyAsync<T>(LedgerDbContext db, DbConnection connection, DbTransaction transaction, IReadOnlyList<T> rows,
        CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        await using var one = Prepare(db, connection, transaction, For<T>(db), 1);
        foreach (var row in rows)
        {
            await one.RunAsync([row], cancellationToken);
        }
    }

    /// <summary>An INSERT of a fixed number of rows with its parameters, made once by each column's type mapping and reused.</summary>
    private sealed class Prepared(DbCommand command, Table table, DbParameter[] parameters, bool returns) : IAsyncDisposable
    {
        /// <summary>Binds the rows (each value through its column's converter, if any) and runs the INSERT; the generated key, if any.</summary>
        public Task<object?> RunAsync(object[] rows, CancellationToken cancellationToken)
        {
            var width = table.Columns.Length;
            for (var r = 0; r < rows.Length; r++)
            {
                for (var i = 0; i < width; i++)
                {
                    var c = table.Columns[i];
                    var value = c.Get(rows[r]);
                    parameters[r * width + i].Value =
                        (value is null ? null : c.Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
                }
            }
            return returns ? command.ExecuteScalarAsync(cancellationToken) : NoKeyAsync(cancellationToken);
        }

        /// <summary>A row without a generated key: no reader to open and close for it.</summary>
        private async Task<object?> NoKeyAsync(CancellationToken cancellationToken)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return null;
        }

        public ValueTask DisposeAsync() => command.DisposeAsync();
    }

    private static Prepared Prepare(LedgerDbContext db, DbConnection connection, DbTransaction transaction, Table table, int count)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var width = table.Columns.Length;
        command.CommandText = count == 1
            ? table.Sql ??= Text(sql, table, 1)
            : Text(sql, table, count);
        var parameters = new DbParameter[count * width];
        for (var k = 0; k < parameters.Length; k++)
        {
            var c = table.Columns[k % width];
            parameters[k] = c.Mapping.CreateParameter(command, k < width ? table.ParameterNames[k] : sql.GenerateParameterName($"p{k}"), null, c.Nullable);
        }
        command.Parameters.AddRange(parameters);
        return new Prepared(command, table, parameters, count == 1 && table.Returning is not null);
    }

    /// <summary>The INSERT of <paramref name="count"/> rows (one row's text is kept in <see cref="Table.Sql"/>).</summary>
    private static string Text(ISqlGenerationHelper sql, Table table, int count)
    {
        var width = table.Columns.Length;
        var values = Enumerable.Range(0, count)
            .Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(i => sql.GenerateParameterNamePlaceholder($"p{r * width + i}"))) + ")");
        return $"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => sql.DelimitIdentifier(c.Name)))}) " +
               $"VALUES {string.Join(", ", values)}{(count == 1 ? table.Returning : "")}";
    }

    private static Table For<T>(LedgerDbContext db) => Tables.GetOrAdd((db.GetType(), typeof(T)), _ =>
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the ledger model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var generated = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey()).ToList();
        var columns = entity.GetProperties().Except(generated)
            .Select(p => new Column(p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping(), Getter(p.PropertyInfo!), p.IsNullable))
            .ToArray();
        return new Table(sql.DelimitIdentifier(table.Name, table.Schema), columns,
            generated is [var key] ? $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}" : null,
            Enumerable.Range(0, columns.Length).Select(i => sql.GenerateParameterName($"p{i}")).ToArray());
    });

    private static Func<object, object?> Getter(System.Reflection.PropertyInfo property)
    {
        var row = Expression.Parameter(typeof(object));
        var body = Expression.Convert(Expression.Property(Expression.Convert(row, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, row).Compile();
    }
}
