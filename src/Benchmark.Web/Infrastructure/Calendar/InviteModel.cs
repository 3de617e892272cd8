namespace Benchmark.Web.Infrastructure.Calendar;

/// <summary>The iTIP method of an invite (RFC 5546): a new or changed meeting, or its cancellation.</summary>
public enum InviteMethod
{
    Request,
    Cancel,
}

/// <summary>ROLE of an attendee: REQ-PARTICIPANT or OPT-PARTICIPANT.</summary>
public enum AttendeeRole
{
    Required,
    Optional,
}

/// <summary>A person in an invite: display name (CN) and email address (mailto:).</summary>
public sealed record InvitePerson(string Name, string Email);

/// <summary>An attendee and whether their presence is required.</summary>
public sealed record InviteAttendee(string Name, string Email, AttendeeRole Role);

/// <summary>
/// What one invite says. <paramref name="Uid"/> stays the same for the whole life of a session and
/// <paramref name="Sequence"/> grows on every change, so calendar clients replace the previous version.
/// Instants are UTC; the ICS shows them in Europe/Paris. <paramref name="DtStamp"/> is the caller's
/// <see cref="TimeProvider"/> now. <paramref name="Attendees"/> are the ones this message is about (all of them for a
/// session change; only the removed one for the CANCEL sent to a removed participant).
/// </summary>
public sealed record InviteModel(
    string Uid,
    int Sequence,
    InviteMethod Method,
    string Summary,
    string? Description,
    string? Location,
    Uri? VisioUrl,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    InvitePerson Organizer,
    IReadOnlyList<InviteAttendee> Attendees,
    DateTimeOffset DtStamp);

/// <summary>A built invite: the ICS text and the method it declares (the MIME <c>method=</c> must be the same).</summary>
public sealed record CalendarInvite(string Ics, InviteMethod Method)
{
    /// <summary>The METHOD value as written in the ICS and in the MIME content type.</summary>
    public string MethodName => Method.ToIcal();
}

public static class InviteMethodExtensions
{
    public static string ToIcal(this InviteMethod method) => method switch
    {
        InviteMethod.Request => "REQUEST",
        InviteMethod.Cancel => "CANCEL",
    };
}
