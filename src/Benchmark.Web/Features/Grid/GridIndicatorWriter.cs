using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Core.Grid;
using Benchmark.Data;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// Reads an enrolment's grid as cells (one GROUP BY in the database) and stores the inputs the workflow declares as
/// computed from the grid as <see cref="IndicatorValue"/> rows, so the indicator pages chart them like reported values.
/// A period whose report is submitted (in review) or validated (locked; only an ArsAdmin unlocks it) is left as it is,
/// values present or not, and returned so the user is told. Saved through <see cref="UnitOfWork"/>: an import racing
/// this one on the same values is a conflict, not an error page.
/// </summary>
public sealed class GridIndicatorWriter(BenchmarkDbContext db, UnitOfWork unit)
{
    public Task<List<GridCell>> CellsAsync(Guid enrolmentId, CancellationToken cancellationToken) => Cells(db, enrolmentId).ToListAsync(cancellationToken);

    /// <summary>The grid's cells: the rows of completed imports only (an import still being written is not part of it).</summary>
    public static IQueryable<GridCell> Cells(BenchmarkDbContext db, Guid enrolmentId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var completed = db.GridImports.Where(i => i.EnrolmentId == enrolmentId && i.Completed).Select(i => i.Id);
        return db.GridEntries.AsNoTracking().Where(e => e.EnrolmentId == enrolmentId && completed.Contains(e.ImportId))
            .GroupBy(e => new { e.Month, e.Activity, e.Provenance, e.AppointmentType, e.ReportBucket })
            .Select(g => new GridCell(
                g.Key.Month, g.Key.Activity, g.Key.Provenance, g.Key.AppointmentType, g.Key.ReportBucket, g.Count(),
                g.Sum(e => (long?)e.AppointmentDelay) ?? 0, g.Count(e => e.AppointmentDelay != null),
                g.Sum(e => e.ReportDelay) ?? 0, g.Count(e => e.ReportDelay != null)));
    }

    /// <summary>Writes the computed inputs; returns the periods left untouched because submitted or validated.</summary>
    public async Task<Result<GridHeldPeriods>> WriteAsync(GridTarget target, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var cells = await CellsAsync(target.EnrolmentId, cancellationToken);
        var held = await db.IndicatorPeriodReports.AsNoTracking()
            .Where(r => r.EnrolmentId == target.EnrolmentId && (r.Status == IndicatorValueStatus.Submitted || r.Status == IndicatorValueStatus.Validated))
            .ToDictionaryAsync(r => r.Period, r => r.Status, StringComparer.Ordinal, cancellationToken);
        var computed = GridIndicatorInputs.Compute(target.Definition, target.Schema, cells);
        var values = computed.Where(v => !held.ContainsKey(v.Period)).ToList();
        var indicatorIds = values.Select(v => v.IndicatorId).Distinct().ToList();
        var existing = await db.IndicatorValues
            .Where(v => v.EnrolmentId == target.EnrolmentId && indicatorIds.Contains(v.IndicatorId))
            .ToDictionaryAsync(v => (v.IndicatorId, v.Period, v.InputId), cancellationToken);
        foreach (var value in values)
        {
            if (!existing.TryGetValue((value.IndicatorId, value.Period, value.InputId), out var stored))
            {
                db.IndicatorValues.Add(new IndicatorValue(Guid.NewGuid(), target.EnrolmentId, value.IndicatorId, value.Period, value.InputId, value.Value, actor, now));
            }
            else if (stored.Status is IndicatorValueStatus.Draft or IndicatorValueStatus.SentBack && stored.Value != value.Value)
            {
                stored.Update(value.Value, actor, now);
            }
        }

        var skipped = computed.Select(v => v.Period).Where(held.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var periods = new GridHeldPeriods(
            [.. skipped.Where(p => held[p] == IndicatorValueStatus.Validated)],
            [.. skipped.Where(p => held[p] == IndicatorValueStatus.Submitted)]);
        return await unit.SaveAsync(periods, new CommandName("grid.indicators", actor, target.EnrolmentId), GridImporter.ConflictAsync, cancellationToken);
    }
}

/// <summary>Period keys the grid computed values for but left alone: validated (locked) and submitted (in review).</summary>
public sealed record GridHeldPeriods(IReadOnlyList<string> Locked, IReadOnlyList<string> InReview)
{
    public static readonly GridHeldPeriods None = new([], []);
}
