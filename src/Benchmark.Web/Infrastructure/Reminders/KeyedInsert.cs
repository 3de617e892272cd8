using System.Data.Common;
using System.Text;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Benchmark.Web.Infrastructure.Reminders;

/// <summary>
/// Inserts rows that carry a unique key (an outbox idempotency key, an alert key) in one set-based statement,
/// <c>INSERT … VALUES (…), (…) ON CONFLICT (key) DO NOTHING</c> (PostgreSQL and SQLite alike): a key already
/// present — from an earlier sweep, or from a sweep racing this one — is skipped by the database, so the same key
/// is never inserted twice and never fails the batch. Rows go in key order, so two sweeps inserting the same keys
/// wait for each other instead of deadlocking; should the batch still fail (a lost race reported as a deadlock, a
/// retry limit), the rows are inserted one by one, each skipped when present, and any other failure is thrown.
/// Columns, names and values come from the EF Core model (value converters, store types), so a row is what
/// <c>SaveChanges</c> would have written; store-generated columns (row versions) keep their defaults.
/// </summary>
public static class KeyedInsert
{
    /// <summary>At most this many parameters per statement (SQLite allows 32,766, PostgreSQL 65,535).</summary>
    private const int MaxParameters = 30_000;

    /// <summary>Inserts the rows whose key is not present yet; returns how many were inserted.</summary>
    public static async Task<int> InsertMissingAsync<T>(BenchmarkDbContext db, IEnumerable<T> rows, Func<T, string> key, string keyProperty,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var sorted = rows.DistinctBy(key, StringComparer.Ordinal).OrderBy(key, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var table = Table.Of(db, typeof(T), keyProperty);
        var inserted = 0;
        foreach (var chunk in sorted.Chunk(Math.Max(1, MaxParameters / table.Columns.Count)))
        {
            try
            {
                inserted += await table.InsertAsync(db, chunk, cancellationToken);
            }
            catch (Exception e) when (e is DbException or DbUpdateException || e.InnerException is DbException or DbUpdateException)
            {
                // A lost race the database reported as an error: one row per statement, each skipped when present;
                // a failure that is not about the key is thrown from there.
                foreach (var row in chunk)
                {
                    inserted += await table.InsertAsync(db, [row], cancellationToken);
                }
            }
        }

        return inserted;
    }

    private sealed record Table(string Name, string Key, IReadOnlyList<(string Column, IProperty Property)> Columns)
    {
        public static Table Of(BenchmarkDbContext db, Type type, string keyProperty)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not an entity of the model");
            var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped to a table");
            var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = entity.GetProperties()
                .Where(p => p.ValueGenerated == ValueGenerated.Never && p.GetColumnName(store) is not null)
                .Select(p => p.IsShadowProperty()
                    ? throw new InvalidOperationException($"{type.Name}.{p.Name}: a shadow column without a default cannot be inserted from the entity")
                    : (sql.DelimitIdentifier(p.GetColumnName(store)!), p))
                .ToList();
            var key = entity.FindProperty(keyProperty)?.GetColumnName(store) ?? throw new InvalidOperationException($"{type.Name}.{keyProperty} is not a column");
            return new Table(sql.DelimitIdentifier(tableName, entity.GetSchema()), sql.DelimitIdentifier(key), columns);
        }

        public async Task<int> InsertAsync<T>(BenchmarkDbContext db, T[] rows, CancellationToken cancellationToken)
            where T : class
        {
            var sql = new StringBuilder("INSERT INTO ").Append(Name).Append(" (").AppendJoin(", ", Columns.Select(c => c.Column)).Append(") VALUES ");
            var parameters = new List<DbParameter>(rows.Length * Columns.Count);
            await using var factory = db.Database.GetDbConnection().CreateCommand();
            for (var r = 0; r < rows.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < Columns.Count; c++)
                {
                    var name = $"@p{parameters.Count}";
                    var property = Columns[c].Property;
                    parameters.Add(property.GetRelationalTypeMapping().CreateParameter(factory, name, property.GetGetter().GetClrValue(rows[r]), property.IsNullable));
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                }

                sql.Append(')');
            }

            sql.Append(" ON CONFLICT (").Append(Key).Append(") DO NOTHING");
            return await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }
}
