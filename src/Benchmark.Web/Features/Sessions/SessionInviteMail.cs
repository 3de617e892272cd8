using System.Text.Json;
using System.Text.Json.Nodes;
using Benchmark.Web.Infrastructure.Mail;

namespace Benchmark.Web.Features.Sessions;

/// <summary>
/// A session's invite to one participant (<c>session-invitation</c> or <c>session-participants</c>), with the ICS
/// the dispatcher sends as a <c>text/calendar</c> part and an <c>invitation.ics</c> attachment. Every invite is of
/// the outbox kind <c>session-invite</c>, whatever its template.
/// </summary>
/// <param name="TemplateName">The email template.</param>
/// <param name="Kind">The template's <c>kind</c> (invitation, modification, annulation; ajout, mise-a-jour, retrait).</param>
/// <param name="Name">The recipient's name.</param>
/// <param name="Title">The session's title.</param>
/// <param name="Programme">The programme's title.</param>
/// <param name="Date">The start, in French (« jeudi 14 janvier 2027 à 09h30 »).</param>
/// <param name="EndTime">The end time (« 12h30 »).</param>
/// <param name="Location">Where, if anywhere.</param>
/// <param name="VisioUrl">The video link, if the rule allows it.</param>
/// <param name="Agenda">The agenda.</param>
/// <param name="Organizer">The organiser's name.</param>
/// <param name="Link">The session's page, relative to the base URL.</param>
/// <param name="Extra">Template values beyond the session's (changes, previous_date, reason…), after them.</param>
/// <param name="Invite">The ICS from <see cref="Infrastructure.Calendar.InviteBuilder"/>.</param>
public sealed record SessionInviteMail(
    string TemplateName, string Kind, string Name, string Title, string Programme, string Date, string EndTime, string? Location,
    string? VisioUrl, string? Agenda, string Organizer, string Link, IReadOnlyDictionary<string, string?> Extra, string Invite) : MailModel
{
    public override string Template => TemplateName;

    public override string OutboxKind => SessionInvites.OutboxKind;

    public override string? Ics => Invite;

    internal override JsonObject Variables(JsonSerializerOptions json)
    {
        var model = new JsonObject
        {
            ["kind"] = Kind,
            ["name"] = Name,
            ["title"] = Title,
            ["programme"] = Programme,
            ["date"] = Date,
            ["end_time"] = EndTime,
            ["location"] = Location,
            ["visio_url"] = VisioUrl,
            ["agenda"] = Agenda,
            ["organizer"] = Organizer,
            ["link"] = Link,
        };
        foreach (var (key, value) in Extra)
        {
            model[key] = value;
        }

        return model;
    }
}
