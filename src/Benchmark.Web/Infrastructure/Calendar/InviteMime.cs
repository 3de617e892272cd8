using System.Text;
using MimeKit;

namespace Benchmark.Web.Infrastructure.Calendar;

/// <summary>
/// The MIME parts of an invite in one participant's email: <c>text/calendar; method=…; charset=utf-8</c> as the last
/// alternative (after text and HTML: Outlook, Gmail and Thunderbird show it as an invitation), and the same ICS as an
/// <c>invitation.ics</c> attachment for clients that only look at attachments. The <c>method=</c> parameter is
/// always read from the ICS itself, so the two cannot disagree.
/// </summary>
public static class InviteMime
{
    public const string AttachmentName = "invitation.ics";

    /// <summary>
    /// Appends the calendar alternative to <paramref name="alternative"/> (add text and HTML first) and the
    /// attachment to <paramref name="mixed"/>; puts <paramref name="alternative"/> first in <paramref name="mixed"/>
    /// if it is not there yet.
    /// </summary>
    public static void AddCalendarParts(Multipart mixed, MultipartAlternative alternative, CalendarInvite invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        AddCalendarParts(mixed, alternative, invite.Ics);
    }

    /// <inheritdoc cref="AddCalendarParts(Multipart, MultipartAlternative, CalendarInvite)"/>
    public static void AddCalendarParts(Multipart mixed, MultipartAlternative alternative, string ics)
    {
        ArgumentNullException.ThrowIfNull(mixed);
        ArgumentNullException.ThrowIfNull(alternative);
        var method = MethodOf(ics);
        alternative.Add(CalendarPart(ics, method));
        if (!mixed.Contains(alternative))
        {
            mixed.Insert(0, alternative);
        }

        mixed.Add(Attachment(ics));
    }

    /// <summary><c>text/calendar; charset=utf-8; method=…</c>, base64 so long folded lines and accents travel intact.</summary>
    public static TextPart CalendarPart(string ics, string method)
    {
        var part = new TextPart("calendar") { ContentTransferEncoding = ContentEncoding.Base64 };
        part.SetText(Encoding.UTF8, ics);
        part.ContentType.Parameters.Add("method", method);
        return part;
    }

    /// <summary>The ICS as an <c>application/ics</c> attachment named <see cref="AttachmentName"/>.</summary>
    public static MimePart Attachment(string ics) => new("application", "ics")
    {
        Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(ics))),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        FileName = AttachmentName,
    };

    /// <summary>The METHOD of the VCALENDAR (REQUEST or CANCEL); throws if the text has none, or another one.</summary>
    public static string MethodOf(string ics)
    {
        ArgumentNullException.ThrowIfNull(ics);
        // Unfold (RFC 5545 §3.1), then read the first METHOD line: METHOD exists only on VCALENDAR.
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase))
            {
                var method = line["METHOD:".Length..].Trim().ToUpperInvariant();
                return method is "REQUEST" or "CANCEL"
                    ? method
                    : throw new ArgumentException($"Unsupported METHOD '{method}'", nameof(ics));
            }

            if (line.StartsWith("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        throw new ArgumentException("The calendar has no METHOD", nameof(ics));
    }
}
