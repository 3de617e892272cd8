using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Reminders;

/// <summary>
/// A collective session of the demo's BO &amp; UCA wave scheduled on Monday 29 March 2027 at 09:30 Paris (summer time,
/// the day after the change), whose "session-j-7" rule is due on Monday 22 March at 08:00 Paris (winter time: 07:00 UTC).
/// </summary>
internal static class ReminderScenario
{
    public static readonly DateTimeOffset Start = ParisTime.ToUtc(new DateOnly(2027, 3, 29), new TimeOnly(9, 30));

    public static readonly DateTimeOffset Due = new(2027, 3, 22, 7, 0, 0, TimeSpan.Zero);

    public const string VisioUrl = "https://visio.exemple.test/salle";

    /// <summary>Schedules the first collective session of the BO &amp; UCA wave whose group has a consultant.</summary>
    public static async Task<ScheduledSession> ScheduleAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var definition = await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == "benchmark-bloc-uca");
        var waveIds = await db.Waves.Where(w => w.DefinitionId == definition.Id).Select(w => w.Id).ToListAsync();
        var groups = await db.Groups.Where(g => waveIds.Contains(g.WaveId) && g.ConsultantId != null).ToListAsync();
        var groupIds = groups.Select(g => g.Id).ToList();
        var session = (await db.Sessions.Where(s => groupIds.Contains(s.GroupId!.Value) && s.Kind == SessionKind.Collective && s.Status == SessionStatus.Planned).ToListAsync())
            .OrderBy(s => s.Id).First();
        var consultantId = groups.Single(g => g.Id == session.GroupId).ConsultantId;
        var consultant = await db.Users.SingleAsync(u => u.Id == consultantId);
        var scheduled = session.Schedule(new SessionSlot(Start, Start.AddHours(2), null, VisioUrl, null), Due.AddDays(-1));
        Assert.True(scheduled.IsSuccess, scheduled.Error?.Message);
        await db.SaveChangesAsync();
        var title = definition.Parse().Phases.SelectMany(p => p.Sessions).First(s => s.Id == session.SessionId).Title;
        return new ScheduledSession(session.Id, consultant.Email!, title);
    }
}

internal sealed record ScheduledSession(Guid Id, string ConsultantEmail, string Title);
