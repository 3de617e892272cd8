using System.Net.Mail;
using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Features.Waves;

/// <summary>What an ARS administrator types to invite someone into an establishment's project team.</summary>
public sealed record Invitation(string? FullName, string? Email, string? RoleId);

/// <summary>
/// Adds a member to an establishment's team (trinôme). Someone without an account gets one (role TeamMember, no
/// password) and an invitation email is queued with a set-password link
/// <c>{App:BaseUrl}/invitation?user={userId}&amp;token={token}</c> (<see cref="PasswordLinks"/>, the /invitation page's own builder). The account, the team
/// row and the message commit in one transaction: an invitation is never queued for a member that was not saved. The
/// team row is saved through <see cref="UnitOfWork"/>: when another administrator invites the same person at the same
/// moment, the unique key refuses the second one, whose transaction rolls back (no account, no message) with a conflict.
/// </summary>
public sealed class InviteTeamMember(
    BenchmarkDbContext db, UserManager<AppUser> users, MailOutbox outbox, UnitOfWork unit, IOptions<MailOptions> mail, TimeProvider clock)
{
    public const string Kind = "invitation";

    /// <summary>Checks the fields; returns the errors keyed by field name (empty when the invitation can be sent).</summary>
    public static Dictionary<string, string> Validate(Invitation invitation, WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(invitation.FullName))
        {
            errors[nameof(Invitation.FullName)] = "Indiquez le prénom et le nom de la personne.";
        }

        if (string.IsNullOrWhiteSpace(invitation.Email) || !MailAddress.TryCreate(invitation.Email.Trim(), out var address) || address.Address != invitation.Email.Trim())
        {
            errors[nameof(Invitation.Email)] = "Indiquez une adresse électronique valide, par exemple nom@domaine.fr.";
        }

        if (definition.FindRole(invitation.RoleId ?? "") is not { Side: RoleSide.Establishment })
        {
            errors[nameof(Invitation.RoleId)] = "Choisissez le rôle de la personne dans l'équipe projet.";
        }

        return errors;
    }

    public async Task<Result<TeamMember>> HandleAsync(Enrolment enrolment, Establishment establishment, WorkflowDefinition definition, Invitation invitation, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(establishment);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(invitation);
        var email = invitation.Email!.Trim();
        var fullName = invitation.FullName!.Trim();
        var already = Error.Conflict($"{email} fait déjà partie de l'équipe de « {establishment.Name} ».");
        if (await db.TeamMembers.AnyAsync(m => m.EnrolmentId == enrolment.Id && m.Email == email, cancellationToken))
        {
            return already;
        }

        var now = clock.GetUtcNow();
        var account = await users.FindByEmailAsync(email);

        // Identity's store saves on each call: one transaction makes the account, the team row and the message one unit.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (account is null)
        {
            account = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, FullName = fullName, CreatedAt = now };
            var created = await users.CreateAsync(account);
            if (!created.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Error.Invalid(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(account, AppRoles.TeamMember);
            var link = await PasswordLinks.InvitationAsync(users, mail.Value, account);
            var role = definition.FindRole(invitation.RoleId!)!;
            await outbox.QueueAsync(
                new InvitationMail(fullName, link, actor, PasswordLinks.ValidDays,
                    $"l'équipe projet de « {establishment.Name} » ({role.Title}) dans la démarche « {definition.Title} »"),
                email, $"{Kind}:{account.Id}");
        }

        var member = new TeamMember(Guid.CreateVersion7(), enrolment.Id, invitation.RoleId!, fullName, email, account.Id);
        db.TeamMembers.Add(member);
        db.AuditEvents.Add(new AuditEvent(now, actor, enrolment.WaveId, enrolment.Id, "team.invite", email, null, invitation.RoleId));
        // The conflict is a constant: a failed statement may have aborted the transaction, which then answers no query.
        var saved = await unit.SaveAsync(member, new CommandName("team.invite", actor, enrolment.Id), _ => Task.FromResult(already), cancellationToken);
        if (saved.IsSuccess)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }
}
