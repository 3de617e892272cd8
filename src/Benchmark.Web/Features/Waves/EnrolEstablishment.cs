using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Waves;

/// <summary>
/// Enrols an establishment into a group: the enrolment starts (first phase open), its individual and internal
/// sessions are planned from the wave's calendar, and so are the group's collective ones if it has none yet.
/// One save: all of it or nothing.
/// </summary>
public sealed class EnrolEstablishment(BenchmarkDbContext db, TimeProvider clock)
{
    public async Task<Result<Enrolment>> HandleAsync(Wave wave, Group group, Establishment establishment, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(establishment);
        ArgumentNullException.ThrowIfNull(user);
        if (await db.Enrolments.AnyAsync(e => e.WaveId == wave.Id && e.EstablishmentId == establishment.Id, cancellationToken))
        {
            return Error.Conflict($"« {establishment.Name} » participe déjà à cette vague.");
        }

        var definition = (await db.ProgrammeDefinitions.SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken)).Parse();
        var calendar = ScheduleResolver.Resolve(definition, wave.AnchorDates);
        if (!calendar.IsSuccess)
        {
            return Error.Invalid("Le calendrier de la vague ne peut pas être calculé : " + calendar.Error!.Message);
        }

        var now = clock.GetUtcNow();
        var enrolment = new Enrolment(Guid.CreateVersion7(), wave.Id, group.Id, establishment.Id);
        var role = definition.Roles.FirstOrDefault(r => r.Side == RoleSide.Ars)?.Id ?? "ars";
        var started = WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new StartEnrolment(new Actor(user.Id.ToString(), user.Name, role, user.IsArsAdmin)), now);
        if (!started.IsSuccess)
        {
            return started.Error!;
        }

        db.Enrolments.Add(enrolment);
        db.Sessions.AddRange(SessionPlan.ForEnrolment(calendar.Value, enrolment, _ => Guid.CreateVersion7()));
        if (!await db.Sessions.AnyAsync(s => s.GroupId == group.Id && s.EnrolmentId == null, cancellationToken))
        {
            db.Sessions.AddRange(SessionPlan.ForGroup(calendar.Value, wave.Id, group.Id, _ => Guid.CreateVersion7()));
        }

        db.AuditEvents.Add(new AuditEvent(now, user.Name, wave.Id, enrolment.Id, "enrolment.start", establishment.Name, null, $"{group.Name} ; phase {enrolment.CurrentPhaseId}"));
        await db.SaveChangesAsync(cancellationToken);
        return enrolment;
    }
}
