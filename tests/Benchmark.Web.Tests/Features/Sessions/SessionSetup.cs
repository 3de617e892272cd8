using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Sessions;

/// <summary>Puts a demo session in the state a test needs, through the domain (as if scheduled at the time given).</summary>
internal static class SessionSetup
{
    /// <summary>
    /// Schedules the <paramref name="index"/>-th planned session of <paramref name="kind"/> followed by the consultant
    /// (for an individual session: one of <paramref name="enrolmentOfTeamMember"/>'s enrolment, when given) to start at
    /// <paramref name="start"/>, as decided the day before.
    /// </summary>
    public static async Task<Session> ScheduleAsync(
        IServiceProvider sp, string consultantEmail, SessionKind kind, DateTimeOffset start, int index = 0, string? enrolmentOfTeamMember = null, string? programmeId = null, bool withReport = false)
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var consultant = await db.Users.Where(u => u.Email == consultantEmail).Select(u => u.Id).SingleAsync();
        var groupIds = await db.Groups.Where(g => g.ConsultantId == consultant).Select(g => g.Id).ToListAsync();
        var enrolmentIds = await db.Enrolments.Where(e => groupIds.Contains(e.GroupId)).Select(e => e.Id).ToListAsync();
        if (enrolmentOfTeamMember is not null)
        {
            var member = await db.Users.Where(u => u.Email == enrolmentOfTeamMember).Select(u => u.Id).SingleAsync();
            enrolmentIds = await db.TeamMembers.Where(m => m.UserId == member && enrolmentIds.Contains(m.EnrolmentId)).Select(m => m.EnrolmentId).ToListAsync();
        }

        var waveIds = programmeId is null
            ? null
            : await db.Waves.Where(w => db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == programmeId)).Select(w => w.Id).ToListAsync();
        var reports = withReport
            ? (await db.ProgrammeDefinitions.AsNoTracking().Where(d => programmeId == null || d.ProgrammeId == programmeId).ToListAsync()).SelectMany(d => d.Parse().Sessions).Where(d => d.Report is not null).Select(d => d.Id).ToHashSet(StringComparer.Ordinal)
            : [];
        var candidates = (await db.Sessions
            .Where(s => s.Status == SessionStatus.Planned && s.Kind == kind)
            .Where(s => kind == SessionKind.Collective ? groupIds.Contains(s.GroupId!.Value) : enrolmentIds.Contains(s.EnrolmentId!.Value))
            .ToListAsync())
            .Where(s => waveIds is null || waveIds.Contains(s.WaveId))
            .Where(s => !withReport || reports.Contains(s.SessionId))
            .OrderBy(s => s.Id).ToList();
        var session = candidates[index];
        var result = session.Schedule(new SessionSlot(start, start.AddHours(3), "Salle Ravel, Lyon", null, "Accueil"), start.AddDays(-1));
        Assert.True(result.IsSuccess, result.Error?.Message);
        await db.SaveChangesAsync();
        return session;
    }

    public static async Task<(Session Session, List<OutboxMessage> Rows)> StateAsync(IServiceProvider sp, Guid sessionId)
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        var prefix = $"invite:{sessionId}:";
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(prefix)).ToListAsync();
        return (session, rows);
    }
}
