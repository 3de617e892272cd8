using Benchmark.Core.Definitions;

namespace Benchmark.Core.Scheduling;

/// <summary>
/// A date moved off a non-working day: the date its expression gave, and why that day is not worked
/// (« samedi », « lundi de Pentecôte »), so a page can say « déplacée du lun. 17/05/2027 (lundi de Pentecôte) ».
/// </summary>
public sealed record DateMove(DateOnly Original, DateOnly Date, string Reason);

public sealed record ResolvedPhase(PhaseDefinition Definition, DateOnly Start, DateOnly Due)
{
    /// <summary>Set when the deadline was moved off a non-working day.</summary>
    public DateMove? Moved { get; init; }
}

public sealed record ResolvedMilestone(MilestoneDefinition Definition, DateOnly Date)
{
    public DateMove? Moved { get; init; }
}

/// <summary>A session placed in time: Paris calendar days and the matching UTC instants.</summary>
public sealed record ResolvedSession(SessionDefinition Definition, DateOnly StartDate, DateOnly EndDate, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    /// <summary>The report's deadline (next working day after the delay), when the session owes one.</summary>
    public DateOnly? ReportDue { get; init; }

    /// <summary>Set when the first day was moved off a non-working day.</summary>
    public DateMove? Moved { get; init; }

    public DateMove? ReportMoved { get; init; }
}

public sealed record ResolvedChecklistItem(ChecklistItemDefinition Definition, DateOnly Due)
{
    public DateMove? Moved { get; init; }
}

public sealed record ResolvedDeliverable(DeliverableDefinition Definition, DateOnly Due)
{
    public DateMove? Moved { get; init; }
}

/// <summary>A definition resolved against a wave's anchors: every date of the programme.</summary>
public sealed record ResolvedCalendar(
    WorkflowDefinition Definition,
    IReadOnlyDictionary<string, DateOnly> Anchors,
    IReadOnlyList<ResolvedPhase> Phases,
    IReadOnlyList<ResolvedMilestone> Milestones,
    IReadOnlyList<ResolvedSession> Sessions,
    IReadOnlyList<ResolvedChecklistItem> Checklist,
    IReadOnlyList<ResolvedDeliverable> Deliverables)
{
    /// <summary>The working days the dates were placed on.</summary>
    public WorkingCalendar WorkingDays { get; init; } = WorkingCalendar.France;

    public ResolvedPhase Phase(string id) => Phases.First(p => p.Definition.Id == id);

    public ResolvedSession Session(string id) => Sessions.First(s => s.Definition.Id == id);

    /// <summary>
    /// The phases that would end before they start with these anchors (a phase starts when the previous one is due):
    /// the anchors are in the wrong order or too close, e.g. a launch J* set before the candidature deadline J + 2 mo 21 d.
    /// </summary>
    public IReadOnlyList<ResolvedPhase> InvertedPhases() => [.. Phases.Where(p => p.Due < p.Start)];
}

/// <summary>A date that cannot be computed, with the expression at fault, or the wave's anchor at fault.</summary>
public sealed record ResolutionError(DateExpression? Expression, string Message, string? Anchor = null);
