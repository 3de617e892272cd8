using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Dashboard;
using Benchmark.Web.Features.Gates;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Journey;

/// <summary>The enrolment a command ran on, with its definition and the events it produced.</summary>
public sealed record CommandOutcome(Enrolment Enrolment, WorkflowDefinition Definition, IReadOnlyList<EnrolmentEvent> Events);

/// <summary>
/// Runs one workflow command for the signed-in user (checklist, gate decisions, phase closing): the enrolment is read
/// through the <see cref="AccessScope"/> (someone else's is not found), the user's programme role is derived from who
/// they are for this enrolment, <see cref="WorkflowEngine.Execute"/> decides, and the new state, one audit event per
/// engine event and the "phase opened" emails are written in ONE SaveChanges. Two people changing the same row at once:
/// one wins, the other gets a conflict (concurrency tokens), nothing half saved.
/// </summary>
public sealed class EnrolmentCommands(BenchmarkDbContext db, AccessScope scope, ProgrammeCalendars programmes, PhaseTransitions transitions, TimeProvider clock)
{
    /// <summary>
    /// Runs the command <paramref name="build"/> makes for the actor. <paramref name="preferredRole"/> names the definition
    /// role the command needs when the user may hold several (an ARS decision), else the user's own role is used.
    /// </summary>
    public async Task<Result<CommandOutcome>> RunAsync(
        Guid enrolmentId, Func<Actor, EnrolmentCommand> build, string? preferredRole = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        var enrolment = await scope.Enrolments().AsSplitQuery().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return Error.NotFound("La participation");
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var definition = (await programmes.ForAsync([wave], cancellationToken))[wave.Id].Definition;
        var role = await RoleAsync(definition, enrolment, scope.User, preferredRole, cancellationToken);
        if (role is null)
        {
            return Error.NotAllowed("Vous ne tenez aucun rôle de ce programme pour cet établissement.");
        }

        var now = clock.GetUtcNow();
        var context = await ContextAsync(enrolment, cancellationToken);
        var executed = WorkflowEngine.Execute(definition, enrolment, context, build(new Actor(scope.User.Id.ToString(), scope.User.Name, role, scope.User.IsArsAdmin)), now);
        if (!executed.IsSuccess)
        {
            return executed.Error!;
        }

        await transitions.RecordAsync(definition, enrolment, executed.Value, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Quelqu'un d'autre vient de faire ce changement (ou un autre sur la même étape) : rechargez la page et recommencez.");
        }

        return new CommandOutcome(enrolment, definition, executed.Value);
    }

    /// <summary>The sessions already held for this enrolment (its own and its group's): what session gates need.</summary>
    public async Task<EnrolmentContext> ContextAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var held = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Held && (s.EnrolmentId == enrolment.Id || (s.EnrolmentId == null && s.GroupId == enrolment.GroupId)))
            .Select(s => s.SessionId).ToListAsync(cancellationToken);
        return new EnrolmentContext(held.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The definition role the user acts in on this (visible) enrolment: a team member their team role, the group's
    /// consultant the consultant role, ARS staff the ARS role (<paramref name="preferred"/> when it is on their side).
    /// </summary>
    public async Task<string?> RoleAsync(WorkflowDefinition definition, Enrolment enrolment, CurrentUser user, string? preferred, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(user);
        string? OnSide(RoleSide side) =>
            preferred is not null && definition.FindRole(preferred)?.Side == side ? preferred : definition.Roles.FirstOrDefault(r => r.Side == side)?.Id;

        if (user.IsArsStaff)
        {
            return OnSide(RoleSide.Ars);
        }

        if (user.IsConsultant && await db.Groups.AnyAsync(g => g.Id == enrolment.GroupId && g.ConsultantId == user.Id, cancellationToken))
        {
            return OnSide(RoleSide.Consultant);
        }

        if (user.IsTeamMember)
        {
            var roles = await db.TeamMembers.Where(m => m.EnrolmentId == enrolment.Id && m.UserId == user.Id).Select(m => m.RoleId).ToListAsync(cancellationToken);
            return preferred is not null && roles.Contains(preferred, StringComparer.Ordinal)
                ? preferred
                : roles.FirstOrDefault(r => definition.FindRole(r)?.Side == RoleSide.Establishment);
        }

        return null;
    }
}
