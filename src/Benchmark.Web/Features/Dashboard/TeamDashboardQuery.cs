using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Dashboard;

public sealed record TeamDashboard(DateOnly Today, IReadOnlyList<TeamEnrolment> Enrolments);

public sealed record TeamEnrolment(
    Guid EnrolmentId, string Establishment, string Programme, string Wave, string Phase, DateOnly? PhaseDue,
    IReadOnlyList<TeamWork> Next, IReadOnlyList<SessionLine> Sessions, IReadOnlyList<TeamDeliverable> Deliverables);

public sealed record TeamWork(WorkItem Item, string Owner);

public sealed record TeamDeliverable(string Title, DateOnly? Due, DeliverableStatus Status, bool NeedsApproval);

/// <summary>
/// A team member's view of each of their enrolments: where they are, what is due next and by whom, their sessions and
/// deliverables. Six queries (memberships, enrolments with their state, waves, names, sessions, definitions).
/// </summary>
public sealed class TeamDashboardQuery(AccessScope scope, ProgrammeCalendars programmes, TimeProvider clock)
{
    public async Task<TeamDashboard> RunAsync(CancellationToken cancellationToken)
    {
        var me = scope.User.Id;
        var ids = await scope.TeamMembers().Where(m => m.UserId == me).Select(m => m.EnrolmentId).Distinct().ToListAsync(cancellationToken);
        var enrolments = await scope.Enrolments().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var waveIds = enrolments.Select(e => e.WaveId).Distinct().ToList();
        var byWave = await programmes.ForAsync(
            await scope.Waves().AsNoTracking().Where(w => waveIds.Contains(w.Id)).ToListAsync(cancellationToken), cancellationToken);
        var establishmentIds = enrolments.Select(e => e.EstablishmentId).Distinct().ToList();
        var names = await scope.Establishments().Where(x => establishmentIds.Contains(x.Id))
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var enrolmentIds = enrolments.Select(e => (Guid?)e.Id).ToList();
        var groupIds = enrolments.Select(e => (Guid?)e.GroupId).ToList();
        var sessions = await scope.Sessions().AsNoTracking()
            .Where(s => enrolmentIds.Contains(s.EnrolmentId) || (s.EnrolmentId == null && groupIds.Contains(s.GroupId)))
            .OrderBy(s => s.StartUtc)
            .ToListAsync(cancellationToken);

        TeamEnrolment Of(Enrolment e)
        {
            var programme = byWave[e.WaveId];
            var ours = sessions.Where(s => s.EnrolmentId == e.Id || (s.EnrolmentId is null && s.GroupId == e.GroupId))
                .Select(s => new SessionLine(s.Id, s.StartUtc, programme.SessionTitle(s.SessionId), s.Kind, "", s.Status));
            var deliverables = programme.Definition.Deliverables
                .Select(d => new TeamDeliverable(d.Title, programme.DeliverableDue(d.Id), e.Deliverable(d.Id)?.Status ?? DeliverableStatus.Draft, d.Approver is not null));
            return new TeamEnrolment(
                e.Id, names.GetValueOrDefault(e.EstablishmentId, "?"), programme.Definition.Title, programme.Wave.Name, programme.CurrentPhase(e),
                e.CurrentPhaseId.Length == 0 ? null : programme.PhaseDue(e.CurrentPhaseId),
                [.. OpenWork.Of(programme, e).Take(5).Select(w => new TeamWork(w, programme.RoleTitle(w.OwnerRole)))], [.. ours], [.. deliverables]);
        }

        return new TeamDashboard(ParisTime.Today(clock), [.. enrolments.Select(Of).OrderBy(t => t.Programme, StringComparer.Create(Display.French, ignoreCase: true))]);
    }
}
