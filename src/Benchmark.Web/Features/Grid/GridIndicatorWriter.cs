using Benchmark.Core.Domain;
using Benchmark.Core.Grid;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// Reads an enrolment's grid as cells (one GROUP BY in the database) and stores the inputs the workflow declares as
/// computed from the grid as <see cref="IndicatorValue"/> rows, so the indicator pages chart them like reported values.
/// A value already submitted or validated for its period is left as it is (the period is in review or locked).
/// </summary>
public sealed class GridIndicatorWriter(BenchmarkDbContext db)
{
    public Task<List<GridCell>> CellsAsync(Guid enrolmentId, CancellationToken cancellationToken) => Cells(db.GridEntries, enrolmentId).ToListAsync(cancellationToken);

    public static IQueryable<GridCell> Cells(IQueryable<GridEntry> entries, Guid enrolmentId) =>
        entries.Where(e => e.EnrolmentId == enrolmentId)
            .GroupBy(e => new { e.Month, e.Activity, e.Provenance, e.AppointmentType, e.ReportBucket })
            .Select(g => new GridCell(
                g.Key.Month, g.Key.Activity, g.Key.Provenance, g.Key.AppointmentType, g.Key.ReportBucket, g.Count(),
                g.Sum(e => (long?)e.AppointmentDelay) ?? 0, g.Count(e => e.AppointmentDelay != null),
                g.Sum(e => e.ReportDelay) ?? 0, g.Count(e => e.ReportDelay != null)));

    public async Task WriteAsync(GridTarget target, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var cells = await CellsAsync(target.EnrolmentId, cancellationToken);
        var values = GridIndicatorInputs.Compute(target.Definition, target.Schema, cells);
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

        await db.SaveChangesAsync(cancellationToken);
    }
}
