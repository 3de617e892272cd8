using Benchmark.Core.Common;
using Benchmark.Core.Grid;
using Benchmark.Data;
using Benchmark.Data.Persistence;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Features.Grid;

public enum GridImportStatus
{
    Imported,
    AlreadyImported,
    Rejected,
    Unreadable,
    Empty,
    TooLarge,

    /// <summary>Another import of the same enrolment (or the same file) won a race: nothing of this one was kept.</summary>
    Conflict,
}

/// <summary>What an import did: its status, the rows read/added, the refusals, or why the file could not be read.</summary>
public sealed record GridImportOutcome(GridImportStatus Status, GridReadLog? Log, long RowsAdded, string? Message, DateTimeOffset? ImportedAt = null)
{
    /// <summary>Periods whose indicator values the import left as they were (validated or in review).</summary>
    public GridHeldPeriods Held { get; init; } = GridHeldPeriods.None;

    /// <summary>Rows identical to an earlier row of the file (kept, and said).</summary>
    public int Repeats { get; init; }
}

/// <summary>
/// Imports a grid file into an enrolment, streaming: rows are parsed on one thread and bulk-written on another as they
/// are read (<see cref="GridRowBatches"/>); a refused row (unless the user asked for the valid rows only) or a cap
/// (<see cref="GridImportOptions"/>) leaves nothing imported, and the file is read once. The same file (SHA-256) is
/// imported once; rows already stored (same identity) are skipped. The grid's indicator inputs are then recomputed.
/// On PostgreSQL all of it is one transaction (other writers are not blocked). On the embedded SQLite, where a write
/// transaction locks the whole database, the rows are written in short transactions under an import that is not
/// part of the grid until it completes (or is deleted), so other users' writes never wait behind a large file.
/// The rows go through <see cref="GridEntryBulkWriter"/> (Data layer); the import and its indicator values are saved
/// through <see cref="UnitOfWork"/>, so an import racing this one is <see cref="GridImportStatus.Conflict"/>.
/// </summary>
public sealed class GridImporter(
    BenchmarkDbContext db, GridIndicatorWriter indicators, UnitOfWork unit, IOptions<GridImportOptions> options, TimeProvider time)
{
    public const string ConflictMessage =
        "Un autre import de cette grille vient d'être enregistré : rien n'a été importé, rechargez la page et recommencez si besoin.";

    /// <summary>A pending import older than this was abandoned (the process stopped): its rows are removed.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromHours(6);

    public async Task<GridImportOutcome> ImportAsync(
        GridTarget target, string path, string fileName, string sha256, bool validRowsOnly, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var previous = await db.GridImports.AsNoTracking()
            .Where(i => i.EnrolmentId == target.EnrolmentId && i.Sha256 == sha256 && i.Completed).Select(i => (DateTimeOffset?)i.ImportedAt)
            .FirstOrDefaultAsync(cancellationToken);
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
        var run = new Run(target, sheet, import, validRowsOnly, new GridLimits(options.Value.MaxRowsPerImport, options.Value.MaxRowsPerMonth), actor, now);
        return db.Database.IsNpgsql()
            ? await InOneTransactionAsync(run, cancellationToken)
            : await InShortTransactionsAsync(run, cancellationToken);
    }

    private sealed record Run(GridTarget Target, GridSheet Sheet, GridImport Import, bool ValidRowsOnly, GridLimits Limits, string Actor, DateTimeOffset Now)
    {
        public GridRowIdentity Identity { get; } = new(Target.EnrolmentId);
    }

    private async Task<GridImportOutcome> InOneTransactionAsync(Run run, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hasRows = await db.GridEntries.AnyAsync(e => e.EnrolmentId == run.Target.EnrolmentId, cancellationToken);
        long added;
        Error? tooLarge = null;
        using (var writer = GridEntryBulkWriter.Create(db, hasRows))
        {
            await foreach (var batch in GridRowBatches.ReadAsync(run.Sheet, run.Identity, cancellationToken))
            {
                if ((tooLarge = Write(writer, run, batch)) is not null)
                {
                    break;
                }
            }

            added = tooLarge is null ? writer.Complete() : 0;
        }

        var refused = tooLarge is null ? await RefusalAsync(run, cancellationToken) : Refused(tooLarge);
        if (refused is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return refused;
        }

        var held = await PublishAsync(run, added, cancellationToken);
        if (!held.IsSuccess)
        {
            return Conflict(held.Error!);
        }

        await transaction.CommitAsync(cancellationToken);
        return Imported(run, added, held.Value);
    }

    private async Task<GridImportOutcome> InShortTransactionsAsync(Run run, CancellationToken cancellationToken)
    {
        await DiscardAbandonedAsync(run.Target.EnrolmentId, run.Now, cancellationToken);
        run.Import.Begin();
        db.GridImports.Add(run.Import);
        if ((await unit.SaveAsync(run.Import, Command(run), ConflictAsync, cancellationToken)).Error is { } conflict)
        {
            return Conflict(conflict);
        }

        long added = 0;
        try
        {
            Error? tooLarge = null;
            await foreach (var batch in GridRowBatches.ReadAsync(run.Sheet, run.Identity, cancellationToken))
            {
                // Once a row is refused (and only valid rows were not asked for) nothing will be kept: read on for the report only.
                var writing = run.ValidRowsOnly || run.Sheet.Log.RowsRejected == 0;
                await using var transaction = writing ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                using var writer = writing ? GridEntryBulkWriter.Create(db, enrolmentHasRows: true) : null;
                tooLarge = Write(writer, run, batch);
                if (writer is not null && tooLarge is null)
                {
                    added += writer.Complete();
                    await transaction!.CommitAsync(cancellationToken);
                }

                if (tooLarge is not null)
                {
                    break;
                }
            }

            var refused = tooLarge is null ? await RefusalAsync(run, cancellationToken) : Refused(tooLarge);
            if (refused is not null)
            {
                await DiscardAsync(run.Import.Id, cancellationToken);
                return refused;
            }

            Result<GridHeldPeriods> held;
            await using (var publish = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                held = await PublishAsync(run, added, cancellationToken);
                if (held.IsSuccess)
                {
                    await publish.CommitAsync(cancellationToken);
                    return Imported(run, added, held.Value);
                }
            }

            // Lost a race (the transaction is rolled back): this import's rows go, as for a refusal.
            await DiscardAsync(run.Import.Id, cancellationToken);
            return Conflict(held.Error!);
        }
        catch
        {
            db.ChangeTracker.Clear();
            await DiscardAsync(run.Import.Id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Writes a batch (counting each row against the caps); the cap's refusal stops the import.</summary>
    private static Error? Write(GridEntryBulkWriter? writer, Run run, (Guid Id, GridRow Row)[] batch)
    {
        foreach (var (id, row) in batch)
        {
            if (run.Limits.Add(row) is { } refused)
            {
                return refused;
            }

            writer?.Write(id, run.Target.EnrolmentId, run.Import.Id, row);
        }

        return null;
    }

    /// <summary>Why nothing may be kept once the file is read: refused rows, no valid row, or a month over its cap.</summary>
    private async Task<GridImportOutcome?> RefusalAsync(Run run, CancellationToken cancellationToken)
    {
        if (Refusal(run) is { } refused)
        {
            return refused;
        }

        var perMonth = await db.GridEntries.AsNoTracking()
            .Where(e => e.EnrolmentId == run.Target.EnrolmentId
                && (e.ImportId == run.Import.Id || db.GridImports.Any(i => i.Id == e.ImportId && i.Completed)))
            .GroupBy(e => e.Month).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(m => m.Key, m => m.Count, cancellationToken);
        return run.Limits.Total(perMonth) is { } over ? Refused(over) : null;
    }

    private static GridImportOutcome? Refusal(Run run)
    {
        var log = run.Sheet.Log;
        if (log.RowsRejected > 0 && !run.ValidRowsOnly)
        {
            return new GridImportOutcome(GridImportStatus.Rejected, log, 0, null) { Repeats = run.Identity.Repeats };
        }

        return log.RowsValid == 0
            ? new GridImportOutcome(GridImportStatus.Empty, log, 0, "Le fichier ne contient aucune ligne valide sous la ligne d'en-tête.")
            : null;
    }

    private static GridImportOutcome Refused(Error error) => new(GridImportStatus.TooLarge, null, 0, error.Message);

    private static GridImportOutcome Conflict(Error error) => new(GridImportStatus.Conflict, null, 0, error.Message);

    /// <summary>What a lost race says (<see cref="UnitOfWork"/>'s conflict callback).</summary>
    internal static Task<Error> ConflictAsync(CancellationToken cancellationToken) => Task.FromResult(Error.Conflict(ConflictMessage));

    private static CommandName Command(Run run) => new("grid.import", run.Actor, run.Target.EnrolmentId);

    private static GridImportOutcome Imported(Run run, long added, GridHeldPeriods held) =>
        new(GridImportStatus.Imported, run.Sheet.Log, added, null, run.Now) { Held = held, Repeats = run.Identity.Repeats };

    /// <summary>Records the import as complete (its rows become the grid's) and recomputes the indicator inputs.</summary>
    private async Task<Result<GridHeldPeriods>> PublishAsync(Run run, long added, CancellationToken cancellationToken)
    {
        var log = run.Sheet.Log;
        run.Import.Record(log.RowsRead, (int)added, log.RowsRejected);
        run.Import.Complete();
        if (db.Entry(run.Import).State == EntityState.Detached)
        {
            db.GridImports.Add(run.Import);
        }

        if ((await unit.SaveAsync(run.Import, Command(run), ConflictAsync, cancellationToken)).Error is { } conflict)
        {
            return conflict;
        }

        return await indicators.WriteAsync(run.Target, run.Actor, run.Now, cancellationToken);
    }

    /// <summary>Deletes a pending import's rows a few thousand at a time (each its own short transaction), then the import.</summary>
    private async Task DiscardAsync(Guid importId, CancellationToken cancellationToken)
    {
        await GridEntryBulkWriter.DeleteImportRowsAsync(db, importId, cancellationToken);
        await db.GridImports.Where(i => i.Id == importId && !i.Completed).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task DiscardAbandonedAsync(Guid enrolmentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - Abandoned;
        var abandoned = await db.GridImports.AsNoTracking().Where(i => i.EnrolmentId == enrolmentId && !i.Completed)
            .Select(i => new { i.Id, i.ImportedAt }).ToListAsync(cancellationToken);
        foreach (var stale in abandoned.Where(i => i.ImportedAt < before))
        {
            await DiscardAsync(stale.Id, cancellationToken);
        }
    }
}
