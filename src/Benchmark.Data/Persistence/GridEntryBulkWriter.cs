using System.Globalization;
using Benchmark.Core.Grid;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Benchmark.Data.Persistence;

/// <summary>
/// Bulk-writes grid rows inside the context's current transaction, skipping rows whose identity is already stored.
/// PostgreSQL: binary COPY straight into the table when the enrolment has no row yet, else into a temporary table then
/// <c>INSERT … ON CONFLICT DO NOTHING</c>. SQLite: one prepared <c>INSERT … ON CONFLICT DO NOTHING</c> reused per row.
/// </summary>
public abstract class GridEntryBulkWriter : IDisposable
{
    public const string Columns = "\"Id\", \"EnrolmentId\", \"ImportId\", \"Date\", \"Month\", \"Activity\", "
        + "\"Provenance\", \"AppointmentType\", \"AppointmentDelay\", \"ReportDelay\", \"ReportBucket\"";

    /// <summary>A writer on the context's connection, in its current transaction (begin one first).</summary>
    public static GridEntryBulkWriter Create(BenchmarkDbContext db, bool enrolmentHasRows)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Grid rows are bulk-written inside a transaction.");
        return db.Database.GetDbConnection() switch
        {
            NpgsqlConnection npgsql => new PostgresWriter(npgsql, enrolmentHasRows),
            SqliteConnection sqlite => new SqliteWriter(sqlite, (SqliteTransaction)transaction),
            var other => throw new NotSupportedException($"No bulk writer for {other.GetType().Name}"),
        };
    }

    /// <summary>
    /// Deletes an import's rows a few thousand at a time, each chunk its own statement (on SQLite, its own short write
    /// transaction: other writers are not held behind a large file); returns how many were deleted.
    /// </summary>
    public static async Task<long> DeleteImportRowsAsync(
        BenchmarkDbContext db, Guid importId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            return await db.GridEntries.Where(e => e.ImportId == importId).ExecuteDeleteAsync(cancellationToken);
        }

        const string chunk = "DELETE FROM \"GridEntries\" WHERE rowid IN "
            + "(SELECT rowid FROM \"GridEntries\" WHERE \"ImportId\" = {0} LIMIT 5000)";
        var id = importId.ToString().ToUpperInvariant();
        long deleted = 0;
        int last;
        while ((last = await db.Database.ExecuteSqlRawAsync(chunk, [id], cancellationToken)) > 0)
        {
            deleted += last;
        }

        return deleted;
    }

    public abstract void Write(Guid id, Guid enrolmentId, Guid importId, in GridRow row);

    /// <summary>Ends the load; returns how many rows were actually added (new identities).</summary>
    public abstract long Complete();

    public abstract void Dispose();

    private sealed class PostgresWriter : GridEntryBulkWriter
    {
        private readonly NpgsqlConnection _connection;
        private readonly bool _viaStaging;
        private readonly NpgsqlBinaryImporter _importer;

        public PostgresWriter(NpgsqlConnection connection, bool viaStaging)
        {
            (_connection, _viaStaging) = (connection, viaStaging);
            var table = "\"GridEntries\"";
            if (viaStaging)
            {
                using var create = new NpgsqlCommand(
                    "CREATE TEMP TABLE grid_staging (LIKE \"GridEntries\") ON COMMIT DROP", connection);
                create.ExecuteNonQuery();
                table = "grid_staging";
            }

            _importer = connection.BeginBinaryImport($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)");
        }

        public override void Write(Guid id, Guid enrolmentId, Guid importId, in GridRow row)
        {
            _importer.StartRow();
            _importer.Write(id, NpgsqlDbType.Uuid);
            _importer.Write(enrolmentId, NpgsqlDbType.Uuid);
            _importer.Write(importId, NpgsqlDbType.Uuid);
            _importer.Write(row.Date, NpgsqlDbType.Date);
            _importer.Write(GridEntry.MonthOf(row.Date), NpgsqlDbType.Integer);
            _importer.Write(row.Activity, NpgsqlDbType.Varchar);
            _importer.Write(row.Provenance, NpgsqlDbType.Varchar);
            _importer.Write(row.AppointmentType, NpgsqlDbType.Varchar);
            WriteNullable(row.AppointmentDelay, NpgsqlDbType.Integer);
            WriteNullable(row.ReportDelay, NpgsqlDbType.Double);
            WriteNullable(GridDistribution.Bucket(row.ReportDelay), NpgsqlDbType.Integer);
        }

        public override long Complete()
        {
            var copied = (long)_importer.Complete();
            _importer.Dispose();
            if (!_viaStaging)
            {
                return copied;
            }

            using var insert = new NpgsqlCommand(
                $"INSERT INTO \"GridEntries\" ({Columns}) SELECT {Columns} FROM grid_staging ON CONFLICT (\"Id\") DO NOTHING", _connection);
            insert.CommandTimeout = 600;
            return insert.ExecuteNonQuery();
        }

        public override void Dispose() => _importer.Dispose();

        private void WriteNullable<T>(T? value, NpgsqlDbType type)
            where T : struct
        {
            if (value is { } v)
            {
                _importer.Write(v, type);
            }
            else
            {
                _importer.WriteNull();
            }
        }
    }

    private sealed class SqliteWriter : GridEntryBulkWriter
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _parameters;
        private long _added;

        public SqliteWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            _insert.CommandText = $"INSERT INTO \"GridEntries\" ({Columns}) "
                + "VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10) ON CONFLICT (\"Id\") DO NOTHING";
            _parameters = Enumerable.Range(0, 11).Select(i => _insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            _insert.Prepare();
        }

        public override void Write(Guid id, Guid enrolmentId, Guid importId, in GridRow row)
        {
            // The formats EF Core uses on SQLite: upper-case GUID text, ISO date text.
            _parameters[0].Value = id.ToString().ToUpperInvariant();
            _parameters[1].Value = enrolmentId.ToString().ToUpperInvariant();
            _parameters[2].Value = importId.ToString().ToUpperInvariant();
            _parameters[3].Value = row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _parameters[4].Value = GridEntry.MonthOf(row.Date);
            _parameters[5].Value = row.Activity;
            _parameters[6].Value = row.Provenance;
            _parameters[7].Value = row.AppointmentType;
            _parameters[8].Value = (object?)row.AppointmentDelay ?? DBNull.Value;
            _parameters[9].Value = (object?)row.ReportDelay ?? DBNull.Value;
            _parameters[10].Value = (object?)GridDistribution.Bucket(row.ReportDelay) ?? DBNull.Value;
            _added += _insert.ExecuteNonQuery();
        }

        public override long Complete() => _added;

        public override void Dispose() => _insert.Dispose();
    }
}
