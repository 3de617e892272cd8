using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>
/// The conflicts of a slot the consultant is about to save (<see cref="SessionConflicts"/>): the live sessions of the same
/// day that share its consultant, one of its establishments or its room. Read from the sessions of the consultant's
/// groups and of the wave's agency, so a room or a person is checked across programmes; three queries.
/// </summary>
public sealed class SessionConflictCheck(BenchmarkDbContext db, ProgrammeCalendars programmes)
{
    public async Task<IReadOnlyList<SessionConflict>> FindAsync(SessionContext context, SessionSlot slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(slot);
        var consultant = context.Group?.ConsultantId;
        var agency = context.Wave.AgencyId;
        var windowStart = slot.StartUtc.AddDays(-1);
        var windowEnd = slot.EndUtc.AddDays(1);
        var rows = await (
            from s in db.Sessions.AsNoTracking()
            where s.Id != context.Session.Id && s.Status != SessionStatus.Cancelled && s.StartUtc < windowEnd && s.EndUtc > windowStart
            join e in db.Enrolments on s.EnrolmentId equals e.Id into single
            from e in single.DefaultIfEmpty()
            join g in db.Groups on s.GroupId ?? e.GroupId equals g.Id
            join w in db.Waves on s.WaveId equals w.Id
            where w.AgencyId == agency || (consultant != null && g.ConsultantId == consultant)
            select new { Session = s, g.ConsultantId, GroupId = g.Id, Wave = w }).ToListAsync(cancellationToken);
        var groupIds = rows.Where(r => r.Session.EnrolmentId is null).Select(r => r.GroupId).Distinct().ToList();
        var members = (await db.Enrolments.AsNoTracking().Where(e => groupIds.Contains(e.GroupId) && e.Status != EnrolmentStatus.Withdrawn)
            .Select(e => new { e.Id, e.GroupId }).ToListAsync(cancellationToken)).ToLookup(e => e.GroupId, e => e.Id);
        var byWave = await programmes.ForAsync(rows.Select(r => r.Wave).DistinctBy(w => w.Id), cancellationToken);

        var booked = rows.Select(r => new BookedSession(
            r.Session.Id, byWave[r.Wave.Id].SessionTitle(r.Session.SessionId), r.Session.StartUtc, r.Session.EndUtc, r.Session.Location, r.ConsultantId,
            r.Session.EnrolmentId is { } one ? new HashSet<Guid> { one } : members[r.GroupId].ToHashSet()));
        var candidate = new BookedSession(
            context.Session.Id, context.Title, slot.StartUtc, slot.EndUtc, slot.Location, consultant, context.EnrolmentIds.ToHashSet());
        return SessionConflicts.Find(candidate, booked, WorkingCalendar.For(context.Definition.Holidays));
    }
}
