using System.Globalization;
using System.Text.Json.Nodes;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
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
/// Writes a session's invites into the outbox (the caller saves, in the same SaveChanges as the change): one
/// <c>session-invite</c> row per recipient, keyed <c>invite:{session}:{sequence}:{address}</c>, whose payload carries
/// the template, its model and the ICS from <see cref="InviteBuilder"/> (same UID for the session's whole life, its
/// current SEQUENCE); the dispatcher adds the <c>text/calendar</c> part and the <c>invitation.ics</c> attachment.
/// </summary>
public sealed class SessionInvites(BenchmarkDbContext db, MailRenderer renderer, TimeProvider clock)
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
            var model = new JsonObject
            {
                ["kind"] = batch.Kind,
                ["name"] = participant.Name,
                ["title"] = context.Title,
                ["programme"] = context.Definition.Title,
                ["date"] = Display(session.StartUtc),
                ["end_time"] = end.ToString("HH'h'mm", French),
                ["location"] = session.Location,
                ["visio_url"] = visio is null ? null : session.VisioUrl,
                ["agenda"] = session.Agenda,
                ["organizer"] = context.Organizer.Name,
                ["link"] = $"seances/{session.Id}",
            };
            foreach (var (key, value) in batch.Extra)
            {
                model[key] = value;
            }

            var subject = await renderer.RenderSubjectAsync(batch.Template, model);
            var payload = new JsonObject { ["template"] = batch.Template, ["model"] = model, ["ics"] = invite.Ics };
            db.OutboxMessages.Add(new OutboxMessage(
                Guid.CreateVersion7(), Key(session, participant.Email), OutboxKind, participant.Email.Trim(), subject, payload.ToJsonString(), now));
        }
    }
}
