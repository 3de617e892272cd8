using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
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

        var visio = model.VisioUrl?.AbsoluteUri;
        var address = IcsText.Text(model.Location).Trim();
        var calendarEvent = new CalendarEvent
        {
            Uid = IcsText.Text(model.Uid),
            Sequence = model.Sequence,
            DtStamp = Utc(model.DtStamp),
            DtStart = Paris(model.StartUtc),
            DtEnd = Paris(model.EndUtc),
            Summary = IcsText.Text(model.Summary),
            Description = Description(IcsText.Text(model.Description), visio),
            Status = model.Method == InviteMethod.Cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer(IcsText.MailTo(model.Organizer.Email, nameof(model)).OriginalString)
            {
                CommonName = IcsText.Parameter(model.Organizer.Name),
            },
        };
        if (address.Length > 0 || visio is not null)
        {
            calendarEvent.Location = address.Length > 0 ? address : visio;
        }

        if (model.VisioUrl is not null)
        {
            calendarEvent.Url = model.VisioUrl;
        }

        foreach (var attendee in model.Attendees)
        {
            calendarEvent.Attendees.Add(new Attendee(IcsText.MailTo(attendee.Email, nameof(model)).OriginalString)
            {
                CommonName = IcsText.Parameter(attendee.Name),
                Role = attendee.Role == AttendeeRole.Required ? "REQ-PARTICIPANT" : "OPT-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = true,
            });
        }

        calendar.Events.Add(calendarEvent);
        var ics = new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar");
        return new CalendarInvite(IcsText.Refold(ics), model.Method);
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

    private static string? Description(string agenda, string? visio)
    {
        var visioLine = visio is null ? "" : string.Create(CultureInfo.InvariantCulture, $"Lien de visioconférence : {visio}");
        var parts = new[] { agenda.TrimEnd(), visioLine }.Where(part => part.Length > 0).ToArray();
        return parts.Length == 0 ? null : string.Join("\n\n", parts);
    }

    private static CalDateTime Utc(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Utc), CalDateTime.UtcTzId);

    private static CalDateTime Paris(DateTimeOffset instant) => Utc(instant).ToTimeZone(TimeZoneId);
}
