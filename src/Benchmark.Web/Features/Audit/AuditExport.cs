using Benchmark.Web.Infrastructure.Export;

namespace Benchmark.Web.Features.Audit;

/// <summary>The trail as a file: French CSV (Excel), international CSV or XLSX, through the shared export helper.</summary>
internal static class AuditExport
{
    private static readonly ExportColumn<AuditRow>[] Columns =
    [
        ExportColumn.Of<AuditRow>("Date (Europe/Paris)", r => r.At.DateTime),
        ExportColumn.Of<AuditRow>("Auteur", r => r.Actor),
        ExportColumn.Of<AuditRow>("Établissement", r => r.Establishment),
        ExportColumn.Of<AuditRow>("Action", r => AuditLabels.Action(r.Action)),
        ExportColumn.Of<AuditRow>("Code", r => r.Action),
        ExportColumn.Of<AuditRow>("Objet", r => r.Target),
        ExportColumn.Of<AuditRow>("Avant", r => r.Before),
        ExportColumn.Of<AuditRow>("Après", r => r.After),
        ExportColumn.Of<AuditRow>("Justification / commentaire", r => r.Justification),
    ];

    /// <summary>The file in the asked format (see <see cref="Export.File{T}"/>); null for an unknown format.</summary>
    public static ExportFileResult? File(IReadOnlyList<AuditRow> rows, string? format, string name) => Export.File(format, Columns, rows, name);
}

/// <summary>Action codes in words.</summary>
public static class AuditLabels
{
    public static string Action(string code) => code switch
    {
        "checklist.tick" => "Élément coché",
        "checklist.untick" => "Élément décoché",
        "checklist.not-applicable" => "Élément non applicable",
        "phase.close" => "Phase close",
        "phase.force" => "Passage forcé",
        "phase.open" => "Phase ouverte",
        "gate.decide" => "Décision go / no-go",
        "enrolment.complete" => "Démarche terminée",
        "enrolment.start" => "Participation démarrée",
        "deliverable.submit" => "Livrable déposé",
        "deliverable.approve" => "Livrable validé",
        "deliverable.request-changes" => "Modifications demandées",
        _ => code,
    };
}
