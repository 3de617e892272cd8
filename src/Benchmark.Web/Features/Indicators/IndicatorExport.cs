using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Export;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>One exported line: one stored input of one indicator, with the indicator's computed value beside it.</summary>
public sealed record IndicatorExportRow(
    string Establishment, string Finess, string Group, string IndicatorId, string Indicator, ReportingPeriod Period,
    string InputId, string Input, decimal? InputValue, decimal? IndicatorValue, string Unit, string Status);

/// <summary>
/// Indicator values as CSV (French or international) or XLSX, through the shared export helper (which neutralises
/// formula-looking text). The caller passes enrolments it read through the access rule.
/// </summary>
public sealed class IndicatorExport(BenchmarkDbContext db, IndicatorData data)
{
    private static readonly IReadOnlyList<ExportColumn<IndicatorExportRow>> Columns =
    [
        ExportColumn.Of<IndicatorExportRow>("Établissement", r => r.Establishment),
        ExportColumn.Of<IndicatorExportRow>("FINESS", r => r.Finess),
        ExportColumn.Of<IndicatorExportRow>("Groupe", r => r.Group),
        ExportColumn.Of<IndicatorExportRow>("Indicateur", r => r.IndicatorId),
        ExportColumn.Of<IndicatorExportRow>("Libellé de l'indicateur", r => r.Indicator),
        ExportColumn.Of<IndicatorExportRow>("Période", r => r.Period.Key),
        ExportColumn.Of<IndicatorExportRow>("Début", r => r.Period.Start),
        ExportColumn.Of<IndicatorExportRow>("Fin", r => r.Period.End),
        ExportColumn.Of<IndicatorExportRow>("Donnée", r => r.InputId),
        ExportColumn.Of<IndicatorExportRow>("Libellé de la donnée", r => r.Input),
        ExportColumn.Of<IndicatorExportRow>("Valeur de la donnée", r => r.InputValue),
        ExportColumn.Of<IndicatorExportRow>("Valeur de l'indicateur", r => r.IndicatorValue),
        ExportColumn.Of<IndicatorExportRow>("Unité", r => r.Unit),
        ExportColumn.Of<IndicatorExportRow>("État", r => r.Status),
    ];

    /// <summary>The rows of these enrolments; with <paramref name="submittedOnly"/>, only submitted or validated periods (drafts are the team's own).</summary>
    public async Task<IReadOnlyList<IndicatorExportRow>> RowsAsync(
        IReadOnlyCollection<Guid> enrolmentIds, WorkflowDefinition definition, CancellationToken cancellationToken, bool submittedOnly = false)
    {
        var names = await db.Enrolments.IgnoreAutoIncludes().Where(e => enrolmentIds.Contains(e.Id))
            .Join(db.Establishments, e => e.EstablishmentId, x => x.Id, (e, x) => new { e.Id, e.GroupId, x.Name, x.Finess })
            .Join(db.Groups, p => p.GroupId, g => g.Id, (p, g) => new { p.Id, p.Name, p.Finess, Group = g.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var values = db.IndicatorValues.AsNoTracking().Where(v => enrolmentIds.Contains(v.EnrolmentId));
        if (submittedOnly)
        {
            values = values.Where(v => db.IndicatorPeriodReports.Any(r => r.EnrolmentId == v.EnrolmentId && r.Period == v.Period
                && (r.Status == IndicatorValueStatus.Submitted || r.Status == IndicatorValueStatus.Validated)));
        }

        var stored = await values.ToListAsync(cancellationToken);
        var computed = (await data.ComputedAsync(enrolmentIds, definition, cancellationToken, submittedOnly)).ToDictionary(c => (c.EnrolmentId, c.IndicatorId, c.Period.Key));
        var indicators = definition.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return [.. stored
            .Where(v => indicators.ContainsKey(v.IndicatorId) && ReportingPeriod.TryParse(v.Period) is not null)
            .Select(v =>
            {
                var indicator = indicators[v.IndicatorId];
                var who = names[v.EnrolmentId];
                var value = computed.GetValueOrDefault((v.EnrolmentId, v.IndicatorId, v.Period));
                var input = IndicatorForm.Entries(indicator).FirstOrDefault(e => e.InputId == v.InputId).Title ?? v.InputId;
                return new IndicatorExportRow(who.Name, who.Finess, who.Group, indicator.Id, indicator.Title, ReportingPeriod.TryParse(v.Period)!,
                    v.InputId, input, v.Value, value?.Value, indicator.Unit, IndicatorDisplay.Badge(value?.Status ?? v.Status).Text);
            })
            .OrderBy(r => r.Establishment, StringComparer.Ordinal).ThenBy(r => r.Period.Year).ThenBy(r => r.Period.Index)
            .ThenBy(r => r.IndicatorId, StringComparer.Ordinal).ThenBy(r => r.InputId, StringComparer.Ordinal)];
    }

    /// <summary>The file in the asked format (see <see cref="Export.File{T}"/>); null for an unknown format.</summary>
    public static ExportFileResult? File(string? format, IReadOnlyList<IndicatorExportRow> rows, string fileName) => Export.File(format, Columns, rows, fileName);
}
