using Ical.Net.DataTypes;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Infrastructure.Calendar;

/// <summary>
/// The one place where invites are written (iTIP over iCalendar, RFC 5545/5546). Pure: same model, same text.
/// Times are written as Europe/Paris wall-clock times with their VTIMEZONE, computed from the UTC instants, so a
/// 09:30 session shows at 09:30 on both sides of a change of summer/winter time.
/// </summary>
public static class InviteBuilder
{
    public const string ProductId = "-//Benchmark//Invitations//FR";
    public const string TimeZoneId = "Europe/Paris";

    /// <summary>Builds the ICS of <paramref name="model"/>; throws <see cref="ArgumentException"/> on a model no caller should pass.</summary>
    public static CalendarInvite Build(InviteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Check(model);

        var calendar = new IcalCalendar { Method = model.Method.ToIcal(), ProductId = ProductId };
        // The rules in force from a year before the session: enough for any client, and independent of today's date.
        calendar.AddTimeZone(TimeZoneId, model.StartUtc.UtcDateTime.AddYears(-1), includeHistoricalData: false);

        var calendarEvent = IcsEvents.Session(
            new SessionEventText(model.Uid, model.Sequence, model.Summary, model.Description, model.Location, model.VisioUrl,
                model.StartUtc, model.EndUtc, Cancelled: model.Method == InviteMethod.Cancel),
            model.DtStamp);
        var (organizer, organizerName) = IcsEvents.Person(model.Organizer.Name, model.Organizer.Email, nameof(model));
        calendarEvent.Organizer = new Organizer(organizer) { CommonName = organizerName };
        foreach (var attendee in model.Attendees)
        {
            var (address, name) = IcsEvents.Person(attendee.Name, attendee.Email, nameof(model));
            calendarEvent.Attendees.Add(new Attendee(address)
            {
                CommonName = name,
                Role = attendee.Role == AttendeeRole.Required ? "REQ-PARTICIPANT" : "OPT-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = true,
            });
        }

        calendar.Events.Add(calendarEvent);
        return new CalendarInvite(IcsEvents.Write(calendar), model.Method);
    }

    private static void Check(InviteModel model)
    {
        if (string.IsNullOrWhiteSpace(IcsText.Text(model.Uid)))
        {
            throw new ArgumentException("An invite needs a UID", nameof(model));
        }

        if (model.Sequence < 0)
        {
            throw new ArgumentException("SEQUENCE cannot be negative", nameof(model));
        }

        if (model.EndUtc <= model.StartUtc)
        {
            throw new ArgumentException("An invite ends after it starts", nameof(model));
        }

        if (model.Attendees.Count == 0)
        {
            throw new ArgumentException("An invite has at least one attendee", nameof(model));
        }

        if (model.VisioUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException("The visio link is an absolute http(s) URL", nameof(model));
        }
    }
}
