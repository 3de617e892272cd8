namespace Benchmark.Core.Roadmap;

public enum ActionPriority
{
    High,
    Medium,
    Low,
}

public enum ActionStatus
{
    NotStarted,
    InProgress,
    Blocked,
    Done,
}

/// <summary>An action of the plan: what, on which lever, who, when, how urgent, where it stands, what it should change.</summary>
public sealed record RoadmapAction(
    string Id, string Title, string Lever, string Owner, DateOnly? Start, DateOnly? Due, ActionPriority Priority, ActionStatus Status, int Progress, string ExpectedImpact)
{
    /// <summary>Past its due date and not done: what the consultant follows up.</summary>
    public bool IsLate(DateOnly today) => Due is { } due && due < today && Status != ActionStatus.Done;
}

/// <summary>A target value for one of the programme's indicators, to reach by <see cref="Horizon"/>.</summary>
public sealed record IndicatorTarget(string Id, string IndicatorId, decimal? Baseline, decimal? Target, DateOnly? Horizon);

/// <summary>A line of the communication plan: to whom, what, how, when, who carries it.</summary>
public sealed record CommunicationItem(string Id, string Audience, string Message, string Channel, DateOnly? When, string Owner);

/// <summary>
/// A feuille de route as the team writes it and submits it (serialised into the submission's structured JSON):
/// the action plan, the indicator targets, the risk map and the communication plan. Each line has a stable id, so
/// versions compare line by line and the live state of an action survives its approval.
/// </summary>
public sealed record RoadmapDocument(
    IReadOnlyList<RoadmapAction> Actions,
    IReadOnlyList<IndicatorTarget> Targets,
    IReadOnlyList<Risk> Risks,
    IReadOnlyList<CommunicationItem> Communication)
{
    public static RoadmapDocument Empty { get; } = new([], [], [], []);

    public bool IsEmpty => Actions.Count == 0 && Targets.Count == 0 && Risks.Count == 0 && Communication.Count == 0;
}
