using System.Globalization;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Web.Infrastructure.Calendar;
using Benchmark.Web.Infrastructure.Mail;

namespace Benchmark.Web.Features.Sessions;

/// <summary>One batch of invite emails: who is in the ICS's ATTENDEE list, who receives it, with which method and wording.</summary>
/// <param name="Template">The email template (<c>session-invitation</c> or <c>session-participants</c>).</param>
/// <param name="Kind">The template's <c>kind</c> (invitation, modification, annulation; ajout, mise-a-jour, retrait).</param>
/// <param name="Method">REQUEST or CANCEL.</param>
/// <param name="Attendees">The ATTENDEEs of the ICS: everyone invited for a REQUEST, the removed person only for their CANCEL.</param>
/// <param name="Recipients">One email each.</param>
/// <param name="Extra">Template values beyond the session's (changes, previous_date, reason…).</param>
public sealed record InviteBatch(
    string Template, string Kind, InviteMethod Method, IReadOnlyList<Participant> Attendees, IReadOnlyList<Participant> Recipients,
    IReadOnlyDictionary<string, string?> Extra);

/// <summary>
/// Queues a session's invites through the outbox (the caller saves, in the same SaveChanges as the change): one
/// <see cref="SessionInviteMail"/> (<c>session-invite</c> row) per recipient, keyed
/// <c>invite:{session}:{sequence}:{address}</c>, carrying the template's model and the ICS from
/// <see cref="InviteBuilder"/> (same UID for the session's whole life, its current SEQUENCE); the dispatcher adds the
/// <c>text/calendar</c> part and the <c>invitation.ics</c> attachment.
/// </summary>
public sealed class SessionInvites(MailOutbox outbox, TimeProvider clock)
{
    public const string OutboxKind = "session-invite";
    public const string InvitationTemplate = "session-invitation";
    public const string ParticipantsTemplate = "session-participants";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Display(DateTimeOffset instant) => ParisTime.Display(instant);

    public static string Key(Session session, string email) =>
        $"invite:{session.Id}:{session.Sequence}:{SessionParticipant.Normalise(email)}";

    public async Task QueueAsync(SessionContext context, InviteBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(batch);
        var session = context.Session;
        var now = clock.GetUtcNow();
        // A stored link the rule refuses (saved before it, or around it) is left out of the ICS and the email alike.
        var visio = IcsText.Link(session.VisioUrl);
        var invite = InviteBuilder.Build(new InviteModel(
            session.Uid,
            session.Sequence,
            batch.Method,
            $"{context.Title} — {context.Definition.Title}",
            session.Agenda,
            session.Location,
            visio,
            session.StartUtc,
            session.EndUtc,
            new InvitePerson(context.Organizer!.Name, context.Organizer.Email.Trim()),
            [.. batch.Attendees.Select(p => new InviteAttendee(p.Name, p.Email.Trim(), p.Required ? AttendeeRole.Required : AttendeeRole.Optional))],
            now));

        var end = ParisTime.ToParis(session.EndUtc);
        foreach (var participant in batch.Recipients)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var mail = new SessionInviteMail(
                batch.Template, batch.Kind, participant.Name, context.Title, context.Definition.Title, Display(session.StartUtc),
                end.ToString("HH'h'mm", French), session.Location, visio is null ? null : session.VisioUrl, session.Agenda,
                context.Organizer.Name, $"seances/{session.Id}", batch.Extra, invite.Ics);
            await outbox.QueueAsync(mail, participant.Email.Trim(), Key(session, participant.Email));
        }
    }
}
