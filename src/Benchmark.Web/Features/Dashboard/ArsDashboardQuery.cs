using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Dashboard;

public sealed record ArsDashboard(IReadOnlyList<ArsWave> Waves);

public sealed record ArsWave(Guid Id, string Name, string Programme, IReadOnlyList<ArsGroup> Groups);

public sealed record ArsGroup(Guid Id, string Name, IReadOnlyList<ArsRow> Rows);

public sealed record ArsRow(
    Guid EnrolmentId, string Establishment, string Phase, ProgressFigure Progress, int Approved, int PendingReview, int Late, DateTimeOffset? NextSession, int OpenAlerts,
    IReadOnlyList<string>? GateMissing);

/// <summary>
/// The ARS view: every establishment of every visible wave, by group, with what the gate of its open phase still lacks
/// (<see cref="GateEvaluator.Missing"/>; null when no phase is open). Seven queries whatever the number of rows (waves,
/// groups, enrolments with their state, names, upcoming and held sessions, open alerts, definitions).
/// </summary>
public sealed class ArsDashboardQuery(AccessScope scope, BenchmarkDbContext db, ProgrammeCalendars programmes, TimeProvider clock)
{
    public async Task<ArsDashboard> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ParisTime.Today(clock);
        var waves = await scope.Waves().AsNoTracking().ToListAsync(cancellationToken);
        var groups = await scope.Groups().AsNoTracking().ToListAsync(cancellationToken);
        var enrolments = await scope.Enrolments().AsNoTracking().ToListAsync(cancellationToken);
        var names = await scope.Establishments().AsNoTracking().Select(x => new { x.Id, x.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        // One read for the sessions to come (next session) and those held (what session gates need).
        var sessions = await scope.Sessions()
            .Where(s => ((s.Status == SessionStatus.Planned || s.Status == SessionStatus.Scheduled) && s.StartUtc >= now) || s.Status == SessionStatus.Held)
            .Select(s => new { s.GroupId, s.EnrolmentId, s.StartUtc, s.SessionId, Held = s.Status == SessionStatus.Held })
            .ToListAsync(cancellationToken);
        var upcoming = sessions.Where(s => !s.Held).ToList();
        var held = sessions.Where(s => s.Held).ToList();
        var alerts = await db.Alerts
            .Where(a => a.ResolvedAt == null && scope.Enrolments().Any(e => e.Id == a.EnrolmentId))
            .GroupBy(a => a.EnrolmentId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(a => a.Key!.Value, a => a.Count, cancellationToken);
        var byWave = await programmes.ForAsync(waves, cancellationToken);

        var nextCollective = upcoming.Where(s => s.EnrolmentId is null && s.GroupId is not null)
            .GroupBy(s => s.GroupId!.Value).ToDictionary(g => g.Key, g => g.Min(s => s.StartUtc));
        var nextOwn = upcoming.Where(s => s.EnrolmentId is not null)
            .GroupBy(s => s.EnrolmentId!.Value).ToDictionary(g => g.Key, g => g.Min(s => s.StartUtc));

        var heldByGroup = held.Where(s => s.EnrolmentId is null && s.GroupId is not null).ToLookup(s => s.GroupId!.Value, s => s.SessionId);
        var heldByEnrolment = held.Where(s => s.EnrolmentId is not null).ToLookup(s => s.EnrolmentId!.Value, s => s.SessionId);

        ArsRow Row(Enrolment e)
        {
            var programme = byWave[e.WaveId];
            var open = programme.Definition.FindPhase(e.CurrentPhaseId) is { } phase && e.Phase(phase.Id)?.Status == PhaseStatus.Open ? phase.Id : null;
            var context = new EnrolmentContext(heldByGroup[e.GroupId].Concat(heldByEnrolment[e.Id]).ToHashSet(StringComparer.Ordinal));
            DateTimeOffset?[] candidates = [nextCollective.TryGetValue(e.GroupId, out var c) ? c : null, nextOwn.TryGetValue(e.Id, out var o) ? o : null];
            return new ArsRow(
                e.Id, names.GetValueOrDefault(e.EstablishmentId, "?"), programme.CurrentPhase(e), Progress.Overall(programme.Definition, e),
                e.Deliverables.Count(d => d.Status == DeliverableStatus.Approved), e.Deliverables.Count(d => d.Status == DeliverableStatus.Submitted),
                OpenWork.Of(programme, e).Count(w => w.IsLate(today)), candidates.Min(), alerts.GetValueOrDefault(e.Id),
                open is null ? null : GateEvaluator.Missing(programme.Definition, e, context, open));
        }

        var rowsByGroup = enrolments.GroupBy(e => e.GroupId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ArsRow>)[.. g.Select(Row).OrderBy(r => r.Establishment, StringComparer.Create(Display.French, ignoreCase: true))]);
        return new ArsDashboard([.. waves
            .OrderBy(w => w.Name, StringComparer.Create(Display.French, ignoreCase: true))
            .Select(w => new ArsWave(w.Id, w.Name, byWave[w.Id].Definition.Title, [.. groups
                .Where(g => g.WaveId == w.Id)
                .OrderBy(g => g.Name, StringComparer.Create(Display.French, ignoreCase: true))
                .Select(g => new ArsGroup(g.Id, g.Name, rowsByGroup.GetValueOrDefault(g.Id, [])))]))]);
    }
}
