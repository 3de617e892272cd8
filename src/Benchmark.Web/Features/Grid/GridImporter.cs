using Benchmark.Core.Grid;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Benchmark.Web.Features.Grid;

public enum GridImportStatus
{
    Imported,
    AlreadyImported,
    Rejected,
    Unreadable,
    Empty,
}

/// <summary>What an import did: its status, the rows read/added, the refusals, or why the file could not be read.</summary>
public sealed record GridImportOutcome(GridImportStatus Status, GridReadLog? Log, long RowsAdded, string? Message, DateTimeOffset? ImportedAt = null)
{
    /// <summary>Periods whose indicator values the import left as they were (validated or in review).</summary>
    public GridHeldPeriods Held { get; init; } = GridHeldPeriods.None;
}

/// <summary>
/// Imports a grid file into an enrolment in one transaction, streaming: rows are parsed on one thread and bulk-written
/// on another as they are read (<see cref="GridRowBatches"/>), and the transaction is rolled back at the end if a row was refused (unless the user asked for the valid rows
/// only) — so nothing is half-imported and the file is read once. The same file (SHA-256) is imported once; rows
/// already stored (same identity) are skipped. The grid's indicator inputs are then recomputed in the same transaction.
/// </summary>
public sealed class GridImporter(BenchmarkDbContext db, GridIndicatorWriter indicators, TimeProvider time)
{
    public async Task<GridImportOutcome> ImportAsync(
        GridTarget target, string path, string fileName, string sha256, bool validRowsOnly, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var previous = await db.GridImports.AsNoTracking()
            .Where(i => i.EnrolmentId == target.EnrolmentId && i.Sha256 == sha256).Select(i => (DateTimeOffset?)i.ImportedAt).FirstOrDefaultAsync(cancellationToken);
        if (previous is not null)
        {
            return new GridImportOutcome(GridImportStatus.AlreadyImported, null, 0, null, previous);
        }

        var opened = GridFile.Open(path, target.Schema);
        if (!opened.IsSuccess)
        {
            return new GridImportOutcome(GridImportStatus.Unreadable, null, 0, opened.Error!.Message);
        }

        using var sheet = opened.Value;
        var now = time.GetUtcNow();
        var import = new GridImport(Guid.NewGuid(), target.EnrolmentId, target.Schema.Definition.Id, Path.GetFileName(fileName), sha256, validRowsOnly, actor, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hasRows = await db.GridEntries.AnyAsync(e => e.EnrolmentId == target.EnrolmentId, cancellationToken);
        long added;
        using (var writer = GridEntryWriter.Create(db.Database.GetDbConnection(), transaction.GetDbTransaction(), hasRows))
        {
            await foreach (var batch in GridRowBatches.ReadAsync(sheet, target.EnrolmentId, cancellationToken))
            {
                foreach (var (id, row) in batch)
                {
                    writer.Write(id, target.EnrolmentId, import.Id, row);
                }
            }

            added = writer.Complete();
        }

        var log = sheet.Log;
        if (log.RowsRejected > 0 && !validRowsOnly)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new GridImportOutcome(GridImportStatus.Rejected, log, 0, null);
        }

        if (log.RowsValid == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new GridImportOutcome(GridImportStatus.Empty, log, 0, "Le fichier ne contient aucune ligne valide sous la ligne d'en-tête.");
        }

        import.Record(log.RowsRead, (int)added, log.RowsRejected);
        db.GridImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        var held = await indicators.WriteAsync(target, actor, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new GridImportOutcome(GridImportStatus.Imported, log, added, null, now) { Held = held };
    }
}
