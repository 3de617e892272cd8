using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// A typed email: the record's properties are its template's variables (snake_case), <see cref="Template"/> names
/// <c>templates/&lt;name&gt;.*.liquid</c>. Queued through <see cref="MailOutbox.QueueAsync(MailModel, string, string)"/>,
/// or many at once through <see cref="MailOutbox.QueueManyAsync"/>.
/// </summary>
public abstract record MailModel
{
    [JsonIgnore]
    public abstract string Template { get; }

    /// <summary>The outbox row's kind (message lists, filters): the template, unless several templates share one kind.</summary>
    [JsonIgnore]
    public virtual string OutboxKind => Template;

    /// <summary>A calendar invite (ICS text) the dispatcher sends as a <c>text/calendar</c> part and an attachment, or null.</summary>
    [JsonIgnore]
    public virtual string? Ics => null;

    /// <summary>The template's variables: by default the record's properties, named by <paramref name="json"/>'s policy.</summary>
    internal virtual JsonObject Variables(JsonSerializerOptions json) =>
        JsonSerializer.SerializeToNode(this, GetType(), json) as JsonObject
            ?? throw new InvalidOperationException($"The model of {Template} is not a JSON object");
}

/// <summary>
/// A reminder the workflow definition names (its template is data, not code): the variables are a set of strings
/// (titles, dates in French), written straight to the payload.
/// </summary>
public sealed record ReminderMail(string TemplateName, IReadOnlyDictionary<string, string> Values) : MailModel
{
    public override string Template => TemplateName;

    internal override JsonObject Variables(JsonSerializerOptions json) =>
        new(Values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value))));
}

/// <summary>A password reset link (« Mot de passe oublié »).</summary>
public sealed record PasswordResetMail(string Name, string Link, int ExpiresInDays) : MailModel
{
    public override string Template => "password-reset";
}

/// <summary>An invitation to create one's account (a team member added to an enrolment).</summary>
public sealed record InvitationMail(string Name, string Link, string Inviter, int ExpiresInDays, string Context) : MailModel
{
    public override string Template => "invitation";
}
