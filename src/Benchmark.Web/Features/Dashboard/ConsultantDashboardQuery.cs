using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Dashboard;

public sealed record ConsultantDashboard(
    IReadOnlyList<ConsultantGroup> Groups, IReadOnlyList<SessionLine> NextSessions, IReadOnlyList<ReviewLine> ToReview, IReadOnlyList<SessionLine> MinutesToWrite,
    IReadOnlyList<ReportOwedLine> ReportsOwed);

public sealed record ConsultantGroup(Guid Id, string Wave, string Programme, string Name, IReadOnlyList<EstablishmentLink> Establishments);

public sealed record EstablishmentLink(Guid EnrolmentId, string Name);

public sealed record SessionLine(Guid Id, DateTimeOffset StartUtc, string Title, SessionKind Kind, string With, SessionStatus Status);

/// <summary>A report to the ARS owed after a session that has ended: due on <see cref="Due"/> (Paris), late from the next day.</summary>
public sealed record ReportOwedLine(Guid SessionId, string Title, string With, DateOnly Due, bool Late);

public sealed record ReviewLine(Guid EnrolmentId, string Establishment, string Deliverable, string Programme, DateTimeOffset? SubmittedAt);

/// <summary>
/// The consultant's view of the groups they follow: their establishments, the next sessions, and what waits on them
/// (deliverables to approve, minutes to write, reports to the ARS owed after a session). Eight queries.
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
        var toWrite = await mine
            .Where(s => (s.Status == SessionStatus.Held && (s.Minutes == null || s.Minutes == ""))
                || ((s.Status == SessionStatus.Planned || s.Status == SessionStatus.Scheduled) && s.EndUtc < now))
            .OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        var reportSessions = byWave.Values.SelectMany(p => p.Definition.Sessions).Where(d => d.Report is not null).Select(d => d.Id).Distinct().ToList();
        var reportsOwed = await mine
            .Where(s => (s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Held) && s.EndUtc < now
                && reportSessions.Contains(s.SessionId) && !db.SessionReports.Any(r => r.SessionRecordId == s.Id))
            .OrderBy(s => s.EndUtc).ToListAsync(cancellationToken);
        var submitted = await (
            from e in scope.Enrolments()
            where groupIds.Contains(e.GroupId)
            from d in e.Deliverables
            where d.Status == DeliverableStatus.Submitted
            select new { EnrolmentId = e.Id, e.WaveId, d.DeliverableId, SubmittedAt = d.Submissions.OrderByDescending(s => s.Version).Select(s => (DateTimeOffset?)s.SubmittedAt).FirstOrDefault() })
            .ToListAsync(cancellationToken);

        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        SessionLine Line(Session s) => new(
            s.Id, s.StartUtc, byWave[s.WaveId].SessionTitle(s.SessionId), s.Kind,
            s.EnrolmentId is { } e ? names.GetValueOrDefault(e, "?") : groupNames.GetValueOrDefault(s.GroupId ?? Guid.Empty, "?"), s.Status);

        var toReview = submitted
            .Select(d => (d, Definition: byWave[d.WaveId].Definition))
            .Where(x => x.Definition.FindDeliverable(x.d.DeliverableId) is { Approver: { } approver } && x.Definition.FindRole(approver)?.Side == RoleSide.Consultant)
            .Select(x => new ReviewLine(x.d.EnrolmentId, names[x.d.EnrolmentId], x.Definition.FindDeliverable(x.d.DeliverableId)!.Title, x.Definition.Title, x.d.SubmittedAt))
            .OrderBy(r => r.SubmittedAt)
            .ToList();

        var french = StringComparer.Create(Display.French, ignoreCase: true);
        var consultantGroups = groups
            .Select(g => new ConsultantGroup(g.Id, byWave[g.WaveId].Wave.Name, byWave[g.WaveId].Definition.Title, g.Name, [.. enrolments
                .Where(e => e.GroupId == g.Id).Select(e => new EstablishmentLink(e.Id, e.Name)).OrderBy(e => e.Name, french)]))
            .OrderBy(g => g.Wave, french).ThenBy(g => g.Name, french)
            .ToList();
        var owed = reportsOwed
            .Select(s => (Line: Line(s), Due: ReportDeadlines.DueDay(byWave[s.WaveId].Definition.FindSession(s.SessionId), s)))
            .Where(x => x.Due is not null)
            .Select(x => new ReportOwedLine(x.Line.Id, x.Line.Title, x.Line.With, x.Due!.Value, now >= ReportDeadlines.LateFrom(x.Due.Value)))
            .ToList();
        return new ConsultantDashboard(consultantGroups, [.. next.Select(Line)], toReview, [.. toWrite.Select(Line)], owed);
    }
}
