using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Infrastructure.Reminders;
using Benchmark.Web.Tests.Features.Sessions;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Reminders;

/// <summary>
/// The sweep reads only the session rows its rules can reach now (<see cref="Core.Reminders.ReminderPlanner.SessionReach"/>)
/// and those owing a late report: what lies at the edge of that reach must still be reminded or alerted.
/// </summary>
public sealed class ReminderReachTests : IDisposable
{
    private const string Consultant = "consultant@demo.benchmark.test";

    private readonly QuietBenchmarkApp _app = new();

    [Fact]
    public async Task Run_WhenAReportIsLateForHalfAYear_ThenItsAlertIsRaisedOnceAndNoStaleReminderGoesOut()
    {
        // A collective session of « Gestion des flux patients » on Monday 29 March 2027, its report due on 5 April:
        // the first sweep to run is 200 days after the deadline (the sweep was stopped, the session never reported).
        var start = ParisTime.ToUtc(new DateOnly(2027, 3, 29), new TimeOnly(9, 30));
        var session = await _app.WithServicesAsync(sp =>
            SessionSetup.ScheduleAsync(sp, Consultant, SessionKind.Collective, start, programmeId: "gestion-flux-patients", withReport: true));
        var late = ParisTime.ToUtc(new DateOnly(2027, 4, 6), new TimeOnly(8, 0)).AddDays(200);

        await SweepAsync(late);
        var alerts = await AlertsAsync(session.Id);
        await SweepAsync(late.AddDays(1));

        var alert = Assert.Single(alerts);
        Assert.Contains("5 avril 2027", alert.Message, StringComparison.Ordinal);
        Assert.Equal(session.WaveId, alert.WaveId);
        Assert.Single(await AlertsAsync(session.Id));
        Assert.Empty(await RowsForAsync(session.Id));
    }

    [Fact]
    public async Task Run_WhenTheSweepCatchesUpAtTheEndOfTheLookback_ThenTheSessionSevenDaysAheadStillGetsItsJ7Reminder()
    {
        // session-j-7 was due on Monday 22 March 08:00 Paris; the first sweep since runs two days later, a minute
        // before that reminder leaves the lookback.
        var session = await _app.WithServicesAsync(ReminderScenario.ScheduleAsync);
        var catchUp = ReminderScenario.Due.AddDays(2).AddMinutes(-1);

        var inserted = await SweepAsync(catchUp);
        var rows = await RowsForAsync(session.Id);
        var tooLate = await _app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<ReminderSweep>().PlanAsync(ReminderScenario.Due.AddDays(2).AddMinutes(1)))
            .Count(r => r.RuleId == "session-j-7" && r.TargetId == session.Id.ToString()));

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(":session-j-7:", r.IdempotencyKey, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Recipient == session.ConsultantEmail);
        Assert.True(inserted >= rows.Count, $"{inserted} inserted, {rows.Count} for the session");
        var payload = MailOutbox.Read(rows.Single(r => r.Recipient == session.ConsultantEmail));
        Assert.Equal("7", payload.Model["days"]!.GetValue<string>());
        Assert.Equal(0, tooLate);
    }

    public void Dispose() => _app.Dispose();

    private Task<int> SweepAsync(DateTimeOffset now) => _app.WithServicesAsync(sp => sp.GetRequiredService<ReminderSweep>().RunAsync(now));

    private Task<List<OutboxMessage>> RowsForAsync(Guid sessionId) =>
        _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.StartsWith("reminder:") && m.IdempotencyKey.Contains(sessionId.ToString())).ToListAsync());

    private Task<List<Alert>> AlertsAsync(Guid sessionId) => _app.WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().Alerts.AsNoTracking().Where(a => a.Key == $"session-report-overdue:{sessionId}").ToListAsync());
}
