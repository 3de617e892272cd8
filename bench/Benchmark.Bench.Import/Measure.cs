using System.Diagnostics;
using Benchmark.Core.Grid;
using Benchmark.Data;
using Benchmark.Web.Features.Grid;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Benchmark.Bench.Import;

internal sealed record ImportRun(TimeSpan Elapsed, double PeakMegabytes, GridImportOutcome Outcome);

internal static class Measure
{
    private const string Columns = "\"Id\", \"EnrolmentId\", \"ImportId\", \"Date\", \"Month\", \"Activity\", \"Provenance\", \"AppointmentType\", \"AppointmentDelay\", \"ReportDelay\", \"ReportBucket\"";

    /// <summary>The reference: the same rows, already typed, written by Npgsql binary COPY into the same table.</summary>
    public static async Task<TimeSpan> RawCopyAsync(string connectionString, Guid enrolment, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var watch = Stopwatch.StartNew();
        var identity = new GridRowIdentity(enrolment);
        var import = Guid.NewGuid();
        using (var copy = connection.BeginBinaryImport($"COPY \"GridEntries\" ({Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in GridFiles.Rows(count))
            {
                copy.StartRow();
                copy.Write(identity.Next(row), NpgsqlDbType.Uuid);
                copy.Write(enrolment, NpgsqlDbType.Uuid);
                copy.Write(import, NpgsqlDbType.Uuid);
                copy.Write(row.Date, NpgsqlDbType.Date);
                copy.Write(GridEntry.MonthOf(row.Date), NpgsqlDbType.Integer);
                copy.Write(row.Activity, NpgsqlDbType.Varchar);
                copy.Write(row.Provenance, NpgsqlDbType.Varchar);
                copy.Write(row.AppointmentType, NpgsqlDbType.Varchar);
                Nullable(copy, row.AppointmentDelay, NpgsqlDbType.Integer);
                Nullable(copy, row.ReportDelay, NpgsqlDbType.Double);
                Nullable(copy, GridDistribution.Bucket(row.ReportDelay), NpgsqlDbType.Integer);
            }

            copy.Complete();
        }

        return watch.Elapsed;
    }

    /// <summary>The application's import of a file, with the process working set sampled every 10 ms.</summary>
    public static async Task<ImportRun> ImportAsync(DbContextOptions<PostgresBenchmarkDbContext> options, GridTarget target, string path, int count)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(10);
            }
        });
        await using var db = new PostgresBenchmarkDbContext(options);
        // The bench measures the writer, not the caps: a national-scale file is let through.
        var caps = Microsoft.Extensions.Options.Options.Create(new GridImportOptions { MaxRowsPerImport = 5_000_000, MaxRowsPerMonth = 5_000_000 });
        var unit = new UnitOfWork(db, NullLogger<UnitOfWork>.Instance);
        var importer = new GridImporter(db, new GridIndicatorWriter(db, unit), unit, caps, TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var outcome = await importer.ImportAsync(target, path, Path.GetFileName(path), Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), false, "bench", CancellationToken.None);
        var elapsed = watch.Elapsed;
        await stop.CancelAsync();
        await sampler;
        if (outcome.RowsAdded != count)
        {
            throw new InvalidOperationException($"Imported {outcome.RowsAdded} rows of {count}: {outcome.Status} {outcome.Message} {string.Join("; ", outcome.Log?.Errors.Take(5).Select(e => $"{e.Row} {e.Column} {e.Value} {e.Reason}") ?? [])}");
        }

        return new ImportRun(elapsed, (peak - baseline) / 1024d / 1024d, outcome);
    }

    /// <summary>What the results page and the API do: one GROUP BY, then the pure summaries.</summary>
    public static async Task<TimeSpan> IndicatorsAsync(DbContextOptions<PostgresBenchmarkDbContext> options, Guid enrolment)
    {
        await using var db = new PostgresBenchmarkDbContext(options);
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"GridEntries\"");
        var watch = Stopwatch.StartNew();
        var cells = await GridIndicatorWriter.Cells(db, enrolment).ToListAsync();
        foreach (var breakdown in Enum.GetValues<GridBreakdown>())
        {
            _ = GridSummaries.Compute(cells, breakdown);
        }

        return watch.Elapsed;
    }

    public static async Task ResetAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("TRUNCATE \"GridEntries\"; DELETE FROM \"GridImports\"; DELETE FROM \"IndicatorValues\"; CHECKPOINT", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            copy.Write(v, type);
        }
        else
        {
            copy.WriteNull();
        }
    }
}

internal static class Repository
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Benchmark.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Benchmark.sln above the bench binaries.");
    }
}
