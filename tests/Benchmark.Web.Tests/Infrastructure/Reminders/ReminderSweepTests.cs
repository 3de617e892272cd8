using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Infrastructure.Reminders;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Benchmark.Web.Tests.Infrastructure.Reminders;

/// <summary>
/// The reminder sweep on the demo (SQLite): a collective session of the BO &amp; UCA wave scheduled on Monday
/// 29 March 2027 at 09:30 Paris (summer time, the day after the change), whose "session-j-7" rule is due on
/// Monday 22 March at 08:00 Paris (winter time: 07:00 UTC).
/// </summary>
public sealed class ReminderSweepTests : IDisposable
{
    private static readonly DateTimeOffset Due = ReminderScenario.Due;

    private readonly QuietBenchmarkApp _app = new();

    [Fact]
    public async Task Run_WhenSessionScheduledSevenDaysAhead_ThenOneOutboxRowPerRecipientAtEightParis()
    {
        var session = await ScheduleAsync();

        var early = await SweepAsync(Due.AddMinutes(-1));
        var before = await RowsForAsync(session.Id);
        var inserted = await SweepAsync(Due);
        var rows = await RowsForAsync(session.Id);

        Assert.Empty(before);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("rappel-session", r.Kind));
        Assert.All(rows, r => Assert.Contains(":session-j-7:", r.IdempotencyKey, StringComparison.Ordinal));
        Assert.Equal(rows.Count, rows.Select(r => r.Recipient.ToLowerInvariant()).Distinct().Count());
        Assert.Contains(rows, r => r.Recipient == session.ConsultantEmail);
        Assert.True(inserted >= rows.Count, $"{inserted} inserted, {rows.Count} for the session");
        Assert.True(early >= 0);
    }

    [Fact]
    public async Task Run_WhenRunTwice_ThenSecondInsertsNothing()
    {
        var session = await ScheduleAsync();

        var first = await SweepAsync(Due.AddMinutes(5));
        var second = await SweepAsync(Due.AddMinutes(10));

        Assert.True(first > 0);
        Assert.Equal(0, second);
        Assert.NotEmpty(await RowsForAsync(session.Id));
    }

    [Fact]
    public async Task Run_WhenTwoSweepsRace_ThenEachKeyInsertedOnce()
    {
        var session = await ScheduleAsync();
        var planned = await _app.WithServicesAsync(async sp => await sp.GetRequiredService<ReminderSweep>().PlanAsync(Due));

        await using var a = _app.Factory.Services.CreateAsyncScope();
        await using var b = _app.Factory.Services.CreateAsyncScope();
        var counts = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(Due)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(Due)));

        var keys = planned.Select(p => p.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        var stored = await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages
            .Where(m => m.IdempotencyKey.StartsWith("reminder:")).Select(m => m.IdempotencyKey).ToListAsync());
        Assert.Equal(keys.Count, counts.Sum());
        Assert.Equal(keys.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        Assert.NotEmpty(await RowsForAsync(session.Id));
    }

    [Fact]
    public async Task Run_WhenSessionOnlyPlanned_ThenNoReminder()
    {
        var planned = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var session = await db.Sessions.FirstAsync(s => s.Status == SessionStatus.Planned && s.Kind == SessionKind.Collective);
            var reminders = await sp.GetRequiredService<ReminderSweep>().PlanAsync(session.StartUtc.AddDays(-7).AddHours(12));
            return reminders.Where(r => r.TargetId == session.Id.ToString()).ToList();
        });

        Assert.Empty(planned);
    }

    [Fact]
    public async Task Dispatch_WhenReminderQueued_ThenFrenchSubjectWithParisTime()
    {
        var session = await ScheduleAsync();
        await SweepAsync(Due);
        var row = (await RowsForAsync(session.Id)).Single(r => r.Recipient == session.ConsultantEmail);

        await _app.WithServicesAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync());

        var sent = await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id));
        var mime = await MimeMessage.LoadAsync(Path.Combine(_app.PickupDirectory, $"{sent.Id:N}@benchmark.eml"));
        Assert.Equal($"Rappel : {session.Title} le lundi 29 mars 2027 à 09:30", mime.Subject);
        Assert.Contains("lundi 29 mars 2027 à 09:30", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://visio.exemple.test/salle", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("lundi 29 mars 2027 à 09:30", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(session.ConsultantEmail, Assert.Single(mime.To.Mailboxes).Address);
    }

    public void Dispose() => _app.Dispose();

    private Task<int> SweepAsync(DateTimeOffset now) =>
        _app.WithServicesAsync(sp => sp.GetRequiredService<ReminderSweep>().RunAsync(now));

    private Task<List<OutboxMessage>> RowsForAsync(Guid sessionId) =>
        _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.Contains(sessionId.ToString())).ToListAsync());

    private Task<ScheduledSession> ScheduleAsync() => _app.WithServicesAsync(ReminderScenario.ScheduleAsync);
}
