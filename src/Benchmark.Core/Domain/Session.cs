using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Domain;

public enum SessionStatus
{
    Planned,
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>
/// A session of a wave: collective (a group), individual or internal (one enrolment). It keeps one calendar UID for
/// its whole life; every change bumps <see cref="Sequence"/> so calendar clients replace the previous invite. A
/// cancelled session is never reopened (a cancelled VEVENT stays cancelled in calendars): it is re-planned as a new
/// occurrence of the same definition slot (<see cref="Replan"/>), with its own UID.
/// </summary>
public sealed class Session
{
    private Session()
    {
    }

    public Session(Guid id, Guid waveId, Guid? groupId, Guid? enrolmentId, string sessionId, SessionKind kind, DateTimeOffset plannedStartUtc, DateTimeOffset plannedEndUtc)
    {
        (Id, WaveId, GroupId, EnrolmentId, SessionId, Kind) = (id, waveId, groupId, enrolmentId, sessionId, kind);
        (StartUtc, EndUtc) = (plannedStartUtc, plannedEndUtc);
        Uid = $"{id:N}@benchmark";
    }

    public Guid Id { get; private set; }

    public Guid WaveId { get; private set; }

    public Guid? GroupId { get; private set; }

    public Guid? EnrolmentId { get; private set; }

    /// <summary>The session's id in the definition (SC1, SI0, …).</summary>
    public string SessionId { get; private set; } = "";

    public SessionKind Kind { get; private set; }

    public SessionStatus Status { get; private set; }

    public DateTimeOffset StartUtc { get; private set; }

    public DateTimeOffset EndUtc { get; private set; }

    public string? Location { get; private set; }

    public string? VisioUrl { get; private set; }

    public string? Agenda { get; private set; }

    public string Uid { get; private set; } = "";

    public int Sequence { get; private set; }

    public string? Minutes { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>0 for the slot's first session, then one more each time a cancelled one is planned again.</summary>
    public int Occurrence { get; private set; }

    /// <summary>The cancelled session this one was planned again from, if any.</summary>
    public Guid? ReplacesId { get; private set; }

    /// <summary>
    /// Plans a cancelled session again: a new, planned session of the same slot (same definition session, group or
    /// enrolment), with a new id and so a new UID; this one stays cancelled, in the history.
    /// </summary>
    public Result<Session> Replan(Guid id)
    {
        if (Status != SessionStatus.Cancelled)
        {
            return Error.NotAllowed($"Seule une séance annulée se planifie à nouveau (la séance {SessionId} est {Describe(Status)}).");
        }

        return new Session(id, WaveId, GroupId, EnrolmentId, SessionId, Kind, StartUtc, EndUtc)
        {
            Occurrence = Occurrence + 1,
            ReplacesId = Id,
            Location = Location,
            VisioUrl = VisioUrl,
            Agenda = Agenda,
        };
    }

    public Result<SessionEvent> Schedule(SessionSlot slot, DateTimeOffset now)
    {
        if (Status != SessionStatus.Planned)
        {
            return Error.NotAllowed($"La séance {SessionId} est déjà {Describe(Status)} : utilisez « reprogrammer ».");
        }

        if (slot.Validate(now) is { } error)
        {
            return error;
        }

        Apply(slot);
        Status = SessionStatus.Scheduled;
        return new SessionScheduled(Id, SessionId, Sequence);
    }

    public Result<SessionEvent> Reschedule(SessionSlot slot, DateTimeOffset now)
    {
        if (Status != SessionStatus.Scheduled)
        {
            return Error.NotAllowed($"Seule une séance programmée peut être reprogrammée (la séance {SessionId} est {Describe(Status)}).");
        }

        if (slot.Validate(now) is { } error)
        {
            return error;
        }

        var previousStart = StartUtc;
        Apply(slot);
        Sequence++;
        return new SessionRescheduled(Id, SessionId, Sequence, previousStart);
    }

    public Result<SessionEvent> Cancel(string reason)
    {
        if (Status is SessionStatus.Held or SessionStatus.Cancelled)
        {
            return Error.NotAllowed($"La séance {SessionId} est déjà {Describe(Status)} : elle ne peut plus être annulée.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("Indiquez le motif de l'annulation.");
        }

        var wasScheduled = Status == SessionStatus.Scheduled;
        Status = SessionStatus.Cancelled;
        CancelReason = reason.Trim();
        if (wasScheduled)
        {
            Sequence++;
        }

        return new SessionCancelled(Id, SessionId, Sequence, wasScheduled);
    }

    /// <summary>
    /// Minutes are written once the session has started: a scheduled session becomes held, a held one has its minutes
    /// corrected. The one rule, checked before anything else is asked of the consultant and again when recorded.
    /// </summary>
    public Result<SessionStatus> MinutesAllowed(DateTimeOffset now) => Status switch
    {
        SessionStatus.Held => SessionStatus.Held,
        SessionStatus.Scheduled when now < StartUtc => NotStarted(),
        SessionStatus.Scheduled => SessionStatus.Scheduled,
        _ => Error.NotAllowed($"Seule une séance programmée puis tenue a un compte rendu (la séance {SessionId} est {Describe(Status)})."),
    };

    /// <summary>Records the minutes: the session is held from now on, or its minutes are corrected.</summary>
    public Result<SessionEvent> RecordMinutes(string minutes, DateTimeOffset now)
    {
        var allowed = MinutesAllowed(now);
        if (!allowed.IsSuccess)
        {
            return allowed.Error!;
        }

        return allowed.Value == SessionStatus.Held ? UpdateMinutes(minutes) : MarkHeld(minutes, now);
    }

    public Result<SessionEvent> MarkHeld(string minutes, DateTimeOffset now)
    {
        if (Status != SessionStatus.Scheduled)
        {
            return Error.NotAllowed($"Seule une séance programmée peut être déclarée tenue (la séance {SessionId} est {Describe(Status)}).");
        }

        if (now < StartUtc)
        {
            return NotStarted();
        }

        Status = SessionStatus.Held;
        Minutes = minutes;
        HeldAt = now;
        return new SessionHeld(Id, SessionId);
    }

    /// <summary>
    /// A participant is added or removed: the invite changes for everyone still invited, so the sequence grows
    /// (iTIP: the remaining attendees get a REQUEST, the removed one a CANCEL, with this new sequence).
    /// </summary>
    public Result<SessionEvent> ChangeParticipants(DateTimeOffset now)
    {
        if (Status != SessionStatus.Scheduled)
        {
            return Error.NotAllowed($"Les participants se modifient sur une séance programmée (la séance {SessionId} est {Describe(Status)}).");
        }

        if (now >= EndUtc)
        {
            return Error.NotAllowed($"La séance {SessionId} est terminée : sa liste de participants ne change plus.");
        }

        Sequence++;
        return new SessionParticipantsChanged(Id, SessionId, Sequence);
    }

    /// <summary>Corrects the minutes of a session already held; <see cref="HeldAt"/> keeps the first recording.</summary>
    public Result<SessionEvent> UpdateMinutes(string minutes)
    {
        if (Status != SessionStatus.Held)
        {
            return Error.NotAllowed($"Seul le compte rendu d'une séance tenue se corrige (la séance {SessionId} est {Describe(Status)}).");
        }

        Minutes = minutes;
        return new SessionHeld(Id, SessionId);
    }

    private void Apply(SessionSlot slot) =>
        (StartUtc, EndUtc, Location, VisioUrl, Agenda) = (slot.StartUtc, slot.EndUtc, slot.Location, slot.VisioUrl, slot.Agenda);

    private Error NotStarted() =>
        Error.NotAllowed($"La séance {SessionId} n'a pas encore commencé : le compte rendu se saisit après le {ParisTime.Display(StartUtc)}.");

    private static string Describe(SessionStatus status) => status switch
    {
        SessionStatus.Planned => "prévue",
        SessionStatus.Scheduled => "programmée",
        SessionStatus.Held => "tenue",
        SessionStatus.Cancelled => "annulée",
    };
}

/// <summary>Where and when a session takes place, as a consultant enters it.</summary>
public sealed record SessionSlot(DateTimeOffset StartUtc, DateTimeOffset EndUtc, string? Location, string? VisioUrl, string? Agenda)
{
    public Error? Validate(DateTimeOffset now)
    {
        if (StartUtc < now)
        {
            return Error.Invalid("La date de début est passée : choisissez une date à venir.");
        }

        if (EndUtc <= StartUtc)
        {
            return Error.Invalid("La fin de la séance doit suivre son début.");
        }

        if (string.IsNullOrWhiteSpace(Location) && string.IsNullOrWhiteSpace(VisioUrl))
        {
            return Error.Invalid("Indiquez un lieu ou un lien de visioconférence.");
        }

        return string.IsNullOrWhiteSpace(VisioUrl) ? null : VisioLink.Check(VisioUrl);
    }
}

public abstract record SessionEvent(Guid SessionRecordId, string SessionId);

public sealed record SessionScheduled(Guid SessionRecordId, string SessionId, int Sequence) : SessionEvent(SessionRecordId, SessionId);

public sealed record SessionRescheduled(Guid SessionRecordId, string SessionId, int Sequence, DateTimeOffset PreviousStartUtc) : SessionEvent(SessionRecordId, SessionId);

public sealed record SessionCancelled(Guid SessionRecordId, string SessionId, int Sequence, bool InvitesWereSent) : SessionEvent(SessionRecordId, SessionId);

public sealed record SessionHeld(Guid SessionRecordId, string SessionId) : SessionEvent(SessionRecordId, SessionId);

public sealed record SessionParticipantsChanged(Guid SessionRecordId, string SessionId, int Sequence) : SessionEvent(SessionRecordId, SessionId);
