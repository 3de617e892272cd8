using System.Globalization;
using System.Text.Json.Nodes;
using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Calendar;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>A person invited to a session: name, address (may be empty: scheduling is then refused), role shown on the page.</summary>
public sealed record Participant(string Name, string Email, string Role, bool Required);

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
    bool CanEdit)
{
    public string Title => SessionDefinition?.Title ?? Session.SessionId;
}

/// <summary>What the consultant enters to schedule or reschedule a session, as typed (strings, parsed here).</summary>
public sealed record SlotInput(string? Date, string? StartTime, string? DurationMinutes, string? Location, string? VisioUrl, string? Agenda);

/// <summary>
/// Loads a session through <see cref="AccessScope.Sessions"/>, resolves its participants, and schedules, reschedules
/// or cancels it, queueing one <c>session-invite</c> outbox message per participant (template
/// <c>session-invitation</c>, with the ICS from <see cref="InviteBuilder"/>) in the same SaveChanges as the change.
/// </summary>
public sealed class SessionPlanning(AccessScope scope, BenchmarkDbContext db, MailRenderer renderer, TimeProvider clock)
{
    public const string OutboxKind = "session-invite";
    public const string Template = "session-invitation";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

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

        var canEdit = scope.User.IsArsAdmin || (scope.User.IsConsultant && group?.ConsultantId == scope.User.Id);
        var distinct = participants
            .GroupBy(p => string.IsNullOrWhiteSpace(p.Email) ? "\u0000" + p.Name : p.Email.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .Select(x => x.First()).ToList();
        return new SessionContext(session, wave, definition, sessionDefinition, group, establishment, organizer, distinct, canEdit);
    }

    /// <summary>The agenda the form starts with: the definition's time slots, one per line.</summary>
    public static string DefaultAgenda(SessionDefinition? definition) => definition is null
        ? ""
        : string.Join("\n", definition.Agenda.Select(a => string.Create(French,
            $"{a.Start:HH\\:mm}–{a.End:HH\\:mm} {a.Title}{(string.IsNullOrWhiteSpace(a.By) ? "" : $" ({a.By})")}")));

    /// <summary>The duration the form starts with: the definition's, else the planned one.</summary>
    public static int DefaultDurationMinutes(SessionContext context) =>
        context.SessionDefinition is { Duration: { Days: 0, Minutes: > 0 } d }
            ? d.Minutes
            : Math.Max(1, (int)(context.Session.EndUtc - context.Session.StartUtc).TotalMinutes);

    public static string Display(DateTimeOffset instant) =>
        ParisTime.ToParis(instant).ToString("dddd d MMMM yyyy 'à' HH'h'mm", French);

    /// <summary>Parses the form into a slot; field errors are keyed by input name.</summary>
    public static (SessionSlot? Slot, Dictionary<string, string> Errors) Parse(SlotInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[nameof(SlotInput.Date)] = "Indiquez la date de la séance (format attendu : JJ/MM/AAAA).";
        }

        if (!TimeOnly.TryParseExact(input.StartTime?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            errors[nameof(SlotInput.StartTime)] = "Indiquez l'heure de début (format attendu : HH:MM).";
        }

        if (!int.TryParse(input.DurationMinutes?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) || minutes <= 0 || minutes > 60 * 24 * 5)
        {
            errors[nameof(SlotInput.DurationMinutes)] = "La fin de la séance doit suivre son début : indiquez une durée positive, en minutes.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var startUtc = ParisTime.ToUtc(date, start);
        var location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim();
        var visio = string.IsNullOrWhiteSpace(input.VisioUrl) ? null : input.VisioUrl.Trim();
        var agenda = string.IsNullOrWhiteSpace(input.Agenda) ? null : input.Agenda.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return (new SessionSlot(startUtc, startUtc.AddMinutes(minutes), location, visio, agenda), errors);
    }

    public async Task<Result<SessionEvent>> ScheduleAsync(SessionContext context, SessionSlot slot, CancellationToken cancellationToken) =>
        slot.Validate(clock.GetUtcNow()) is { } error ? error : await ChangeAsync(context, s => s.Schedule(slot, clock.GetUtcNow()), cancellationToken);

    public async Task<Result<SessionEvent>> RescheduleAsync(SessionContext context, SessionSlot slot, CancellationToken cancellationToken) =>
        slot.Validate(clock.GetUtcNow()) is { } error ? error : await ChangeAsync(context, s => s.Reschedule(slot, clock.GetUtcNow()), cancellationToken);

    public Task<Result<SessionEvent>> CancelAsync(SessionContext context, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(context, s => s.Cancel(reason ?? ""), cancellationToken);

    private async Task<Result<SessionEvent>> ChangeAsync(SessionContext context, Func<Session, Result<SessionEvent>> change, CancellationToken cancellationToken)
    {
        if (!context.CanEdit)
        {
            return Error.NotAllowed("Seul le consultant du groupe peut modifier cette séance.");
        }

        if (Check(context) is { } problem)
        {
            return problem;
        }

        var session = context.Session;
        var previousStart = session.StartUtc;
        var previousPlace = (session.Location, session.VisioUrl);
        var result = change(session);
        if (!result.IsSuccess)
        {
            // Nothing half-changed stays tracked: the entity is reloaded on failure.
            await db.Entry(session).ReloadAsync(cancellationToken);
            return result;
        }

        if (result.Value is not SessionCancelled { InvitesWereSent: false })
        {
            await QueueInvitesAsync(context, result.Value, previousStart, previousPlace, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static Error? Check(SessionContext context)
    {
        if (context.Organizer is null || string.IsNullOrWhiteSpace(context.Organizer.Email))
        {
            return Error.Invalid("Le groupe n'a pas de consultant avec une adresse électronique : les invitations ne peuvent pas être envoyées.");
        }

        if (context.Participants.Count == 0)
        {
            return Error.Invalid("La séance n'a aucun participant à inviter.");
        }

        var withoutEmail = context.Participants.Where(p => string.IsNullOrWhiteSpace(p.Email) || !p.Email.Contains('@', StringComparison.Ordinal)).ToList();
        return withoutEmail.Count == 0
            ? null
            : Error.Invalid($"Participant sans adresse électronique : {string.Join(", ", withoutEmail.Select(p => p.Name))}. Complétez l'équipe avant d'envoyer les invitations.");
    }

    private async Task QueueInvitesAsync(
        SessionContext context, SessionEvent change, DateTimeOffset previousStart, (string? Location, string? VisioUrl) previousPlace, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var now = clock.GetUtcNow();
        var cancel = change is SessionCancelled;
        var summary = $"{context.Title} — {context.Definition.Title}";
        var invite = InviteBuilder.Build(new InviteModel(
            session.Uid,
            session.Sequence,
            cancel ? InviteMethod.Cancel : InviteMethod.Request,
            summary,
            session.Agenda,
            session.Location,
            session.VisioUrl is { } v ? new Uri(v) : null,
            session.StartUtc,
            session.EndUtc,
            new InvitePerson(context.Organizer!.Name, context.Organizer.Email.Trim()),
            [.. context.Participants.Select(p => new InviteAttendee(p.Name, p.Email.Trim(), p.Required ? AttendeeRole.Required : AttendeeRole.Optional))],
            now));

        var kind = change switch
        {
            SessionCancelled => "annulation",
            SessionRescheduled => "modification",
            _ => "invitation",
        };
        var changes = new List<string>();
        if (change is SessionRescheduled)
        {
            if (previousStart != session.StartUtc)
            {
                changes.Add($"la date : {Display(previousStart)} → {Display(session.StartUtc)}");
            }

            if (!string.Equals(previousPlace.Location, session.Location, StringComparison.Ordinal))
            {
                changes.Add($"le lieu : {previousPlace.Location ?? "aucun"} → {session.Location ?? "aucun"}");
            }

            if (!string.Equals(previousPlace.VisioUrl, session.VisioUrl, StringComparison.Ordinal))
            {
                changes.Add($"le lien de visioconférence : {session.VisioUrl ?? "supprimé"}");
            }

            if (changes.Count == 0)
            {
                changes.Add("l'ordre du jour");
            }
        }

        var end = ParisTime.ToParis(session.EndUtc);
        foreach (var participant in context.Participants)
        {
            var email = participant.Email.Trim();
            var model = new JsonObject
            {
                ["kind"] = kind,
                ["name"] = participant.Name,
                ["title"] = context.Title,
                ["programme"] = context.Definition.Title,
                ["date"] = Display(session.StartUtc),
                ["end_time"] = end.ToString("HH'h'mm", French),
                ["location"] = session.Location,
                ["visio_url"] = session.VisioUrl,
                ["agenda"] = session.Agenda,
                ["organizer"] = context.Organizer.Name,
                ["changes"] = string.Join(" ; ", changes),
                ["previous_date"] = Display(previousStart),
                ["reason"] = session.CancelReason,
                ["link"] = $"seances/{session.Id}",
            };
            var subject = await renderer.RenderSubjectAsync(Template, model);
            var payload = new JsonObject { ["template"] = Template, ["model"] = model, ["ics"] = invite.Ics };
            db.OutboxMessages.Add(new OutboxMessage(
                Guid.CreateVersion7(),
                $"invite:{session.Id}:{session.Sequence}:{email.ToLowerInvariant()}",
                OutboxKind,
                email,
                subject,
                payload.ToJsonString(),
                now));
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
