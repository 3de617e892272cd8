using System.Text.Json;
using System.Text.Json.Nodes;
using Benchmark.Core.Domain;
using Benchmark.Data.Persistence;
using Benchmark.Web.Infrastructure.Calendar;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// Sends the due outbox messages (Pending, <c>NextAttemptAt</c> ≤ now, oldest first) until none is left — the whole
/// drain over ONE delivery connection, opened on the first message. Due messages are claimed
/// <see cref="BatchSize"/> at a time (the next batch while the second half of the current one is sent) in one
/// statement that also returns them — their next attempt moved
/// <see cref="Lease"/> ahead, on PostgreSQL by <c>WITH due AS (SELECT … FOR UPDATE SKIP LOCKED) UPDATE … RETURNING</c>,
/// on SQLite by a select and an update in one write transaction (SQLite serialises writers) — so two dispatchers
/// never send the same row. While a message is sent, the next one is rendered on another thread; sent messages are
/// recorded <see cref="RecordEvery"/> at a time (or once the oldest waits <see cref="RecordAfter"/>) in one
/// <c>UPDATE … WHERE "Id" = ANY(…)</c> that runs while the next ones are sent, one such statement at a time.
/// 5xx replies and unrenderable messages are permanent failures; the rest retry with backoff, and after a transient
/// failure no further batch is claimed (the next run tries again). A crash loses nothing: a message claimed but not
/// recorded is retried after the lease, with the same Message-ID. It may re-send only the messages sent but not yet
/// recorded: at most <see cref="MaxUnrecorded"/> per running dispatcher (one group being recorded, one being filled);
/// the others of the claimed batch were not sent. The statements are <see cref="OutboxStore"/>'s (Data layer), and a
/// message's new state is its own <see cref="OutboxMessage.MarkSent"/> or <see cref="OutboxMessage.MarkFailed"/>.
/// A plain class: the background service calls it, and so can a job or a test.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore store, IMailDelivery delivery, MailRenderer renderer, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    public const int BatchSize = 50;

    /// <summary>Sent messages are recorded in groups of this many, one group's UPDATE running while the next is sent.</summary>
    public const int RecordEvery = 5;

    /// <summary>The most messages sent but not yet recorded as Sent — the most a crash (kill -9) can send twice.</summary>
    public const int MaxUnrecorded = 2 * RecordEvery;

    /// <summary>How long a claimed message is left alone by other dispatchers.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Sent messages are recorded at least this often.</summary>
    public static readonly TimeSpan RecordAfter = TimeSpan.FromMilliseconds(250);

    // The context runs one statement at a time: the one in flight (a group being recorded, the next batch being
    // claimed) is awaited before any other starts.
    private Task _statement = Task.CompletedTask;

    /// <summary>Sends what is due, batch after batch on one connection; returns the number of messages sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var unrecorded = new Unrecorded();
        IMailBatch? connection = null;
        var total = 0;
        try
        {
            var due = await ClaimAsync(clock.GetUtcNow(), cancellationToken);
            while (due.Count > 0)
            {
                connection ??= await delivery.OpenBatchAsync(cancellationToken);
                var (sent, next) = await SendAsync(connection, due, unrecorded, cancellationToken);
                total += sent;
                due = next is null ? [] : await next;
            }
        }
        finally
        {
            // At the end, and when the drain is abandoned (cancelled, database or network down): what was sent is
            // recorded even if the caller's token is cancelled; if this fails too, the lease retries those messages.
            try
            {
                await _statement;
            }
            finally
            {
                await RecordSentAsync(unrecorded.Take());
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }
            }
        }

        return total;
    }

    /// <summary>
    /// Sends one claimed batch, rendering each next message while the current one is sent. Halfway through a full
    /// batch, the next one is claimed in the background — unless a transient failure came first: the drain then ends
    /// with this batch and the next run tries again. Returns the messages sent and that claim, if any.
    /// </summary>
    private async Task<(int Sent, Task<List<OutboxMessage>>? Next)> SendAsync(
        IMailBatch connection, List<OutboxMessage> due, Unrecorded unrecorded, CancellationToken cancellationToken)
    {
        var sent = 0;
        var transientFailure = false;
        Task<List<OutboxMessage>>? next = null;
        Task<MimeMessage>? building = BuildInBackground(due[0]);
        try
        {
            for (var i = 0; i < due.Count; i++)
            {
                var message = due[i];
                MimeMessage mime;
                try
                {
                    mime = await building!;
                }
                catch (Exception e) when (e is MailTemplateNotFoundException or JsonException or ParseException or InvalidOperationException or ArgumentException)
                {
                    building = i + 1 < due.Count ? BuildInBackground(due[i + 1]) : null;
                    await FailAsync(message, e.Message, permanent: true, cancellationToken);
                    continue;
                }

                building = i + 1 < due.Count ? BuildInBackground(due[i + 1]) : null;
                try
                {
                    await connection.SendAsync(mime, cancellationToken);
                    unrecorded.Add(message, clock.GetUtcNow());
                    sent++;
                }
                catch (MailDeliveryException e)
                {
                    transientFailure |= !e.Permanent;
                    await FailAsync(message, e.Message, e.Permanent, cancellationToken);
                }

                if (unrecorded.Count >= RecordEvery || (unrecorded.Count > 0 && clock.GetUtcNow() - unrecorded.Oldest >= RecordAfter))
                {
                    // At most one group in flight: the previous statement is done before this group's starts.
                    await _statement;
                    var group = unrecorded.Take();
                    _statement = Task.Run(() => RecordSentAsync(group), CancellationToken.None);
                }

                if (next is null && !transientFailure && due.Count == BatchSize && i == BatchSize / 2)
                {
                    next = ClaimNextAsync(cancellationToken);
                }
            }
        }
        finally
        {
            if (building is not null)
            {
                // Abandoned (cancelled, connection or database down): the render started for nothing is just awaited.
                await ((Task)building).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        return (sent, next);
    }

    /// <summary>Claims the next batch once the statement in flight is done; the claim is then the statement in flight.</summary>
    private Task<List<OutboxMessage>> ClaimNextAsync(CancellationToken cancellationToken)
    {
        var previous = _statement;
        var claim = Task.Run(
            async () =>
            {
                await previous;
                return await ClaimAsync(clock.GetUtcNow(), cancellationToken);
            },
            CancellationToken.None);
        _statement = claim;
        return claim;
    }

    private Task<MimeMessage> BuildInBackground(OutboxMessage message) => Task.Run(() => BuildAsync(message));

    /// <summary>The MIME message: typed headers only (MimeKit encodes them; no raw CR/LF can reach a header).</summary>
    public async Task<MimeMessage> BuildAsync(OutboxMessage message)
    {
        var (template, model) = MailOutbox.Read(message);
        var rendered = await renderer.RenderAsync(template, model, message.Subject);
        if (!MailboxAddress.TryParse(message.Recipient, out var to) || message.Recipient.Any(char.IsControl))
        {
            throw new InvalidOperationException($"Adresse du destinataire invalide : {MailRenderer.OneLine(message.Recipient)}");
        }

        var mime = new MimeMessage { Subject = rendered.Subject };
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

    /// <summary>Claims up to <see cref="BatchSize"/> due messages in one statement; returns them, oldest first.</summary>
    private Task<List<OutboxMessage>> ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        store.ClaimAsync(now, Lease, BatchSize, cancellationToken);

    /// <summary>
    /// Records sent messages in one statement (still Pending: nobody else touches a leased row). Not cancelled: once a
    /// message is sent, recording it is what keeps it from being sent again.
    /// </summary>
    private async Task RecordSentAsync(List<OutboxMessage> sent)
    {
        if (sent.Count > 0)
        {
            await store.MarkSentAsync(sent, clock.GetUtcNow(), CancellationToken.None);
        }
    }

    /// <summary>Records one failed attempt (the entity's backoff rule), in one statement.</summary>
    private async Task FailAsync(OutboxMessage message, string error, bool permanent, CancellationToken cancellationToken)
    {
        LogFailed(logger, message.Id, message.Kind, permanent, error);
        await _statement;
        await store.MarkFailedAsync(message, error.Length > 2000 ? error[..2000] : error, permanent, clock.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {Id} ({Kind}) non envoyé (définitif : {Permanent}) : {Error}")]
    private static partial void LogFailed(ILogger logger, Guid id, string kind, bool permanent, string error);

    /// <summary>The messages sent but not yet handed to a recording statement, and when the oldest of them was sent.</summary>
    private sealed class Unrecorded
    {
        private List<OutboxMessage> _messages = new(RecordEvery);

        public int Count => _messages.Count;

        public DateTimeOffset Oldest { get; private set; }

        public void Add(OutboxMessage message, DateTimeOffset at)
        {
            if (_messages.Count == 0)
            {
                Oldest = at;
            }

            _messages.Add(message);
        }

        public List<OutboxMessage> Take()
        {
            var taken = _messages;
            _messages = new(RecordEvery);
            return taken;
        }
    }
}
