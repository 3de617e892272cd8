using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;

namespace Benchmark.Web.Features.Programmes;

public enum CalendarLineKind
{
    Milestone,
    Session,
    ReportDue,
    Deliverable,
    Checklist,
}

/// <summary>
/// One dated line of a programme calendar: a milestone, a session, a report or deliverable due, check-list items due;
/// <see cref="Moved"/> when its date was moved off a weekend or a public holiday.
/// </summary>
public sealed record CalendarLine(DateOnly Date, CalendarLineKind Kind, string? Id, string Text, DateMove? Moved = null)
{
    /// <summary>« au lieu du lun. 17/05/2027 (lundi de Pentecôte) », or null.</summary>
    public string? MovedNote => Moved is { } m ? $"au lieu du {CalendarLines.Day(m.Original)} ({m.Reason})" : null;

    public string KindLabel => Kind switch
    {
        CalendarLineKind.Milestone => "jalon",
        CalendarLineKind.Session => "séance",
        CalendarLineKind.ReportDue => "échéance",
        CalendarLineKind.Deliverable => "livrable",
        CalendarLineKind.Checklist => "check-list",
    };
}

/// <summary>A phase of a resolved calendar with its dated lines, in date order.</summary>
public sealed record PhaseCalendar(ResolvedPhase Phase, IReadOnlyList<CalendarLine> Lines);

/// <summary>
/// A resolved calendar grouped per phase, as the <c>schedule</c> CLI verb prints it and the programme page shows it:
/// one place decides what a line says, so the two never disagree.
/// </summary>
public static class CalendarLines
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<PhaseCalendar> ByPhase(ResolvedCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var d = calendar.Definition;
        return [.. calendar.Phases.Select(phase => new PhaseCalendar(phase, LinesOf(calendar, d, phase.Definition.Id)))];
    }

    /// <summary>A calendar day in French, e.g. « lun. 18/01/2027 ».</summary>
    public static string Day(DateOnly date) => date.ToString("ddd dd/MM/yyyy", French);

    public static string Kind(SessionKind kind) => kind switch
    {
        SessionKind.Collective => "collective",
        SessionKind.Individual => "individuelle",
        SessionKind.Internal => "interne",
    };

    private static List<CalendarLine> LinesOf(ResolvedCalendar calendar, WorkflowDefinition d, string id)
    {
        var lines = new List<CalendarLine>();
        lines.AddRange(calendar.Milestones.Where(m => d.Phases.First(p => p.Milestones.Contains(m.Definition)).Id == id)
            .Select(m => new CalendarLine(m.Date, CalendarLineKind.Milestone, m.Definition.Id, m.Definition.Title, m.Moved)));
        foreach (var s in calendar.Sessions.Where(s => d.PhaseOf(s.Definition.Id).Id == id))
        {
            var start = ParisTime.ToParis(s.StartUtc);
            var end = ParisTime.ToParis(s.EndUtc);
            var span = s.StartDate == s.EndDate ? $"{start:HH\\:mm}–{end:HH\\:mm}" : $"{start:HH\\:mm} → {Day(s.EndDate)} {end:HH\\:mm}";
            lines.Add(new CalendarLine(s.StartDate, CalendarLineKind.Session, s.Definition.Id,
                $"{s.Definition.Title} ({Kind(s.Definition.Kind)}, {span}, {s.Definition.Mode.ToString().ToLowerInvariant()})", s.Moved));
            if (s.ReportDue is { } due)
            {
                lines.Add(new CalendarLine(due, CalendarLineKind.ReportDue, s.Definition.Id, s.Definition.Report!.Title, s.ReportMoved));
            }
        }

        lines.AddRange(calendar.Deliverables.Where(x => d.PhaseOf(x.Definition.Id).Id == id)
            .Select(x => new CalendarLine(x.Due, CalendarLineKind.Deliverable, x.Definition.Id,
                x.Definition.Title + (x.Definition.Approver is { } a ? $" (validé par {a})" : ""), x.Moved)));
        lines.AddRange(calendar.Checklist.Where(x => d.PhaseOf(x.Definition.Id).Id == id).GroupBy(x => x.Due)
            .Select(g => new CalendarLine(g.Key, CalendarLineKind.Checklist, null, $"{g.Count()} élément(s) dus",
                g.Select(x => x.Moved).FirstOrDefault(m => m is not null))));
        return [.. lines.OrderBy(l => l.Date)];
    }
}
