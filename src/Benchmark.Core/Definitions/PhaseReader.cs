using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Definitions;

/// <summary>Reads a phase with its gate, milestones, sessions, checklist and deliverables.</summary>
internal static class PhaseReader
{
    public static PhaseDefinition Read(LoadContext c, NodeReader.Fields p)
    {
        var id = c.Id(p, "id");
        var what = $"la phase '{id}'";
        return new PhaseDefinition(
            id,
            p.RequiredString("title"),
            p.String("description"),
            c.DateOf(p, "start", required: false),
            c.DateOf(p, "due", required: true) ?? Placeholder,
            ReadGate(c, p, what),
            c.Each(p.List("milestones"), "un jalon", (m, _) => new MilestoneDefinition(
                c.Id(m, "id"), m.RequiredString("title"), c.DateOf(m, "at", required: true) ?? Placeholder, m.String("description")),
                "id", "title", "at", "description"),
            c.Each(p.List("sessions"), "une séance", (s, _) => ReadSession(c, s),
                "id", "title", "kind", "at", "time", "end_time", "duration", "mode", "attendees", "milestone", "description", "agenda", "report"),
            c.Each(p.List("checklist"), "un élément de check-list", (i, _) => new ChecklistItemDefinition(
                c.Id(i, "id"), i.RequiredString("text"), c.RoleRef(i, "owner", "responsable de l'élément"),
                c.Ref(i, "action", IdKind.Action, "action de l'élément"), c.Ref(i, "milestone", IdKind.Milestone, "jalon de l'élément"),
                c.DateOf(i, "due", required: false), i.Bool("optional")),
                "id", "text", "owner", "action", "milestone", "due", "optional"),
            c.Each(p.List("deliverables"), "un livrable", (d, _) => new DeliverableDefinition(
                c.Id(d, "id"), d.RequiredString("title"), c.RoleRef(d, "owner", "auteur du livrable"),
                d.Node("approver") is null ? null : c.RoleRef(d, "approver", "approbateur du livrable"),
                c.DateOf(d, "due", required: true) ?? Placeholder,
                d.Enum("kind", Vocabulary.DeliverableKinds, required: false) ?? DeliverableKind.Document,
                d.String("template"), d.String("description")),
                "id", "title", "owner", "approver", "due", "kind", "template", "description"));
    }

    /// <summary>Stands in for a missing date so reading can go on and report every other problem.</summary>
    private static DateExpression Placeholder { get; } = new("?", "?", ReferencePart.Start, Offset.Zero);

    private static GateDefinition ReadGate(LoadContext c, NodeReader.Fields p, string what)
    {
        if (c.Reader.Mapping(p.Node("gate"), $"la condition de passage de {what}", "deliverables", "checklist", "sessions", "decision") is not { } g)
        {
            return GateDefinition.None;
        }

        var context = $"condition de passage de {what}";
        var all = g.Node("checklist") is Yaml.YamlScalar { Value: "all" };
        var checklist = all ? [] : g.Ids("checklist");
        var deliverables = g.Ids("deliverables");
        var sessions = g.Ids("sessions");
        foreach (var (id, position) in deliverables)
        {
            c.References.Add((IdKind.Deliverable, id, position, context));
        }

        foreach (var (id, position) in checklist)
        {
            c.References.Add((IdKind.Checklist, id, position, context));
        }

        foreach (var (id, position) in sessions)
        {
            c.References.Add((IdKind.Session, id, position, context));
        }

        GateDecisionDefinition? decision = null;
        if (c.Reader.Mapping(g.Node("decision"), $"la décision de {context}", "by", "title") is { } d)
        {
            decision = new GateDecisionDefinition(c.RoleRef(d, "by", $"décision de {context}"), d.RequiredString("title"));
        }

        var gate = new GateDefinition(deliverables.Select(x => x.Id).ToList(), checklist.Select(x => x.Id).ToList(), all,
            sessions.Select(x => x.Id).ToList(), decision);
        if (gate.IsEmpty)
        {
            c.Reader.Error(g.Position, $"{context} vide : listez des livrables, éléments, séances ou une décision, ou retirez 'gate'");
        }

        return gate;
    }

    private static SessionDefinition ReadSession(LoadContext c, NodeReader.Fields s)
    {
        var id = c.Id(s, "id");
        SessionDuration duration = default;
        if (s.String("duration", required: true) is { } durationText && !SessionDuration.TryParse(durationText, out duration, out var error))
        {
            c.Reader.Error(s.PositionOf("duration"), error!);
        }

        var attendees = s.Ids("attendees", required: true);
        c.RoleRefs(attendees, $"participants de la séance '{id}'");
        SessionReportDefinition? report = null;
        if (c.Reader.Mapping(s.Node("report"), $"le compte rendu de la séance '{id}'", "title", "owner", "to", "due") is { } r)
        {
            report = new SessionReportDefinition(r.RequiredString("title"), c.RoleRef(r, "owner", "auteur du compte rendu"),
                c.RoleRef(r, "to", "destinataire du compte rendu"), c.OffsetOf(r, "due") ?? Offset.Zero);
        }

        var time = c.TimeOf(s, "time", new TimeOnly(9, 0));
        var endTime = c.TimeOf(s, "end_time", new TimeOnly(17, 0));
        if (duration.Days > 0 && endTime <= time)
        {
            c.Reader.Error(s.PositionOf(s.Node("end_time") is null ? "time" : "end_time"),
                $"la séance '{id}' dure des journées entières de {time:HH\\:mm} à {endTime:HH\\:mm} : la fin ('end_time', 17:00 par défaut) doit suivre le début ('time')");
        }
        else if (duration.Days == 0 && time.AddMinutes(duration.Minutes) < time)
        {
            c.Reader.Error(s.PositionOf("duration"), $"la séance '{id}' commencée à {time:HH\\:mm} déborderait sur le lendemain : utilisez une durée en jours ('1d')");
        }

        var session = new SessionDefinition(
            id,
            s.RequiredString("title"),
            s.Enum("kind", Vocabulary.SessionKinds) ?? SessionKind.Collective,
            c.DateOf(s, "at", required: true) ?? Placeholder,
            time,
            endTime,
            duration,
            s.Enum("mode", Vocabulary.Modes) ?? SessionMode.Presentiel,
            attendees.Select(a => a.Id).ToList(),
            c.Ref(s, "milestone", IdKind.Milestone, $"jalon de la séance '{id}'"),
            s.String("description"),
            AgendaReader.Read(c, s, id, time, duration.Days > 0 ? endTime : time.AddMinutes(duration.Minutes), duration),
            report);
        if (attendees.Count == 0 && s.Node("attendees") is not null)
        {
            c.Reader.Error(s.PositionOf("attendees"), $"la séance '{id}' n'a aucun participant : listez les rôles invités");
        }

        return session;
    }
}
