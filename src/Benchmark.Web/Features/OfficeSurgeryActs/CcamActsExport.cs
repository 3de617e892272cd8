using Benchmark.Core.OfficeSurgery;
using Benchmark.Web.Infrastructure.Export;

namespace Benchmark.Web.Features.OfficeSurgeryActs;

/// <summary>One exported line: a code's counts for one year, or the year's total (code « Total »).</summary>
public sealed record CcamActExportRow(int Year, string Code, int Patients, int Acts, int Contracted, decimal? Ratio);

/// <summary>The per-CCAM table of every year, with each year's total, as CSV (French or international) or XLSX.</summary>
public static class CcamActsExport
{
    private static readonly IReadOnlyList<ExportColumn<CcamActExportRow>> Columns =
    [
        ExportColumn.Of<CcamActExportRow>("Année", r => r.Year),
        ExportColumn.Of<CcamActExportRow>("Code CCAM", r => r.Code),
        ExportColumn.Of<CcamActExportRow>("Patients pris en charge", r => r.Patients),
        ExportColumn.Of<CcamActExportRow>("Actes réalisés", r => r.Acts),
        ExportColumn.Of<CcamActExportRow>("Volume contractualisé", r => r.Contracted),
        ExportColumn.Of<CcamActExportRow>("Réalisé / contractualisé (%)", r => r.Ratio),
    ];

    public static IReadOnlyList<CcamActExportRow> Rows(IEnumerable<CcamActVolume> lines) =>
        [.. CcamActSheet.ByYear(lines).SelectMany(year => year.Lines
            .Select(l => new CcamActExportRow(l.Year, l.Code, l.Patients, l.Acts, l.Contracted, l.Counts.Ratio))
            .Append(new CcamActExportRow(year.Year, "Total", year.Totals.Patients, year.Totals.Acts, year.Totals.Contracted, year.Totals.Ratio)))];

    /// <summary>The file in the asked format (see <see cref="Export.File{T}"/>); null for an unknown format.</summary>
    public static ExportFileResult? File(string? format, IReadOnlyList<CcamActExportRow> rows, string fileName) => Export.File(format, Columns, rows, fileName);
}
