using System.Text.Json;
using System.Text.Json.Nodes;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// Sends the due outbox messages (Pending, <c>NextAttemptAt</c> ≤ now, oldest first, 50 at a time) over one delivery
/// batch. The batch is first claimed in one statement — the rows' next attempt moved a lease ahead, on PostgreSQL by
/// <c>UPDATE … WHERE "Id" IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING "Id"</c>, on SQLite by a select and an
/// update in one write transaction (SQLite serialises writers) — so two dispatchers never send the same row. Each
/// claimed message is then sent and its outcome recorded in small groups: Sent for up to
/// <see cref="RecordEvery"/> messages or <see cref="RecordAfter"/>, in one statement, and always at the end of the
/// batch, before a failure is recorded and when the batch is abandoned (5xx and unrenderable messages are permanent
/// failures; the rest retry with backoff). A crash loses nothing: a message claimed but not recorded is retried
/// after the lease, with the same Message-ID. It may re-send only the messages sent but not yet recorded — never
/// more than <see cref="RecordEvery"/> per running dispatcher (the others of the claimed batch were not sent). A
/// plain class: the background service calls it, and so can a job or a test.
/// </summary>
public sealed partial class OutboxDispatcher(
    BenchmarkDbContext db, IMailDelivery delivery, MailRenderer renderer, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 50;

    /// <summary>Sent messages are recorded at least every this many messages (the most a crash can re-send).</summary>
    public const int RecordEvery = 10;

    /// <summary>How long a claimed message is left alone by other dispatchers.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sent messages are recorded at least this often.</summary>
    public static readonly TimeSpan RecordAfter = TimeSpan.FromMilliseconds(250);

    /// <summary>Sends what is due; returns the number of messages sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var ids = await ClaimAsync(now, cancellationToken);
        if (ids.Count == 0)
        {
            return 0;
        }

        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => ids.Contains(m.Id))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var sent = new List<Guid>(RecordEvery);
        var oldest = now;
        var total = 0;
        try
        {
            await using var batch = await delivery.OpenBatchAsync(cancellationToken);
            foreach (var message in due)
            {
                try
                {
                    await batch.SendAsync(await BuildAsync(message), cancellationToken);
                    if (sent.Count == 0)
                    {
                        oldest = clock.GetUtcNow();
                    }

                    sent.Add(message.Id);
                    total++;
                }
                catch (MailDeliveryException e)
                {
                    await RecordSentAsync(sent, cancellationToken);
                    await FailAsync(message, e.Message, e.Permanent, cancellationToken);
                }
                catch (Exception e) when (e is MailTemplateNotFoundException or JsonException or ParseException or InvalidOperationException or ArgumentException)
                {
                    await RecordSentAsync(sent, cancellationToken);
                    await FailAsync(message, e.Message, permanent: true, cancellationToken);
                }

                if (sent.Count >= RecordEvery || (sent.Count > 0 && clock.GetUtcNow() - oldest >= RecordAfter))
                {
                    await RecordSentAsync(sent, cancellationToken);
                }
            }
        }
        finally
        {
            // At the end, and when the batch is abandoned (cancelled, database or network down): what was sent is
            // recorded even if the caller's token is cancelled; if this fails too, the lease retries those messages.
            await RecordSentAsync(sent, CancellationToken.None);
        }

        return total;
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

    /// <summary>Claims up to <see cref="BatchSize"/> due messages in one statement; returns the ids claimed.</summary>
    private async Task<List<Guid>> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = now.Add(Lease);
        if (db.Database.IsNpgsql())
        {
            // One atomic statement: rows another dispatcher holds are skipped, rows it claimed and committed meanwhile
            // are re-checked against the WHERE (now leased ahead) and left out. A CTE, evaluated once: as an IN
            // (subquery) the planner may re-run the LIMIT per outer row and claim more than a batch.
            return await db.Database.SqlQuery<Guid>($"""
                WITH due AS (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now}
                    ORDER BY "NextAttemptAt", "Id"
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED)
                UPDATE "OutboxMessages" AS m SET "NextAttemptAt" = {until}
                FROM due
                WHERE m."Id" = due."Id" AND m."Status" = 'Pending' AND m."NextAttemptAt" <= {now}
                RETURNING m."Id" AS "Value"
                """).ToListAsync(cancellationToken);
        }

        // SQLite: BeginTransaction takes the write lock first (BEGIN IMMEDIATE), so nobody writes between select and update.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await db.OutboxMessages
                .Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(
                    s => BumpVersion(s.SetProperty(m => m.NextAttemptAt, until)),
                    cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    /// <summary>Records the sent messages in one statement (still Pending: nobody else touches a leased row) and clears the list.</summary>
    private async Task RecordSentAsync(List<Guid> sent, CancellationToken cancellationToken)
    {
        if (sent.Count == 0)
        {
            return;
        }

        var ids = sent.ToList();
        var at = clock.GetUtcNow();
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending).ExecuteUpdateAsync(
            s => BumpVersion(s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, at).SetProperty(m => m.Attempts, m => m.Attempts + 1)),
            cancellationToken);
        sent.Clear();
    }

    /// <summary>Records one failed attempt (the domain's backoff rule on the loaded row), in one statement.</summary>
    private async Task FailAsync(OutboxMessage message, string error, bool permanent, CancellationToken cancellationToken)
    {
        message.MarkFailed(error.Length > 2000 ? error[..2000] : error, permanent, clock.GetUtcNow());
        LogFailed(logger, message.Id, message.Kind, permanent, error);
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending).ExecuteUpdateAsync(
            s => BumpVersion(s.SetProperty(m => m.Status, message.Status).SetProperty(m => m.Attempts, message.Attempts)
                .SetProperty(m => m.LastError, message.LastError).SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)),
            cancellationToken);
    }

    /// <summary>
    /// On SQLite the concurrency token is a counter the context bumps on save: a bulk update bumps it too, so a tracked
    /// copy elsewhere (an operator's "send again") sees the change. PostgreSQL's <c>xmin</c> changes by itself.
    /// </summary>
    private UpdateSettersBuilder<OutboxMessage> BumpVersion(UpdateSettersBuilder<OutboxMessage> setters) =>
        db.Database.IsNpgsql()
            ? setters
            : setters.SetProperty(m => EF.Property<long>(m, SqliteBenchmarkDbContext.RowVersion), m => EF.Property<long>(m, SqliteBenchmarkDbContext.RowVersion) + 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {Id} ({Kind}) non envoyé (définitif : {Permanent}) : {Error}")]
    private static partial void LogFailed(ILogger logger, Guid id, string kind, bool permanent, string error);
}
