using System.Text.Json;
using System.Text.Json.Nodes;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// Sends the due outbox messages (Pending, <c>NextAttemptAt</c> ≤ now, oldest first, 50 at a time) over one delivery
/// batch. Each message is first claimed — its next attempt moved a lease ahead, saved under the row's concurrency
/// token, so two dispatchers never send the same row — then sent and marked Sent or failed (5xx and unrenderable
/// messages are permanent; the rest retry with backoff), saved after each message so a crash loses nothing: a
/// message claimed but not marked is retried after the lease, with the same Message-ID. A plain class: the
/// background service calls it, and so can a job or a test.
/// </summary>
public sealed partial class OutboxDispatcher(
    BenchmarkDbContext db, IMailDelivery delivery, MailRenderer renderer, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 50;

    /// <summary>How long a claimed message is left alone by other dispatchers.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sends what is due; returns the number of messages sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        await using var batch = await delivery.OpenBatchAsync(cancellationToken);
        foreach (var message in due)
        {
            if (!await ClaimAsync(message, cancellationToken))
            {
                continue;
            }

            try
            {
                await batch.SendAsync(await BuildAsync(message), cancellationToken);
                message.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (MailDeliveryException e)
            {
                Fail(message, e.Message, e.Permanent);
            }
            catch (Exception e) when (e is MailTemplateNotFoundException or JsonException or ParseException or InvalidOperationException or ArgumentException)
            {
                Fail(message, e.Message, permanent: true);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    /// <summary>The MIME message: typed headers only (MimeKit encodes them; no raw CR/LF can reach a header).</summary>
    public async Task<MimeMessage> BuildAsync(OutboxMessage message)
    {
        var (template, model) = MailOutbox.Read(message);
        var rendered = await renderer.RenderAsync(template, model);
        if (!MailboxAddress.TryParse(message.Recipient, out var to) || message.Recipient.Any(char.IsControl))
        {
            throw new InvalidOperationException($"Adresse du destinataire invalide : {MailRenderer.OneLine(message.Recipient)}");
        }

        var mime = new MimeMessage { Subject = MailRenderer.OneLine(string.IsNullOrWhiteSpace(message.Subject) ? rendered.Subject : message.Subject) };
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(to);
        mime.MessageId = message.MessageId;
        mime.Date = message.CreatedAt;
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody();
        if (ReadIcs(message) is { } ics && mime.Body is MultipartAlternative alternative)
        {
            // A calendar invite: text, HTML, then text/calendar (method= read from the ICS) and an invitation.ics attachment.
            var mixed = new Multipart("mixed");
            InviteMime.AddCalendarParts(mixed, alternative, ics);
            mime.Body = mixed;
        }

        return mime;
    }

    /// <summary>The calendar invite a payload may carry (<c>"ics": "BEGIN:VCALENDAR…"</c> next to template and model), or null.</summary>
    private static string? ReadIcs(OutboxMessage message) =>
        !string.IsNullOrWhiteSpace(message.Payload) && JsonNode.Parse(message.Payload) is JsonObject node
            && node["ics"] is JsonValue ics && ics.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    private async Task<bool> ClaimAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!message.Claim(Lease, clock.GetUtcNow()))
        {
            return false;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another dispatcher claimed or changed it first.
            db.Entry(message).State = EntityState.Detached;
            return false;
        }
    }

    private void Fail(OutboxMessage message, string error, bool permanent)
    {
        message.MarkFailed(error.Length > 2000 ? error[..2000] : error, permanent, clock.GetUtcNow());
        LogFailed(logger, message.Id, message.Kind, permanent, error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {Id} ({Kind}) non envoyé (définitif : {Permanent}) : {Error}")]
    private static partial void LogFailed(ILogger logger, Guid id, string kind, bool permanent, string error);
}
