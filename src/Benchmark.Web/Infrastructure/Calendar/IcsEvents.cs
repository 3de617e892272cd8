using System.Globalization;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Infrastructure.Calendar;

/// <summary>
/// A session as a calendar shows it, in the words stored (nothing escaped yet). Its link is written in its escaped
/// form, and only when <see cref="IcsText.Link(Uri?)"/> accepts it.
/// </summary>
internal sealed record SessionEventText(
    string Uid, int Sequence, string Summary, string? Agenda, string? Location, Uri? Link,
    DateTimeOffset StartUtc, DateTimeOffset EndUtc, bool Cancelled);

/// <summary>
/// The one path from stored words to iCalendar, for the invites (<see cref="InviteBuilder"/>) and the private feed
/// alike: every VEVENT is made here with each value through <see cref="IcsText"/>, and every calendar is written by
/// <see cref="Write"/>. Ical.Net escapes TEXT values (RFC 5545 §3.3.11) but writes a URI with Uri.ToString(), which
/// turns an escaped %0D%0A back into a line break: hence links only through <see cref="IcsText.Link(Uri?)"/>.
/// </summary>
internal static class IcsEvents
{
    /// <summary>A session's event: agenda and visio link in DESCRIPTION, the place (else the link) in LOCATION, the link in URL.</summary>
    public static CalendarEvent Session(SessionEventText text, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(text);
        var url = IcsText.Link(text.Link);
        var link = url?.AbsoluteUri;
        var address = IcsText.Text(text.Location).Trim();
        var visioLine = link is null ? "" : string.Create(CultureInfo.InvariantCulture, $"Lien de visioconférence : {link}");
        var description = string.Join("\n\n", new[] { IcsText.Text(text.Agenda).TrimEnd(), visioLine }.Where(part => part.Length > 0));
        var calendarEvent = new CalendarEvent
        {
            Uid = IcsText.Text(text.Uid),
            Sequence = text.Sequence,
            DtStamp = Utc(stamp),
            DtStart = Paris(text.StartUtc),
            DtEnd = Paris(text.EndUtc),
            Summary = IcsText.Text(text.Summary),
            Status = text.Cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (description.Length > 0)
        {
            calendarEvent.Description = description;
        }

        if (address.Length > 0 || link is not null)
        {
            calendarEvent.Location = address.Length > 0 ? address : link;
        }

        calendarEvent.Url = url;
        return calendarEvent;
    }

    /// <summary>An all-day event (DTSTART;VALUE=DATE, DTEND the next day), transparent: a deadline does not make its owner busy.</summary>
    public static CalendarEvent AllDay(string uid, DateOnly date, string summary, string description, Uri? link, DateTimeOffset stamp) => new()
    {
        Uid = IcsText.Text(uid),
        Sequence = 0,
        DtStamp = Utc(stamp),
        DtStart = new CalDateTime(date),
        DtEnd = new CalDateTime(date.AddDays(1)),
        Summary = IcsText.Text(summary),
        Description = IcsText.Text(description),
        Transparency = "TRANSPARENT",
        Status = "CONFIRMED",
        Url = IcsText.Link(link),
    };

    /// <summary>A person as ORGANIZER or ATTENDEE value and CN parameter (RFC 6868-encoded).</summary>
    public static (string Address, string CommonName) Person(string name, string email, string paramName) =>
        (IcsText.MailTo(email, paramName).OriginalString, IcsText.Parameter(name));

    /// <summary>
    /// The calendar's text, folded at 75 octets. Throws when it holds more VEVENTs than were added: a value broke out
    /// of its line, which the escaping above exists to prevent (a bug, never a user's mistake).
    /// </summary>
    public static string Write(IcalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var ics = IcsText.Refold(new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("Ical.Net wrote no calendar"));
        var events = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n").Count(line => line == "BEGIN:VEVENT");
        return events == calendar.Events.Count
            ? ics
            : throw new InvalidOperationException($"The calendar holds {events} VEVENT(s) for {calendar.Events.Count} written: a value was not escaped");
    }

    public static CalDateTime Utc(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Utc), CalDateTime.UtcTzId);

    /// <summary>The instant as a Europe/Paris wall-clock time (with the calendar's VTIMEZONE).</summary>
    public static CalDateTime Paris(DateTimeOffset instant) => Utc(instant).ToTimeZone(InviteBuilder.TimeZoneId);
}
