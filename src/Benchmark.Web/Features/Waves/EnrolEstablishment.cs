using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Waves;

/// <summary>
/// Enrols an establishment into a group: the enrolment starts through the pipeline (first phase open, audited, the
/// group's consultant told), its individual and internal sessions are planned from the wave's calendar, and so are the
/// group's collective ones if it has none yet. One save: all of it or nothing; a second enrolment of the same
/// establishment in the wave (two clicks, two ARS staff) is a conflict, never a duplicate.
/// </summary>
public sealed class EnrolEstablishment(BenchmarkDbContext db, EnrolmentExecutor pipeline, UnitOfWork unit)
{
    public async Task<Result<Enrolment>> HandleAsync(Wave wave, Group group, Establishment establishment, CurrentUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(establishment);
        ArgumentNullException.ThrowIfNull(user);
        var already = Error.Conflict($"« {establishment.Name} » participe déjà à cette vague.");
        if (await db.Enrolments.AnyAsync(e => e.WaveId == wave.Id && e.EstablishmentId == establishment.Id, cancellationToken))
        {
            return already;
        }

        var enrolment = new Enrolment(Guid.CreateVersion7(), wave.Id, group.Id, establishment.Id);
        var (_, definition) = await pipeline.ProgrammeAsync(enrolment, cancellationToken);
        var calendar = ScheduleResolver.Resolve(definition, wave.AnchorDates);
        if (!calendar.IsSuccess)
        {
            return Error.Invalid("Le calendrier de la vague ne peut pas être calculé : " + calendar.Error!.Message);
        }

        db.Enrolments.Add(enrolment);
        var role = definition.Roles.FirstOrDefault(r => r.Side == RoleSide.Ars)?.Id ?? "ars";
        var actor = new Actor(user.Id.ToString(), user.Name, role, user.IsArsAdmin);
        var started = await pipeline.ExecuteAsync(definition, wave, enrolment, new StartEnrolment(actor), mail: true, cancellationToken);
        if (!started.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return started.Error!;
        }

        db.Sessions.AddRange(SessionPlan.ForEnrolment(calendar.Value, enrolment, _ => Guid.CreateVersion7()));
        if (!await db.Sessions.AnyAsync(s => s.GroupId == group.Id && s.EnrolmentId == null, cancellationToken))
        {
            db.Sessions.AddRange(SessionPlan.ForGroup(calendar.Value, wave.Id, group.Id, _ => Guid.CreateVersion7()));
        }

        return await unit.SaveAsync(enrolment, new CommandName("enrolment.start", user.Name, enrolment.Id), _ => Task.FromResult(already), cancellationToken);
    }
}
