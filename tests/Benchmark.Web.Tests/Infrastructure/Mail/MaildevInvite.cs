using System.Text.Json;
using Benchmark.Web.Tests.Infrastructure.Calendar;
using MimeKit;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>
/// A calendar invite as a participant's mailbox received it: the <c>text/calendar</c> part (its MIME <c>method=</c>
/// and ICS), the <c>invitation.ics</c> attachment, and what ical.js and node-ical read from it (<see cref="IcsValidator"/>).
/// </summary>
public sealed record MaildevInvite(MaildevMail Mail, MimeMessage Message, string MimeMethod, string Ics, string AttachmentIcs, int ValidatorExitCode, JsonElement Parsed, string ValidatorOutput)
{
    public JsonElement IcalJs => Parsed.GetProperty("icaljs");

    public JsonElement NodeIcal => Parsed.GetProperty("nodeIcal");

    public string Method => IcalJs.GetProperty("method").GetString()!;

    public string Uid => IcalJs.GetProperty("uid").GetString()!;

    public int Sequence => IcalJs.GetProperty("sequence").GetInt32();

    /// <summary>Fetches the raw message, takes its calendar parts apart and runs both parsers on the ICS.</summary>
    public static async Task<MaildevInvite> ReadAsync(Maildev maildev, MaildevMail mail)
    {
        ArgumentNullException.ThrowIfNull(maildev);
        ArgumentNullException.ThrowIfNull(mail);
        var message = await maildev.SourceAsync(mail.Id);
        var calendar = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        var attachment = message.Attachments.OfType<MimePart>().Single(p => p.FileName == "invitation.ics");
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var attachmentIcs = System.Text.Encoding.UTF8.GetString(content.ToArray());
        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(calendar.Text);
        return new MaildevInvite(mail, message, calendar.ContentType.Parameters["method"] ?? "", calendar.Text, attachmentIcs, exitCode, parsed, output);
    }
}
