using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Persistence;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// Queues an email in the outbox — the one way mail is queued. <see cref="QueueAsync(MailModel, string, string)"/> adds
/// it to the caller's unit of work: nothing is saved here, so the message is committed with the change that causes
/// it, or not at all. <see cref="QueueManyAsync"/> (a sweep's thousands of reminders) writes at once, set-based.
/// <para>
/// Payload format of <see cref="OutboxMessage.Payload"/> (rendered at send time, so a fixed template fixes queued
/// messages too): <c>{ "template": "invitation", "model": { "name": "…", "link": "https://…" } }</c>. The model's
/// top-level keys are the template's variables (snake_case when built from a C# object). A payload without
/// <c>template</c> is read as the model itself, rendered with the template named like <see cref="OutboxMessage.Kind"/>.
/// A session invite adds <c>"ics": "BEGIN:VCALENDAR…"</c> (<see cref="MailModel.Ics"/>), sent as a calendar part.
/// <see cref="OutboxMessage.Subject"/> holds the rendered subject (shown in lists, sent as is); when empty, the
/// subject template is rendered at send time.
/// </para>
/// To add an email: write <c>templates/&lt;name&gt;.subject.liquid</c>, <c>.html.liquid</c> and <c>.txt.liquid</c>, then
/// write a <see cref="MailModel"/> record for it and queue it with <see cref="QueueAsync(MailModel, string, string)"/>
/// (or, for a sweep's many rows, <see cref="QueueManyAsync"/>). Typed models are the only public way in.
/// </summary>
public sealed class MailOutbox(BenchmarkDbContext db, MailRenderer renderer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Adds a typed email to the context (the caller saves); the same idempotency key is never queued twice.</summary>
    public async Task<OutboxMessage> QueueAsync(MailModel mail, string recipient, string idempotencyKey)
    {
        var message = await BuildAsync(mail, recipient, idempotencyKey);
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>
    /// Queues many typed emails now, in set-based statements (<see cref="KeyedInsert"/>), not in the caller's unit of
    /// work: a key already queued — earlier, or by a sweep racing this one — is skipped, so each key is queued once.
    /// Returns how many rows were inserted, and the time spent building them (rendered subjects) and writing them.
    /// </summary>
    public async Task<QueuedMany> QueueManyAsync(
        IEnumerable<(MailModel Mail, string Recipient, string IdempotencyKey)> mails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var start = clock.GetTimestamp();
        var rows = new List<OutboxMessage>();
        foreach (var (mail, recipient, key) in mails)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(await BuildAsync(mail, recipient, key));
        }

        var built = clock.GetTimestamp();
        var inserted = rows.Count == 0 ? 0
            : await KeyedInsert.InsertMissingAsync(db, rows, m => m.IdempotencyKey, nameof(OutboxMessage.IdempotencyKey), cancellationToken);
        return new QueuedMany(inserted, clock.GetElapsedTime(start, built), clock.GetElapsedTime(built));
    }

    /// <summary>
    /// An untyped message (a template name and any object as its model), added to the context: for the mail tests,
    /// which try models no record would allow. The application queues <see cref="MailModel"/>s.
    /// </summary>
    internal async Task<OutboxMessage> QueueAsync(string template, string recipient, object model, string idempotencyKey)
    {
        var message = await BuildAsync(template, template, recipient, Payload(template, model), idempotencyKey);
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>The row of a typed email (not added to the context).</summary>
    private async Task<OutboxMessage> BuildAsync(MailModel mail, string recipient, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail is ReminderMail reminder)
        {
            // Reminders come by the thousand from a sweep: their strings go straight to JSON (no JSON tree per message).
            var subject = await renderer.RenderSubjectAsync(reminder.Template, reminder.Values);
            return new OutboxMessage(
                Guid.CreateVersion7(), idempotencyKey, reminder.OutboxKind, recipient, subject, PayloadJson(reminder.Template, reminder.Values),
                clock.GetUtcNow());
        }

        var payload = Payload(mail.Template, mail.Variables(Json));
        if (mail.Ics is { } ics)
        {
            payload["ics"] = ics;
        }

        return await BuildAsync(mail.OutboxKind, mail.Template, recipient, payload, idempotencyKey);
    }

    private async Task<OutboxMessage> BuildAsync(string kind, string template, string recipient, JsonObject payload, string idempotencyKey)
    {
        var subject = await renderer.RenderSubjectAsync(template, (JsonObject)payload["model"]!);
        return new OutboxMessage(Guid.CreateVersion7(), idempotencyKey, kind, recipient, subject, payload.ToJsonString(), clock.GetUtcNow());
    }

    public static JsonObject Payload(string template, object model) => new()
    {
        ["template"] = template,
        ["model"] = model as JsonObject ?? JsonSerializer.SerializeToNode(model, Json) as JsonObject
            ?? throw new ArgumentException("The model of an email is an object", nameof(model)),
    };

    /// <summary><c>{ "template": …, "model": { … } }</c> for a model of strings, as <see cref="Payload"/> would serialise it.</summary>
    private static string PayloadJson(string template, IReadOnlyDictionary<string, string> model)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("template", template);
            writer.WriteStartObject("model");
            foreach (var (key, value) in model)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The template and model of a queued message (see the payload format above).</summary>
    public static (string Template, JsonObject Model) Read(OutboxMessage message)
    {
        var node = JsonNode.Parse(string.IsNullOrWhiteSpace(message.Payload) ? "{}" : message.Payload) as JsonObject
            ?? throw new JsonException("The payload of an outbox message is a JSON object");
        return node["template"] is JsonValue template && template.TryGetValue<string>(out var name)
            ? (name, node["model"] as JsonObject ?? [])
            : (message.Kind, node);
    }
}

/// <summary>What <see cref="MailOutbox.QueueManyAsync"/> did: rows inserted, time building them and writing them.</summary>
public sealed record QueuedMany(int Inserted, TimeSpan Build, TimeSpan Insert)
{
    public static readonly QueuedMany None = new(0, TimeSpan.Zero, TimeSpan.Zero);
}
