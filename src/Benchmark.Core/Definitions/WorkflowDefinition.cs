using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Definitions;

/// <summary>A programme definition read from <c>workflows/*.yaml</c>: data the engine runs, immutable.</summary>
public sealed record WorkflowDefinition(
    string Id,
    int Version,
    string Title,
    string? Source,
    string? Summary,
    IReadOnlyList<AnchorDefinition> Anchors,
    IReadOnlyList<RoleDefinition> Roles,
    GroupSize GroupSize,
    IReadOnlyList<AxisDefinition> Axes,
    IReadOnlyList<PhaseDefinition> Phases,
    IReadOnlyList<GridDefinition> Grids,
    IReadOnlyList<IndicatorDefinition> Indicators,
    IReadOnlyList<ReminderDefinition> Reminders)
{
    /// <summary>The public holidays its dates avoid (<c>holidays: alsace-moselle</c> adds Vendredi saint and 26 décembre).</summary>
    public HolidayRegion Holidays { get; init; } = HolidayRegion.France;

    public IEnumerable<SessionDefinition> Sessions => Phases.SelectMany(p => p.Sessions);

    public IEnumerable<ChecklistItemDefinition> ChecklistItems => Phases.SelectMany(p => p.Checklist);

    public IEnumerable<DeliverableDefinition> Deliverables => Phases.SelectMany(p => p.Deliverables);

    public IEnumerable<MilestoneDefinition> Milestones => Phases.SelectMany(p => p.Milestones);

    public IEnumerable<ActionDefinition> Actions => Axes.SelectMany(a => a.Actions);

    public PhaseDefinition? FindPhase(string id) => Phases.FirstOrDefault(p => p.Id == id);

    public SessionDefinition? FindSession(string id) => Sessions.FirstOrDefault(s => s.Id == id);

    public DeliverableDefinition? FindDeliverable(string id) => Deliverables.FirstOrDefault(d => d.Id == id);

    public ChecklistItemDefinition? FindChecklistItem(string id) => ChecklistItems.FirstOrDefault(c => c.Id == id);

    public RoleDefinition? FindRole(string id) => Roles.FirstOrDefault(r => r.Id == id);

    /// <summary>The phase that declares a session, checklist item or deliverable.</summary>
    public PhaseDefinition PhaseOf(string itemId) => Phases.First(p =>
        p.Sessions.Any(s => s.Id == itemId) || p.Checklist.Any(c => c.Id == itemId) || p.Deliverables.Any(d => d.Id == itemId));
}

public sealed record AnchorDefinition(string Id, string Title);

public enum RoleSide
{
    Establishment,
    Consultant,
    Ars,
}

public sealed record RoleDefinition(string Id, string Title, RoleSide Side, bool Optional);

public sealed record GroupSize(int Min, int Max)
{
    public static GroupSize Default { get; } = new(4, 6);
}

public sealed record AxisDefinition(string Id, string Title, IReadOnlyList<ActionDefinition> Actions);

public sealed record ActionDefinition(string Id, string Title, string? Description);

public sealed record PhaseDefinition(
    string Id,
    string Title,
    string? Description,
    DateExpression? Start,
    DateExpression Due,
    GateDefinition Gate,
    IReadOnlyList<MilestoneDefinition> Milestones,
    IReadOnlyList<SessionDefinition> Sessions,
    IReadOnlyList<ChecklistItemDefinition> Checklist,
    IReadOnlyList<DeliverableDefinition> Deliverables);

/// <summary>What must be true to close a phase. <see cref="AllChecklist"/> stands for every item of the phase.</summary>
public sealed record GateDefinition(
    IReadOnlyList<string> Deliverables,
    IReadOnlyList<string> Checklist,
    bool AllChecklist,
    IReadOnlyList<string> Sessions,
    GateDecisionDefinition? Decision)
{
    public static GateDefinition None { get; } = new([], [], false, [], null);

    public bool IsEmpty => Deliverables.Count == 0 && Checklist.Count == 0 && !AllChecklist && Sessions.Count == 0 && Decision is null;
}

public sealed record GateDecisionDefinition(string By, string Title);

public sealed record MilestoneDefinition(string Id, string Title, DateExpression At, string? Description);

public enum SessionKind
{
    Collective,
    Individual,
    Internal,
}

public enum SessionMode
{
    Presentiel,
    Visio,
    Telephone,
    Hybride,
}

public sealed record SessionDefinition(
    string Id,
    string Title,
    SessionKind Kind,
    DateExpression At,
    TimeOnly Time,
    TimeOnly EndTime,
    SessionDuration Duration,
    SessionMode Mode,
    IReadOnlyList<string> Attendees,
    string? Milestone,
    string? Description,
    IReadOnlyList<AgendaItemDefinition> Agenda,
    SessionReportDefinition? Report);

public sealed record AgendaItemDefinition(TimeOnly Start, TimeOnly End, string Title, string? By);

public sealed record SessionReportDefinition(string Title, string Owner, string To, Offset Due);

public sealed record ChecklistItemDefinition(
    string Id,
    string Text,
    string Owner,
    string? Action,
    string? Milestone,
    DateExpression? Due,
    bool Optional);

public enum DeliverableKind
{
    Document,
    Roadmap,
    Candidature,
    Report,
}

public sealed record DeliverableDefinition(
    string Id,
    string Title,
    string Owner,
    string? Approver,
    DateExpression Due,
    DeliverableKind Kind,
    string? Template,
    string? Description);

public enum ColumnType
{
    Date,
    Choice,
    Integer,
    Number,
    Text,
}

public sealed record GridDefinition(string Id, string Title, string? Description, IReadOnlyList<GridColumnDefinition> Columns);

public sealed record ChoiceValue(string Id, string Title);

public sealed record GridColumnDefinition(
    string Id,
    string Title,
    ColumnType Type,
    IReadOnlyList<ChoiceValue> Values,
    decimal? Min,
    decimal? Max,
    bool Required);

public enum IndicatorPeriod
{
    Month,
    Bimonth,
    Quarter,
    Semester,
    Year,
}

public enum IndicatorDirection
{
    Higher,
    Lower,
    Neutral,
}

public enum IndicatorCategory
{
    Socle,
    Specifique,
    Experimental,
    Routine,
    Resultat,
}

public sealed record IndicatorDefinition(
    string Id,
    string Title,
    IndicatorCategory Category,
    string Unit,
    IndicatorPeriod Period,
    IndicatorDirection Direction,
    decimal? Min,
    decimal? Max,
    IReadOnlyList<IndicatorInputDefinition> Inputs,
    Formulas.Formula? Formula,
    IReadOnlyList<IndicatorCheckDefinition> Checks,
    string? Description,
    string? Source)
{
    /// <summary>An indicator with neither inputs nor formula is entered directly as one value.</summary>
    public bool IsDirect => Formula is null && Inputs.Count == 0;
}

public enum GridAggregate
{
    Count,
    Sum,
    Mean,
}

public sealed record GridSourceDefinition(
    string Grid,
    GridAggregate Aggregate,
    string? Column,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Where);

public sealed record IndicatorInputDefinition(
    string Id,
    string Title,
    string? Unit,
    decimal? Min,
    decimal? Max,
    bool Optional,
    GridSourceDefinition? Grid);

public sealed record IndicatorCheckDefinition(Formulas.Comparison Rule, string Message);

public enum ReminderTrigger
{
    SessionStart,
    SessionReportDue,
    DeliverableDue,
    ChecklistDue,
    PhaseDue,
    IndicatorDue,
}

public enum ReminderCondition
{
    Pending,
    Always,
}

public sealed record ReminderDefinition(
    string Id,
    ReminderTrigger On,
    Offset Offset,
    TimeOnly Time,
    IReadOnlyList<string> Audience,
    ReminderCondition When,
    IReadOnlyList<SessionKind> Kinds,
    string Template);
