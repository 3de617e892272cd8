using Benchmark.Core.Grid;
using Benchmark.Web.Infrastructure.Export;

namespace Benchmark.Web.Features.Grid;

/// <summary>The grid summaries as a table: every period, with all rows, then per activity, per provenance, per both.</summary>
internal static class GridExport
{
    public static IReadOnlyList<GridSummary> Rows(GridResultsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return [.. view.ByPeriod, .. view.ByActivity, .. view.ByProvenance, .. view.ByActivityAndProvenance];
    }

    public static IReadOnlyList<ExportColumn<GridSummary>> Columns(GridSchema schema) =>
    [
        ExportColumn.Of<GridSummary>("Période", s => s.Period.Key),
        ExportColumn.Of<GridSummary>("Libellé de la période", s => s.Period.Title),
        ExportColumn.Of<GridSummary>("Type d'activité", s => GridResults.Label(schema, GridSchema.ActivityColumn, s.Activity)),
        ExportColumn.Of<GridSummary>("Provenance du patient", s => GridResults.Label(schema, GridSchema.ProvenanceColumn, s.Provenance)),
        ExportColumn.Of<GridSummary>("Programmés honorés", s => s.ScheduledKept),
        ExportColumn.Of<GridSummary>("Programmés non honorés", s => s.ScheduledMissed),
        ExportColumn.Of<GridSummary>("Non programmés", s => s.Unscheduled),
        ExportColumn.Of<GridSummary>("Total", s => s.Total),
        ExportColumn.Of<GridSummary>("Taux de rendez-vous programmés (%)", s => s.ScheduledRate),
        ExportColumn.Of<GridSummary>("Taux de rendez-vous programmés non honorés (%)", s => s.MissedRate),
        ExportColumn.Of<GridSummary>("Délai moyen de rendez-vous (jours)", s => s.MeanAppointmentDelay),
        ExportColumn.Of<GridSummary>("Délai moyen de compte rendu (jours)", s => s.MeanReportDelay),
        .. GridDistribution.Buckets.Select((b, i) => ExportColumn.Of<GridSummary>($"Comptes rendus : {b.Label}", s => s.ReportDelayDistribution[i])),
    ];

    /// <summary>The file in the asked format (see <see cref="Export.File{T}"/>); null for an unknown format.</summary>
    public static ExportFileResult? File(string? format, GridSchema schema, GridResultsView view, string fileName) => Export.File(format, Columns(schema), Rows(view), fileName);
}
