using Benchmark.Core.Definitions;

namespace Benchmark.Core.Scheduling;

public sealed record ResolvedPhase(PhaseDefinition Definition, DateOnly Start, DateOnly Due);

public sealed record ResolvedMilestone(MilestoneDefinition Definition, DateOnly Date);

/// <summary>A session placed in time: Paris calendar days and the matching UTC instants.</summary>
public sealed record ResolvedSession(SessionDefinition Definition, DateOnly StartDate, DateOnly EndDate, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public DateOnly? ReportDue => Definition.Report is { } report ? report.Due.AddTo(EndDate) : null;
}

public sealed record ResolvedChecklistItem(ChecklistItemDefinition Definition, DateOnly Due);

public sealed record ResolvedDeliverable(DeliverableDefinition Definition, DateOnly Due);

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
    public ResolvedPhase Phase(string id) => Phases.First(p => p.Definition.Id == id);

    public ResolvedSession Session(string id) => Sessions.First(s => s.Definition.Id == id);

    /// <summary>
    /// The phases that would end before they start with these anchors (a phase starts when the previous one is due):
    /// the anchors are in the wrong order or too close, e.g. a launch J* set before the candidature deadline J + 2 mo 21 d.
    /// </summary>
    public IReadOnlyList<ResolvedPhase> InvertedPhases() => [.. Phases.Where(p => p.Due < p.Start)];
}

/// <summary>A date that cannot be computed, with the expression at fault.</summary>
public sealed record ResolutionError(DateExpression? Expression, string Message);
