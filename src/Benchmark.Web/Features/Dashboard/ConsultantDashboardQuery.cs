using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Dashboard;

public sealed record ConsultantDashboard(IReadOnlyList<ConsultantGroup> Groups, IReadOnlyList<SessionLine> NextSessions);

public sealed record ConsultantGroup(Guid Id, string Wave, string Programme, string Name, IReadOnlyList<EstablishmentLink> Establishments);

public sealed record EstablishmentLink(Guid EnrolmentId, string Name);

/// <summary>A session as a list shows it: with whom (establishment or group, and wave) and in which programme.</summary>
public sealed record SessionLine(Guid Id, DateTimeOffset StartUtc, string Title, SessionKind Kind, string With, SessionStatus Status, string? Programme = null);

/// <summary>
/// The consultant's view of the groups they follow: their establishments and the next sessions, each named with its group,
/// wave and programme. What waits on the consultant is « À traiter » (<see cref="Work.WorkQueueQuery"/>). Four queries.
/// </summary>
public sealed class ConsultantDashboardQuery(AccessScope scope, BenchmarkDbContext db, ProgrammeCalendars programmes, TimeProvider clock)
{
    public async Task<ConsultantDashboard> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var me = scope.User.Id;
        var groups = await scope.Groups().AsNoTracking().Where(g => g.ConsultantId == me).ToListAsync(cancellationToken);
        var groupIds = groups.Select(g => (Guid?)g.Id).ToList();
        var waveIds = groups.Select(g => g.WaveId).Distinct().ToList();
        var byWave = await programmes.ForAsync(
            await scope.Waves().AsNoTracking().Where(w => waveIds.Contains(w.Id)).ToListAsync(cancellationToken), cancellationToken);
        var enrolments = await (
            from e in scope.Enrolments()
            where groupIds.Contains(e.GroupId)
            join x in db.Establishments on e.EstablishmentId equals x.Id
            select new { e.Id, e.GroupId, e.WaveId, x.Name }).ToListAsync(cancellationToken);
        var names = enrolments.ToDictionary(e => e.Id, e => e.Name);
        var enrolmentIds = enrolments.Select(e => (Guid?)e.Id).ToList();

        var mine = scope.Sessions().AsNoTracking().Where(s => groupIds.Contains(s.GroupId) || enrolmentIds.Contains(s.EnrolmentId));
        var next = await mine
            .Where(s => (s.Status == SessionStatus.Planned || s.Status == SessionStatus.Scheduled) && s.StartUtc >= now)
            .OrderBy(s => s.StartUtc).Take(10).ToListAsync(cancellationToken);
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        SessionLine Line(Session s) => new(
            s.Id, s.StartUtc, byWave[s.WaveId].SessionTitle(s.SessionId), s.Kind,
            $"{(s.EnrolmentId is { } e ? names.GetValueOrDefault(e, "?") : groupNames.GetValueOrDefault(s.GroupId ?? Guid.Empty, "?"))} · {byWave[s.WaveId].Wave.Name}",
            s.Status, byWave[s.WaveId].Definition.Title);

        var french = StringComparer.Create(Display.French, ignoreCase: true);
        var consultantGroups = groups
            .Select(g => new ConsultantGroup(g.Id, byWave[g.WaveId].Wave.Name, byWave[g.WaveId].Definition.Title, g.Name, [.. enrolments
                .Where(e => e.GroupId == g.Id).Select(e => new EstablishmentLink(e.Id, e.Name)).OrderBy(e => e.Name, french)]))
            .OrderBy(g => g.Wave, french).ThenBy(g => g.Name, french)
            .ToList();
        return new ConsultantDashboard(consultantGroups, [.. next.Select(Line)]);
    }
}
