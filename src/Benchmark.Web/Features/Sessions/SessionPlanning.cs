using System.Globalization;
using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Calendar;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>What the consultant enters to schedule or reschedule a session, as typed (strings, parsed here).</summary>
public sealed record SlotInput(string? Date, string? StartTime, string? DurationMinutes, string? Location, string? VisioUrl, string? Agenda);

/// <summary>
/// Schedules, reschedules or cancels a session, or adds or removes one participant, and queues the invites
/// (<see cref="SessionInvites"/>) in the same SaveChanges as the change: nothing is saved when anything is refused.
/// </summary>
public sealed class SessionPlanning(AccessScope scope, BenchmarkDbContext db, SessionInvites invites, UnitOfWork unit, TimeProvider clock)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly Error NotEditable = Error.NotAllowed("Seul le consultant du groupe peut modifier cette séance.");

    public const int MaxLocation = 300;
    public const int MaxAgenda = 4_000;

    /// <summary>The definition's time slots, one per line, moved so that the first starts at <paramref name="startUtc"/>.</summary>
    public static string DefaultAgenda(SessionDefinition? definition, DateTimeOffset startUtc)
    {
        if (definition is null || definition.Agenda.Count == 0)
        {
            return "";
        }

        var text = string.Join("\n", definition.Agenda.Select(a => string.Create(French,
            $"{a.Start:HH\\:mm}–{a.End:HH\\:mm} {a.Title}{(string.IsNullOrWhiteSpace(a.By) ? "" : $" ({a.By})")}")));
        return AgendaTimes.Shift(text, ParisTime.ToParis(startUtc).TimeOfDay - definition.Agenda[0].Start.ToTimeSpan())!;
    }

    /// <summary>The agenda the page shows and the form starts with: the session's own, else the definition's at its start.</summary>
    public static string ShownAgenda(SessionContext context) =>
        context.Session.Status == SessionStatus.Planned || string.IsNullOrWhiteSpace(context.Session.Agenda)
            ? DefaultAgenda(context.SessionDefinition, context.Session.StartUtc)
            : context.Session.Agenda;

    /// <summary>
    /// The agenda's times follow the start: when the consultant moves the session without rewriting the agenda, the
    /// times it states move by as much (an agenda the consultant rewrote is kept as written).
    /// </summary>
    public static SessionSlot FollowStart(SessionContext context, SessionSlot slot)
    {
        var shown = ShownAgenda(context).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (!string.Equals(slot.Agenda ?? "", shown, StringComparison.Ordinal))
        {
            return slot;
        }

        var delta = ParisTime.ToParis(slot.StartUtc).TimeOfDay - ParisTime.ToParis(context.Session.StartUtc).TimeOfDay;
        return slot with { Agenda = AgendaTimes.Shift(slot.Agenda, delta) };
    }

    /// <summary>The duration the form starts with: the definition's, else the planned one.</summary>
    public static int DefaultDurationMinutes(SessionContext context) =>
        context.SessionDefinition is { Duration: { Days: 0, Minutes: > 0 } d }
            ? d.Minutes
            : Math.Max(1, (int)(context.Session.EndUtc - context.Session.StartUtc).TotalMinutes);

    public static string Display(DateTimeOffset instant) => SessionInvites.Display(instant);

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

        var visio = string.IsNullOrWhiteSpace(input.VisioUrl) ? null : input.VisioUrl.Trim();
        if (visio is not null && VisioLink.Check(visio) is { } refused)
        {
            errors[nameof(SlotInput.VisioUrl)] = refused.Message;
        }

        // Server-side limits: the agenda and the place are mailed to every participant and written into each invite.
        if (input.Location?.Trim().Length > MaxLocation)
        {
            errors[nameof(SlotInput.Location)] = $"Le lieu tient en {MaxLocation} caractères au plus.";
        }

        if (input.Agenda?.Trim().Length > MaxAgenda)
        {
            errors[nameof(SlotInput.Agenda)] = $"L'ordre du jour tient en {MaxAgenda.ToString("N0", French)} caractères au plus : joignez un document pour le détail.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var startUtc = ParisTime.ToUtc(date, start);
        var location = string.IsNullOrWhiteSpace(input.Location) ? null : input.Location.Trim();
        var agenda = string.IsNullOrWhiteSpace(input.Agenda) ? null : input.Agenda.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return (new SessionSlot(startUtc, startUtc.AddMinutes(minutes), location, visio, agenda), errors);
    }

    public async Task<Result<SessionEvent>> ScheduleAsync(SessionContext context, SessionSlot slot, CancellationToken cancellationToken) =>
        slot.Validate(clock.GetUtcNow()) is { } error
            ? error
            : await ChangeAsync(context, s => s.Schedule(FollowStart(context, slot), clock.GetUtcNow()), cancellationToken);

    public async Task<Result<SessionEvent>> RescheduleAsync(SessionContext context, SessionSlot slot, CancellationToken cancellationToken) =>
        slot.Validate(clock.GetUtcNow()) is { } error
            ? error
            : await ChangeAsync(context, s => s.Reschedule(FollowStart(context, slot), clock.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Plans a cancelled session again and schedules it at once: a new session of the same slot, with a new UID (the
    /// cancelled VEVENT stays cancelled in calendars), the same invite list, and a new invitation (REQUEST) for
    /// everyone. The cancelled session stays, in the history.
    /// </summary>
    public async Task<Result<SessionEvent>> ReplanAsync(SessionContext context, SessionSlot slot, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (slot.Validate(now) is { } error)
        {
            return error;
        }

        if (!context.CanEdit)
        {
            return NotEditable;
        }

        var cancelled = context.Session;
        if (await db.Sessions.AnyAsync(s => s.ReplacesId == cancelled.Id, cancellationToken))
        {
            return Error.Conflict("Cette séance annulée est déjà planifiée à nouveau : ouvrez la nouvelle séance.");
        }

        var moved = FollowStart(context, slot);
        var replan = cancelled.Replan(Guid.CreateVersion7());
        if (!replan.IsSuccess)
        {
            return replan.Error!;
        }

        var next = replan.Value!;
        db.Sessions.Add(next);
        foreach (var change in context.Changes)
        {
            db.SessionParticipants.Add(new SessionParticipant(
                Guid.CreateVersion7(), next.Id, change.Email, change.Name, change.Excluded, change.ChangedBy, change.ChangedAt));
        }

        return await ChangeAsync(context with { Session = next, Changes = [] }, s => s.Schedule(moved, now), cancellationToken);
    }

    public Task<Result<SessionEvent>> CancelAsync(SessionContext context, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(context, s => s.Cancel(reason ?? ""), cancellationToken);

    /// <summary>
    /// Invites one more person: the session's SEQUENCE grows, the guest gets the invitation (REQUEST) and everyone
    /// already invited the updated REQUEST (the ATTENDEE list is part of the event).
    /// </summary>
    public async Task<Result<SessionEvent>> AddParticipantAsync(SessionContext context, string? name, string? email, CancellationToken cancellationToken)
    {
        var address = email?.Trim() ?? "";
        var displayName = string.IsNullOrWhiteSpace(name) ? address : name.Trim();
        if (address.Length == 0)
        {
            return Error.Invalid($"Participant sans adresse électronique{(displayName.Length > 0 ? $" : {displayName}" : "")}. Indiquez son adresse : rien n'a été envoyé.");
        }

        if (!IsAddress(address))
        {
            return Error.Invalid("L'adresse électronique du participant n'est pas valide (exemple : prenom.nom@exemple.fr).");
        }

        if (displayName.Length > 200 || displayName.Any(char.IsControl))
        {
            return Error.Invalid("Le nom du participant doit tenir sur une ligne de 200 caractères au plus.");
        }

        if (context.Find(address) is not null)
        {
            return Error.Conflict($"{address} est déjà invité(e) à cette séance.");
        }

        var guest = new Participant(displayName, address, "Invité(e) par le consultant", Required: false);
        var remaining = context.Participants;
        var after = context with { Participants = [.. remaining, guest] };
        return await ChangeAsync(after, s => s.ChangeParticipants(clock.GetUtcNow()), cancellationToken, () =>
        {
            Track(context, guest, excluded: false);
            var extra = Changes($"{guest.Name} est invité(e)");
            return [
                new InviteBatch(SessionInvites.ParticipantsTemplate, "ajout", InviteMethod.Request, after.Participants, [guest], extra),
                new InviteBatch(SessionInvites.ParticipantsTemplate, "mise-a-jour", InviteMethod.Request, after.Participants, remaining, extra),
            ];
        });
    }

    /// <summary>
    /// Removes one participant (never the organizer): the SEQUENCE grows, the removed person gets a CANCEL for the
    /// session's UID, everyone still invited the updated REQUEST.
    /// </summary>
    public async Task<Result<SessionEvent>> RemoveParticipantAsync(SessionContext context, string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || context.Find(email) is not { } removed)
        {
            return Error.Invalid("Choisissez un participant de la séance à retirer.");
        }

        if (context.Organizer is { } organizer && organizer.Key == removed.Key)
        {
            return Error.NotAllowed("Le consultant organise la séance : il ne peut pas en être retiré.");
        }

        var remaining = context.Participants.Where(p => p.Key != removed.Key).ToList();
        var after = context with { Participants = remaining };
        return await ChangeAsync(after, s => s.ChangeParticipants(clock.GetUtcNow()), cancellationToken, () =>
        {
            Track(context, removed, excluded: true);
            var extra = Changes($"{removed.Name} ne participe plus");
            return [
                new InviteBatch(SessionInvites.ParticipantsTemplate, "retrait", InviteMethod.Cancel, [removed], [removed], extra),
                new InviteBatch(SessionInvites.ParticipantsTemplate, "mise-a-jour", InviteMethod.Request, remaining, remaining, extra),
            ];
        }, alsoCheck: [removed]);
    }

    private async Task<Result<SessionEvent>> ChangeAsync(
        SessionContext context, Func<Session, Result<SessionEvent>> change, CancellationToken cancellationToken,
        Func<IReadOnlyList<InviteBatch>>? batches = null, IReadOnlyList<Participant>? alsoCheck = null)
    {
        if (!context.CanEdit)
        {
            return NotEditable;
        }

        if (Check(context, alsoCheck ?? []) is { } problem)
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

        var toSend = batches?.Invoke() ?? SlotBatches(context, result.Value, previousStart, previousPlace);
        foreach (var batch in toSend)
        {
            await invites.QueueAsync(context, batch, cancellationToken);
        }

        db.AuditEvents.Add(context.Audit(clock.GetUtcNow(), scope.User.Name, Action(result.Value), null, context.AuditState()));
        return await unit.SaveAsync(result.Value, new CommandName(Action(result.Value), scope.User.Name, session.Id),
            _ => Task.FromResult(Error.Conflict("Quelqu'un vient de modifier cette séance : rechargez la page pour voir sa date et ses participants, puis recommencez.")),
            cancellationToken);
    }

    private static string Action(SessionEvent change) => change switch
    {
        SessionScheduled => "session.scheduled",
        SessionRescheduled => "session.rescheduled",
        SessionCancelled => "session.cancelled",
        SessionParticipantsChanged => "session.participants",
        _ => "session.changed",
    };

    private static List<InviteBatch> SlotBatches(
        SessionContext context, SessionEvent change, DateTimeOffset previousStart, (string? Location, string? VisioUrl) previousPlace)
    {
        if (change is SessionCancelled { InvitesWereSent: false })
        {
            return [];
        }

        var session = context.Session;
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

        var extra = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["changes"] = string.Join(" ; ", changes),
            ["previous_date"] = Display(previousStart),
            ["reason"] = session.CancelReason,
        };
        var method = change is SessionCancelled ? InviteMethod.Cancel : InviteMethod.Request;
        return [new InviteBatch(SessionInvites.InvitationTemplate, kind, method, context.Participants, context.Participants, extra)];
    }

    private static Dictionary<string, string?> Changes(string text) => new(StringComparer.Ordinal) { ["changes"] = text };

    /// <summary>Records the change of the invite list: one row per address, updated when the same person changes again.</summary>
    private void Track(SessionContext context, Participant person, bool excluded)
    {
        var now = clock.GetUtcNow();
        if (context.Changes.FirstOrDefault(c => c.Email == person.Key) is { } existing)
        {
            existing.Set(excluded, person.Name, scope.User.Name, now);
        }
        else
        {
            db.SessionParticipants.Add(new SessionParticipant(Guid.CreateVersion7(), context.Session.Id, person.Email, person.Name, excluded, scope.User.Name, now));
        }
    }

    private static Error? Check(SessionContext context, IReadOnlyList<Participant> alsoCheck)
    {
        if (context.Organizer is null || string.IsNullOrWhiteSpace(context.Organizer.Email))
        {
            return Error.Invalid("Le groupe n'a pas de consultant avec une adresse électronique : les invitations ne peuvent pas être envoyées.");
        }

        if (context.Participants.Count == 0)
        {
            return Error.Invalid("La séance n'a aucun participant à inviter.");
        }

        var withoutEmail = context.Participants.Concat(alsoCheck).Where(p => !IsAddress(p.Email)).ToList();
        return withoutEmail.Count == 0
            ? null
            : Error.Invalid($"Participant sans adresse électronique : {string.Join(", ", withoutEmail.Select(p => p.Name))}. Complétez l'équipe avant d'envoyer les invitations.");
    }

    private static bool IsAddress(string? email)
    {
        try
        {
            return !string.IsNullOrWhiteSpace(email) && IcsText.MailTo(email, nameof(email)) is not null;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
