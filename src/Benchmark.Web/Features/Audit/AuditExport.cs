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
        "session.scheduled" => "Séance programmée",
        "session.rescheduled" => "Séance déplacée",
        "session.cancelled" => "Séance annulée",
        "session.participants" => "Participants modifiés",
        "session.changed" => "Séance modifiée",
        "session.minutes" => "Compte rendu de séance",
        "session.report" => "Compte rendu remis à l'ARS",
        "indicators.save" => "Indicateurs enregistrés",
        "indicators.submit" => "Indicateurs soumis",
        "indicators.validate" => "Indicateurs validés",
        "indicators.sendback" => "Indicateurs renvoyés",
        "indicators.unlock" => "Indicateurs déverrouillés",
        "indicators.annotate" => "Changement testé noté sur les graphiques",
        "indicators.annotation-remove" => "Changement testé retiré des graphiques",
        "roadmap.action-progress" => "Avancement d'une action",
        "eig.report" => "Événement indésirable grave signalé",
        "team.invite" => "Membre d'équipe invité",
        "wave.create" => "Vague créée",
        "wave.referent" => "Référent ARS désigné",
        "group.create" => "Groupe créé",
        "group.consultant" => "Consultant du groupe désigné",
        "establishment.create" => "Établissement créé",
        "outbox.resend" => "Message renvoyé",
        _ => code,
    };
}
