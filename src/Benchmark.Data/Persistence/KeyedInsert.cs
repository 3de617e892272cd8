using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Benchmark.Data.Persistence;

/// <summary>
/// Inserts rows that carry a unique key (an outbox idempotency key, an alert key) in one set-based statement,
/// <c>INSERT … ON CONFLICT (key) DO NOTHING</c>, the rows given as one array per column on PostgreSQL
/// (<c>unnest</c>) and as <c>VALUES (…), (…)</c> on SQLite: a key already present — from an earlier sweep, or from a
/// sweep racing this one — is skipped by the database, so the same key is never inserted twice and never fails the
/// batch. Rows go in key order, so two sweeps inserting the same keys wait for each other instead of deadlocking;
/// should the batch still fail (a lost race reported as a deadlock, a retry limit), the rows are inserted one by one,
/// each skipped when present, and any other failure is thrown.
/// Columns, names and values come from the EF Core model (value converters, store types), so a row is what
/// <c>SaveChanges</c> would have written; store-generated columns (row versions) keep their defaults.
/// </summary>
public static class KeyedInsert
{
    /// <summary>At most this many parameters per statement (SQLite allows 32,766, PostgreSQL 65,535).</summary>
    private const int MaxParameters = 30_000;

    /// <summary>At most this many rows per statement on PostgreSQL (arrays: the statement does not grow with them).</summary>
    private const int MaxArrayRows = 50_000;

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
        // PostgreSQL takes every row in one statement (one array per column); elsewhere, one parameter per value.
        var chunkSize = db.Database.IsNpgsql() ? MaxArrayRows : Math.Max(1, MaxParameters / table.Columns.Count);
        foreach (var chunk in sorted.Chunk(chunkSize))
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

        public Task<int> InsertAsync<T>(BenchmarkDbContext db, T[] rows, CancellationToken cancellationToken)
            where T : class =>
            db.Database.IsNpgsql() ? InsertArraysAsync(db, rows, cancellationToken) : InsertValuesAsync(db, rows, cancellationToken);

        /// <summary>
        /// PostgreSQL: <c>INSERT … SELECT * FROM unnest(@p0::type[], @p1::type[], …)</c>, one array parameter per column,
        /// so the statement's text and its parameters do not grow with the rows (the server parses and plans a few
        /// hundred characters instead of one placeholder per value). unnest keeps the rows' (key) order.
        /// </summary>
        private async Task<int> InsertArraysAsync<T>(BenchmarkDbContext db, T[] rows, CancellationToken cancellationToken)
            where T : class
        {
            var sql = new StringBuilder("INSERT INTO ").Append(Name).Append(" (").AppendJoin(", ", Columns.Select(c => c.Column)).Append(") SELECT * FROM unnest(");
            var parameters = new List<DbParameter>(Columns.Count);
            await using var factory = db.Database.GetDbConnection().CreateCommand();
            for (var c = 0; c < Columns.Count; c++)
            {
                var property = Columns[c].Property;
                var mapping = property.GetRelationalTypeMapping();
                var getter = property.GetGetter();
                var values = Array.CreateInstance(mapping.Converter?.ProviderClrType ?? property.ClrType, rows.Length);
                for (var r = 0; r < rows.Length; r++)
                {
                    var value = getter.GetClrValue(rows[r]);
                    values.SetValue(value is null || mapping.Converter is null ? value : mapping.Converter.ConvertToProvider(value), r);
                }

                var parameter = factory.CreateParameter();
                (parameter.ParameterName, parameter.Value) = ($"@p{c}", values);
                parameters.Add(parameter);
                sql.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName).Append("::").Append(mapping.StoreType).Append("[]");
            }

            sql.Append(") ON CONFLICT (").Append(Key).Append(") DO NOTHING");
            return await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }

        /// <summary>SQLite (and any other provider): <c>INSERT … VALUES (…), (…)</c>, one parameter per value.</summary>
        private async Task<int> InsertValuesAsync<T>(BenchmarkDbContext db, T[] rows, CancellationToken cancellationToken)
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
