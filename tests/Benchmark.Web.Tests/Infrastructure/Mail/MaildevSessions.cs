using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>The demo sessions the invite tests drive (HTTP and browser), and the outbox rows their changes wrote.</summary>
public static class MaildevSessions
{
    /// <summary>The first still-planned collective session of the consultant's first group.</summary>
    public static Task<Guid> PlannedCollectiveSessionAsync(BenchmarkApp app, string consultantEmail)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var userId = await db.Users.Where(u => u.Email == consultantEmail).Select(u => u.Id).SingleAsync();
            var groupIds = await db.Groups.Where(g => g.ConsultantId == userId).Select(g => g.Id).ToListAsync();
            var sessions = await db.Sessions.AsNoTracking()
                .Where(s => s.GroupId != null && groupIds.Contains(s.GroupId.Value) && s.Kind == SessionKind.Collective && s.Status == SessionStatus.Planned)
                .Select(s => new { s.Id, s.GroupId })
                .ToListAsync();
            return sessions.OrderBy(s => s.GroupId).ThenBy(s => s.Id).First().Id;
        });
    }

    /// <summary>The session as saved, and every invite the outbox holds for it (keys <c>invite:{sessionId}:…</c>).</summary>
    public static Task<(Session Session, List<OutboxMessage> Rows)> InvitesAsync(BenchmarkApp app, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
            var prefix = $"invite:{sessionId}:";
            return (session, await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(prefix)).ToListAsync());
        });
    }
}
