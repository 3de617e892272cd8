using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Pipeline;

/// <summary>
/// The one resolver of "who acts in which programme role": a team member of the enrolment acts in their team role, the
/// group's consultant in the consultant role, ARS staff of the agency in the ARS role. <c>wanted</c> names the role a
/// command needs when the user's side has several (an ARS decision, a deliverable's owner); it is used only when it is
/// on the user's own side, so nobody ever acts in a role of another side. The enrolment was read through the scope.
/// </summary>
public sealed class ActorRoles(BenchmarkDbContext db)
{
    public async Task<Actor?> ResolveAsync(
        WorkflowDefinition definition, Enrolment enrolment, CurrentUser user, string? wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(user);
        var role = await RoleAsync(definition, enrolment, user, wanted, cancellationToken);
        return role is null ? null : new Actor(user.Id.ToString(), user.Name, role, user.IsArsAdmin);
    }

    private async Task<string?> RoleAsync(
        WorkflowDefinition definition, Enrolment enrolment, CurrentUser user, string? wanted, CancellationToken cancellationToken)
    {
        string? OnSide(RoleSide side) =>
            wanted is not null && definition.FindRole(wanted)?.Side == side ? wanted : definition.Roles.FirstOrDefault(r => r.Side == side)?.Id;

        if (user.IsArsStaff)
        {
            return OnSide(RoleSide.Ars);
        }

        if (user.IsConsultant && await db.Groups.AnyAsync(g => g.Id == enrolment.GroupId && g.ConsultantId == user.Id, cancellationToken))
        {
            return OnSide(RoleSide.Consultant);
        }

        if (!user.IsTeamMember)
        {
            return null;
        }

        var roles = await db.TeamMembers.Where(m => m.EnrolmentId == enrolment.Id && m.UserId == user.Id).Select(m => m.RoleId).ToListAsync(cancellationToken);
        return wanted is not null && roles.Contains(wanted, StringComparer.Ordinal)
            ? wanted
            : roles.FirstOrDefault(r => definition.FindRole(r)?.Side == RoleSide.Establishment);
    }

    /// <summary>Whether <paramref name="actor"/> acts on the side of <paramref name="role"/> (any team role may act for the team).</summary>
    public static bool SameSide(WorkflowDefinition definition, Actor actor, string role)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        return definition.FindRole(actor.Role)?.Side is { } side && side == definition.FindRole(role)?.Side;
    }
}
