using System.Text;
using Benchmark.Web.Infrastructure.Calendar;
using MimeKit;

namespace Benchmark.Web.Tests.Infrastructure.Calendar;

public class InviteMimeTests
{
    private static CalendarInvite Invite(InviteMethod method) => InviteBuilder.Build(
        InviteModels.Session(new DateTimeOffset(2027, 3, 30, 7, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero), 1, method));

    [Theory]
    [InlineData(InviteMethod.Request, "REQUEST")]
    [InlineData(InviteMethod.Cancel, "CANCEL")]
    public void AddCalendarParts_WhenAnInviteIsAdded_ThenTheCalendarAlternativeAndTheAttachmentCarryTheIcsAndItsMethod(InviteMethod method, string expected)
    {
        var invite = Invite(method);
        var plain = new TextPart("plain") { Text = "Bonjour" };
        var html = new TextPart("html") { Text = "<p>Bonjour</p>" };
        var alternative = new MultipartAlternative { plain, html };
        var mixed = new Multipart("mixed");

        InviteMime.AddCalendarParts(mixed, alternative, invite);

        // Round trip through the wire format, as a mail client would read it.
        var message = new MimeMessage { Body = mixed };
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        var body = Assert.IsType<Multipart>(MimeMessage.Load(stream).Body);

        Assert.Equal("multipart/mixed", body.ContentType.MimeType);
        Assert.Equal(2, body.Count);
        var readAlternative = Assert.IsType<MultipartAlternative>(body[0]);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], readAlternative.Select(p => p.ContentType.MimeType));
        var calendarPart = Assert.IsType<TextPart>(readAlternative[2]);
        Assert.Equal(expected, calendarPart.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", calendarPart.ContentType.Charset, ignoreCase: true);
        // The bytes sent are the ICS exactly, CRLF included (TextPart.Text would show them with LF only).
        Assert.Equal(invite.Ics, Decoded(calendarPart));
        Assert.Contains($"\r\nMETHOD:{expected}\r\n", Decoded(calendarPart), StringComparison.Ordinal);

        var attachment = Assert.IsType<MimePart>(body[1]);
        Assert.Equal("application/ics", attachment.ContentType.MimeType);
        Assert.True(attachment.IsAttachment);
        Assert.Equal("invitation.ics", attachment.FileName);
        Assert.Equal(invite.Ics, Decoded(attachment));
    }

    private static string Decoded(MimePart part)
    {
        using var content = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(content);
        return Encoding.UTF8.GetString(content.ToArray());
    }

    [Fact]
    public void AddCalendarParts_WhenGivenRawIcs_ThenTheMethodIsReadFromTheIcs()
    {
        var alternative = new MultipartAlternative { new TextPart("plain") { Text = "Bonjour" } };
        var mixed = new Multipart("mixed") { alternative };

        InviteMime.AddCalendarParts(mixed, alternative, Invite(InviteMethod.Cancel).Ics);

        Assert.Equal(2, mixed.Count);
        Assert.Equal("CANCEL", alternative[1].ContentType.Parameters["method"]);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    [InlineData("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")]
    public void MethodOf_WhenTheIcsHasNoInviteMethod_ThenItThrows(string ics) =>
        Assert.Throws<ArgumentException>(() => InviteMime.MethodOf(ics));
}
