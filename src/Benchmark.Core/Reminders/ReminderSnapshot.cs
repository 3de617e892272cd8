using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Reminders;

/// <summary>
/// What the reminder planner needs to know about one wave, loaded by the sweep in a few queries: the enrolments
/// with their teams, the session rows, each group's consultant and the wave's ARS referents.
/// </summary>
/// <param name="WaveId">The wave every enrolment and session below belongs to.</param>
/// <param name="Enrolments">The wave's enrolments a target can concern (withdrawn ones are ignored by the planner): the
/// sweep passes all of them when a calendar item is due, otherwise only those of the session rows' groups and enrolments.</param>
/// <param name="Sessions">Every session row of the wave; a session without a row gets no reminder.</param>
/// <param name="Groups">The wave's groups and their consultants.</param>
/// <param name="ArsReferents">The wave's ARS referents: who an <c>ars</c>-side audience role reaches.</param>
public sealed record ReminderSnapshot(
    Guid WaveId,
    IReadOnlyList<ReminderEnrolment> Enrolments,
    IReadOnlyList<ReminderSession> Sessions,
    IReadOnlyList<ReminderGroup> Groups,
    IReadOnlyList<ReminderContact> ArsReferents);

/// <summary>
/// One enrolment: its state (checklist, deliverables, phases), its team and the indicator periods already reported.
/// </summary>
/// <param name="Enrolment">The workflow instance's state as far as reminders are concerned (an <see cref="Domain.Enrolment"/> converts).</param>
/// <param name="Team">The establishment's project team: who an <c>establishment</c>-side role reaches.</param>
/// <param name="EstablishmentName">Shown in the messages; optional.</param>
/// <param name="ReportedIndicators">Indicator values already reported (as the sweep defines "reported").</param>
public sealed record ReminderEnrolment(
    EnrolmentFacts Enrolment,
    IReadOnlyList<ReminderTeamMember> Team,
    string? EstablishmentName = null,
    IReadOnlyCollection<IndicatorReport>? ReportedIndicators = null);

/// <summary>A team member as far as reminders are concerned: their programme role, name and address.</summary>
public sealed record ReminderTeamMember(string RoleId, string Name, string Email)
{
    public static ReminderTeamMember From(TeamMember member) => new(member.RoleId, member.FullName, member.Email);
}

/// <summary>A person reached by a reminder.</summary>
public sealed record ReminderContact(string Name, string Email);

/// <summary>A group and its consultant (none while no consultant is assigned).</summary>
public sealed record ReminderGroup(Guid Id, string Name, ReminderContact? Consultant);

/// <summary>
/// A session row, whether the report owed after it (definition <c>report</c>) has been submitted, and the consultant's
/// changes to its invite list.
/// </summary>
/// <param name="Session">The row's columns the planner reads (a <see cref="Domain.Session"/> converts).</param>
/// <param name="ReportSubmitted">Whether a <see cref="SessionReport"/> exists for it.</param>
/// <param name="Participants">Its <see cref="SessionParticipant"/> rows (none: the definition's attendees only).</param>
public sealed record ReminderSession(SessionFacts Session, bool ReportSubmitted = false, SessionParticipantChanges? Participants = null);

/// <summary>
/// The consultant's changes to a session's invite list, as the invitations apply them: the removed addresses (who got
/// a CANCEL) and the guests added (who got a REQUEST). Session reminders follow them; the report's reminders do not
/// (they go to the report's owner, not to the participants).
/// </summary>
/// <param name="Excluded">Removed addresses, normalised (<see cref="ReminderKey.Normalise"/>).</param>
/// <param name="Guests">Added people, in the order they were added.</param>
public sealed record SessionParticipantChanges(IReadOnlySet<string> Excluded, IReadOnlyList<ReminderContact> Guests)
{
    public static SessionParticipantChanges None { get; } = new(new HashSet<string>(StringComparer.Ordinal), []);

    /// <summary>Whether <paramref name="email"/> was removed from the session (addresses compare as in the keys).</summary>
    public bool Excludes(string email) => Excluded.Count > 0 && Excluded.Contains(ReminderKey.Normalise(email));

    /// <summary>The changes of one session from its rows: one row per address, removed or added.</summary>
    public static SessionParticipantChanges From(IEnumerable<(string Email, string Name, bool Excluded)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var guests = new List<ReminderContact>();
        foreach (var (email, name, removed) in rows)
        {
            if (removed)
            {
                excluded.Add(ReminderKey.Normalise(email));
            }
            else
            {
                guests.Add(new ReminderContact(string.IsNullOrWhiteSpace(name) ? email : name, email));
            }
        }

        return new(excluded, guests);
    }

    public static SessionParticipantChanges From(IEnumerable<SessionParticipant> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return From(rows.Select(r => (r.Email, r.Name, r.Excluded)));
    }
}

/// <summary>
/// The columns of a <see cref="Domain.Session"/> row that reminders read: what the sweep projects from the database
/// (not the agenda nor the minutes).
/// </summary>
public sealed record SessionFacts(
    Guid Id,
    Guid WaveId,
    Guid? GroupId,
    Guid? EnrolmentId,
    string SessionId,
    SessionKind Kind,
    SessionStatus Status,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    string? Location,
    string? VisioUrl)
{
    /// <summary>The session's current state (a copy: later changes to the entity are not seen).</summary>
    public static SessionFacts FromSession(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(session.Id, session.WaveId, session.GroupId, session.EnrolmentId, session.SessionId, session.Kind, session.Status,
            session.StartUtc, session.EndUtc, session.Location, session.VisioUrl);
    }

    public static implicit operator SessionFacts(Session session) => FromSession(session);
}

/// <summary>
/// An enrolment's state as far as reminders are concerned: its ids, its status and the status of each phase,
/// checklist item and deliverable it has a row for (what has none is pending, open or draft).
/// </summary>
public sealed record EnrolmentFacts(Guid Id, Guid GroupId, Guid EstablishmentId, EnrolmentStatus Status)
{
    public IReadOnlyDictionary<string, PhaseStatus> Phases { get; init; } = new Dictionary<string, PhaseStatus>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ChecklistStatus> Checklist { get; init; } = new Dictionary<string, ChecklistStatus>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, DeliverableStatus> Deliverables { get; init; } = new Dictionary<string, DeliverableStatus>(StringComparer.Ordinal);

    public PhaseStatus Phase(string phaseId) => Phases.TryGetValue(phaseId, out var status) ? status : PhaseStatus.Pending;

    public ChecklistStatus Entry(string itemId) => Checklist.TryGetValue(itemId, out var status) ? status : ChecklistStatus.Open;

    public DeliverableStatus Deliverable(string deliverableId) => Deliverables.TryGetValue(deliverableId, out var status) ? status : DeliverableStatus.Draft;

    /// <summary>The enrolment's current state (a copy: later changes to the entity are not seen).</summary>
    public static EnrolmentFacts FromEnrolment(Enrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        return new(enrolment.Id, enrolment.GroupId, enrolment.EstablishmentId, enrolment.Status)
        {
            Phases = ByFirst(enrolment.Phases.Select(p => (p.PhaseId, p.Status))),
            Checklist = ByFirst(enrolment.Checklist.Select(c => (c.ItemId, c.Status))),
            Deliverables = ByFirst(enrolment.Deliverables.Select(d => (d.DeliverableId, d.Status))),
        };
    }

    /// <summary>Status by item id; the first row of an id wins (as <see cref="Domain.Enrolment.Phase"/> finds it).</summary>
    public static Dictionary<string, TStatus> ByFirst<TStatus>(IEnumerable<(string Id, TStatus Status)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var byId = new Dictionary<string, TStatus>(StringComparer.Ordinal);
        foreach (var (id, status) in rows)
        {
            byId.TryAdd(id, status);
        }

        return byId;
    }

    public static implicit operator EnrolmentFacts(Enrolment enrolment) => FromEnrolment(enrolment);
}

/// <summary>One indicator reported for one period (<see cref="IndicatorPeriods.Key"/>, e.g. <c>2027-B2</c>).</summary>
public readonly record struct IndicatorReport(string IndicatorId, string Period);
