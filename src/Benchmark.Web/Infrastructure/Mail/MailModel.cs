using System.Text.Json.Serialization;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// A typed email: the record's properties are its template's variables (snake_case), <see cref="Template"/> names
/// <c>templates/&lt;name&gt;.*.liquid</c>. Queued through <see cref="MailOutbox.QueueAsync(MailModel, string, string)"/>.
/// </summary>
public abstract record MailModel
{
    [JsonIgnore]
    public abstract string Template { get; }
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
