using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>A person invited to a session: name, address (may be empty: sending is then refused), role shown on the page.</summary>
public sealed record Participant(string Name, string Email, string Role, bool Required)
{
    /// <summary>The address as compared and stored: trimmed, lower-case.</summary>
    public string Key => SessionParticipant.Normalise(Email);
}

/// <summary>A session as the page shows it, with everything needed to change it and to invite its participants.</summary>
public sealed record SessionContext(
    Session Session,
    Wave Wave,
    WorkflowDefinition Definition,
    SessionDefinition? SessionDefinition,
    Group? Group,
    string? Establishment,
    Participant? Organizer,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<SessionParticipant> Changes,
    IReadOnlyList<Guid> EnrolmentIds,
    bool CanEdit)
{
    public string Title => SessionDefinition?.Title ?? Session.SessionId;

    /// <summary>
    /// An audit row about this session, in the words of the trail: « Séance « SC1 — Lancement » (Groupe 1) », never its id.
    /// </summary>
    public AuditEvent Audit(DateTimeOffset at, string actor, string action, string? before, string? after) =>
        new(at, actor, Session.WaveId, Session.EnrolmentId, action,
            $"Séance « {Title} » ({Establishment ?? Group?.Name ?? Wave.Name})", before, after);

    /// <summary>What the trail says of the session's state: « Programmée (version 2) ; lundi 4 janvier 2027 à 09h00 ; participants : … ».</summary>
    public string AuditState()
    {
        var when = Session.Status is SessionStatus.Scheduled or SessionStatus.Held ? $" ; {ParisTime.Display(Session.StartUtc)}" : "";
        return $"{Dashboard.Display.Badge(Session.Status).Text} (version {Session.Sequence}){when} ; participants : {string.Join(", ", Participants.Select(p => p.Name))}";
    }

    public Participant? Find(string email) => Participants.FirstOrDefault(p => p.Key == SessionParticipant.Normalise(email));
}

/// <summary>
/// Loads a session through <see cref="AccessScope.Sessions"/> and resolves who is invited: the trinômes of the group
/// (collective) or of the enrolment (individual), the consultant, the wave's ARS referents when the definition
/// invites an ARS role — then the consultant's changes (<see cref="SessionParticipant"/>: guests added, people removed).
/// </summary>
public sealed class SessionContextLoader(AccessScope scope, BenchmarkDbContext db)
{
    public async Task<SessionContext?> LoadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var session = await scope.Sessions().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == session.WaveId, cancellationToken);
        var definition = (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken)).Parse();
        var sessionDefinition = definition.FindSession(session.SessionId);
        Enrolment? enrolment = session.EnrolmentId is { } e
            ? await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(x => x.Id == e, cancellationToken)
            : null;
        var groupId = session.GroupId ?? enrolment?.GroupId;
        var group = groupId is { } g ? await db.Groups.AsNoTracking().SingleOrDefaultAsync(x => x.Id == g, cancellationToken) : null;
        var establishment = enrolment is null
            ? null
            : await db.Establishments.AsNoTracking().Where(x => x.Id == enrolment.EstablishmentId).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);

        var consultant = group?.ConsultantId is { } c
            ? await db.Users.AsNoTracking().Where(u => u.Id == c).Select(u => new { u.FullName, u.Email }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var organizer = consultant is null ? null : new Participant(consultant.FullName, consultant.Email ?? "", "Consultant", Required: true);

        var participants = new List<Participant>();
        var enrolmentIds = session.Kind == SessionKind.Collective || enrolment is null
            ? await db.Enrolments.AsNoTracking().Where(x => x.GroupId == groupId && x.Status == EnrolmentStatus.Active).Select(x => x.Id).ToListAsync(cancellationToken)
            : [enrolment.Id];
        var members = await (from m in db.TeamMembers.AsNoTracking()
                             where enrolmentIds.Contains(m.EnrolmentId)
                             join en in db.Enrolments on m.EnrolmentId equals en.Id
                             join x in db.Establishments on en.EstablishmentId equals x.Id
                             orderby x.Name, m.FullName
                             select new { m.FullName, m.Email, m.RoleId, Establishment = x.Name }).ToListAsync(cancellationToken);
        participants.AddRange(members.Select(m => new Participant(
            m.FullName, m.Email, $"{definition.FindRole(m.RoleId)?.Title ?? m.RoleId} — {m.Establishment}", Required: true)));
        if (organizer is not null && session.Kind != SessionKind.Internal)
        {
            participants.Add(organizer);
        }

        var arsInvited = session.Kind == SessionKind.Collective && sessionDefinition is not null
            && sessionDefinition.Attendees.Any(a => definition.FindRole(a)?.Side == RoleSide.Ars);
        if (arsInvited)
        {
            var referents = await (from r in db.WaveReferents.AsNoTracking()
                                   where r.WaveId == wave.Id
                                   join u in db.Users on r.UserId equals u.Id
                                   orderby u.FullName
                                   select new { u.FullName, u.Email }).ToListAsync(cancellationToken);
            participants.AddRange(referents.Select(r => new Participant(r.FullName, r.Email ?? "", "Référent ARS", Required: false)));
        }

        var changes = await db.SessionParticipants.Where(p => p.SessionRecordId == session.Id).OrderBy(p => p.ChangedAt).ToListAsync(cancellationToken);
        var canEdit = scope.User.IsArsAdmin || (scope.User.IsConsultant && group?.ConsultantId == scope.User.Id);
        return new SessionContext(session, wave, definition, sessionDefinition, group, establishment, organizer,
            Apply(participants, changes), changes, enrolmentIds, canEdit);
    }

    /// <summary>One entry per address (people without an address stay, by name), minus the removed, plus the guests.</summary>
    public static IReadOnlyList<Participant> Apply(IEnumerable<Participant> derived, IReadOnlyList<SessionParticipant> changes)
    {
        var removed = changes.Where(c => c.Excluded).Select(c => c.Email).ToHashSet(StringComparer.Ordinal);
        var list = derived
            .GroupBy(p => string.IsNullOrWhiteSpace(p.Email) ? "\u0000" + p.Name : p.Key, StringComparer.Ordinal)
            .Select(x => x.First())
            .Where(p => !removed.Contains(p.Key))
            .ToList();
        var present = list.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        list.AddRange(changes.Where(c => !c.Excluded && present.Add(c.Email)).Select(c => new Participant(c.Name, c.Email, "Invité(e) par le consultant", Required: false)));
        return list;
    }
}
