using Benchmark.Core.Domain;

namespace Benchmark.Core.Runtime;

/// <summary>
/// Who issues a command: a user and the programme role they act in (a definition role id).
/// An ArsAdmin (<c>IsArsAdmin</c>) may force a gate with a written justification.
/// </summary>
public sealed record Actor(string Id, string Name, string Role, bool IsArsAdmin = false);

/// <summary>What the engine needs to know beyond the enrolment itself.</summary>
public sealed record EnrolmentContext(IReadOnlySet<string> HeldSessions)
{
    public static EnrolmentContext Empty { get; } = new(new HashSet<string>());
}

/// <summary>A command on an enrolment; the engine checks it against the definition before changing anything.</summary>
public abstract record EnrolmentCommand(Actor Actor);

public sealed record StartEnrolment(Actor Actor) : EnrolmentCommand(Actor);

public sealed record TickItem(Actor Actor, string ItemId, string? Comment) : EnrolmentCommand(Actor);

public sealed record UntickItem(Actor Actor, string ItemId, string? Comment) : EnrolmentCommand(Actor);

public sealed record MarkItemNotApplicable(Actor Actor, string ItemId, string Reason) : EnrolmentCommand(Actor);

public sealed record SubmitDeliverable(Actor Actor, string DeliverableId, SubmissionContent Content) : EnrolmentCommand(Actor);

public sealed record ApproveDeliverable(Actor Actor, string DeliverableId, int Version, string? Comment) : EnrolmentCommand(Actor);

public sealed record RequestChanges(Actor Actor, string DeliverableId, int Version, string Comment) : EnrolmentCommand(Actor);

public sealed record DecideGate(Actor Actor, string PhaseId, bool Go, string? Comment) : EnrolmentCommand(Actor);

/// <summary>
/// Looks again at the open phase's gate after something outside the enrolment changed (a session of its group was
/// held): when the gate is now met the journey advances, otherwise nothing happens.
/// </summary>
public sealed record EvaluateGate(Actor Actor) : EnrolmentCommand(Actor);

public sealed record ClosePhase(Actor Actor, string PhaseId) : EnrolmentCommand(Actor);

public sealed record ForceClosePhase(Actor Actor, string PhaseId, string Justification) : EnrolmentCommand(Actor);

/// <summary>Something that happened to an enrolment; drives mail, alerts and the audit trail.</summary>
public abstract record EnrolmentEvent(Guid EnrolmentId, string Actor, DateTimeOffset At);

public sealed record PhaseOpened(Guid EnrolmentId, string Actor, DateTimeOffset At, string PhaseId) : EnrolmentEvent(EnrolmentId, Actor, At);

/// <summary>A phase closed: by hand, forced (with its justification), or by the engine the moment its gate was met (<paramref name="Automatic"/>).</summary>
public sealed record PhaseClosed(Guid EnrolmentId, string Actor, DateTimeOffset At, string PhaseId, string? ForcedJustification, bool Automatic = false)
    : EnrolmentEvent(EnrolmentId, Actor, At);

public sealed record EnrolmentStarted(Guid EnrolmentId, string Actor, DateTimeOffset At) : EnrolmentEvent(EnrolmentId, Actor, At);

public sealed record EnrolmentCompleted(Guid EnrolmentId, string Actor, DateTimeOffset At) : EnrolmentEvent(EnrolmentId, Actor, At);

public sealed record ChecklistItemChanged(Guid EnrolmentId, string Actor, DateTimeOffset At, string ItemId, ChecklistStatus Before, ChecklistStatus After, string? Comment)
    : EnrolmentEvent(EnrolmentId, Actor, At);

public sealed record DeliverableSubmitted(Guid EnrolmentId, string Actor, DateTimeOffset At, string DeliverableId, int Version, string? ApproverRole)
    : EnrolmentEvent(EnrolmentId, Actor, At);

public sealed record DeliverableReviewed(Guid EnrolmentId, string Actor, DateTimeOffset At, string DeliverableId, int Version, ReviewDecision Decision, string? Comment)
    : EnrolmentEvent(EnrolmentId, Actor, At);

public sealed record GateDecided(Guid EnrolmentId, string Actor, DateTimeOffset At, string PhaseId, bool Go, string? Comment) : EnrolmentEvent(EnrolmentId, Actor, At);
