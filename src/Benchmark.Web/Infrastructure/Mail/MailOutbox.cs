using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Benchmark.Core.Domain;
using Benchmark.Data;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// Queues an email in the outbox, in the caller's unit of work: nothing is saved here, so the message is committed
/// with the change that causes it, or not at all.
/// <para>
/// Payload format of <see cref="OutboxMessage.Payload"/> (rendered at send time, so a fixed template fixes queued
/// messages too): <c>{ "template": "invitation", "model": { "name": "…", "link": "https://…" } }</c>. The model's
/// top-level keys are the template's variables (snake_case when built from a C# object). A payload without
/// <c>template</c> is read as the model itself, rendered with the template named like <see cref="OutboxMessage.Kind"/>.
/// <see cref="OutboxMessage.Subject"/> holds the rendered subject (shown in lists, sent as is); when empty, the
/// subject template is rendered at send time.
/// </para>
/// To add an email: write <c>templates/&lt;name&gt;.subject.liquid</c>, <c>.html.liquid</c> and <c>.txt.liquid</c>, then
/// write a <see cref="MailModel"/> record for it and queue it with <see cref="QueueAsync(MailModel, string, string)"/>.
/// </summary>
public sealed class MailOutbox(BenchmarkDbContext db, MailRenderer renderer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Adds a typed email to the context (the caller saves); the same idempotency key is never queued twice.</summary>
    public Task<OutboxMessage> QueueAsync(MailModel mail, string recipient, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return QueueAsync(mail.Template, recipient, mail, idempotencyKey);
    }

    /// <summary>
    /// Adds the message to the context (the caller saves); the same idempotency key is never queued twice. The
    /// application queues typed <see cref="MailModel"/>s; this untyped form is left to the mail tests and benches.
    /// </summary>
    public async Task<OutboxMessage> QueueAsync(string template, string recipient, object model, string idempotencyKey)
    {
        var payload = Payload(template, model);
        var subject = await renderer.RenderSubjectAsync(template, (JsonObject)payload["model"]!);
        var message = new OutboxMessage(Guid.CreateVersion7(), idempotencyKey, template, recipient, subject, payload.ToJsonString(), clock.GetUtcNow());
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>
    /// The row of a message whose model is a set of strings (a reminder's), not added to the context: for a caller
    /// that writes many rows in one statement. Same payload format and rendered subject as <see cref="QueueAsync(string, string, object, string)"/>,
    /// written straight to JSON (no JSON tree per message).
    /// </summary>
    public async Task<OutboxMessage> BuildAsync(string template, string recipient, IReadOnlyDictionary<string, string> model, string idempotencyKey)
    {
        var subject = await renderer.RenderSubjectAsync(template, model);
        return new OutboxMessage(Guid.CreateVersion7(), idempotencyKey, template, recipient, subject, PayloadJson(template, model), clock.GetUtcNow());
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
