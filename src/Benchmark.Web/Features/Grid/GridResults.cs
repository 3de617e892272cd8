using Benchmark.Core.Grid;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Grid;

/// <summary>A past import, for the history table.</summary>
internal sealed record GridImportLine(DateTimeOffset ImportedAt, string FileName, int RowsRead, int RowsImported, int RowsRejected, bool ValidRowsOnly);

/// <summary>An enrolment's grid computed: summaries per period, per period and activity, provenance, both; imports.</summary>
internal sealed record GridResultsView(
    int RowCount,
    IReadOnlyList<GridSummary> ByPeriod,
    IReadOnlyList<GridSummary> ByActivity,
    IReadOnlyList<GridSummary> ByProvenance,
    IReadOnlyList<GridSummary> ByActivityAndProvenance,
    IReadOnlyList<GridImportLine> Imports);

/// <summary>Reads an enrolment's grid summaries (one GROUP BY, then the pure computations) and its imports.</summary>
internal sealed class GridResults(BenchmarkDbContext db)
{
    public async Task<GridResultsView> LoadAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var cells = await GridIndicatorWriter.Cells(db, enrolmentId).ToListAsync(cancellationToken);
        var imports = await db.GridImports.AsNoTracking().Where(i => i.EnrolmentId == enrolmentId && i.Completed)
            .Select(i => new GridImportLine(i.ImportedAt, i.FileName, i.RowsRead, i.RowsImported, i.RowsRejected, i.ValidRowsOnly))
            .ToListAsync(cancellationToken);
        return new GridResultsView(
            cells.Sum(c => c.Count),
            GridSummaries.Compute(cells, GridBreakdown.Period),
            GridSummaries.Compute(cells, GridBreakdown.Activity),
            GridSummaries.Compute(cells, GridBreakdown.Provenance),
            GridSummaries.Compute(cells, GridBreakdown.ActivityAndProvenance),
            [.. imports.OrderByDescending(i => i.ImportedAt)]);
    }

    /// <summary>The title of a choice value id of a column (the id itself if the definition no longer has it).</summary>
    public static string Label(GridSchema schema, string column, string? id)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return id is null ? "Toutes" : schema.Column(column).Values.FirstOrDefault(v => v.Id == id)?.Title ?? id;
    }
}
