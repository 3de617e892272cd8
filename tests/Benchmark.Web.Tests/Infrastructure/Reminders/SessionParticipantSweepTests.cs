using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Reminders;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Reminders;

/// <summary>
/// The real sweep (SQLite, demo) on a scheduled collective session whose invite list the consultant changed: a
/// participant removed (sent a CANCEL) gets no "session-j-7" reminder, a guest added (sent a REQUEST) gets one.
/// </summary>
public sealed class SessionParticipantSweepTests : IDisposable
{
    private const string Guest = "invitee@externe.exemple.fr";

    private readonly QuietBenchmarkApp _app = new();

    [Fact]
    public async Task Run_WhenAParticipantWasRemovedAndAGuestAdded_ThenTheGuestIsRemindedOnceAndTheRemovedNot()
    {
        // Arrange: who the definition alone reaches, then one of them removed and a guest added.
        var session = await _app.WithServicesAsync(ReminderScenario.ScheduleAsync);
        var before = (await _app.WithServicesAsync(sp => sp.GetRequiredService<ReminderSweep>().PlanAsync(ReminderScenario.Due)))
            .Where(r => r.TargetId == session.Id.ToString()).Select(r => SessionParticipant.Normalise(r.Recipient.Email)).ToList();
        var removed = before.Where(e => e != SessionParticipant.Normalise(session.ConsultantEmail)).Order(StringComparer.Ordinal).First();
        await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var at = ReminderScenario.Due.AddDays(-1);
            db.SessionParticipants.Add(new SessionParticipant(Guid.NewGuid(), session.Id, removed, "Retiré", excluded: true, "consultant", at));
            db.SessionParticipants.Add(new SessionParticipant(Guid.NewGuid(), session.Id, Guest, "Inès Invitée", excluded: false, "consultant", at));
            return await db.SaveChangesAsync();
        });

        // Act
        var first = await SweepAsync();
        var second = await SweepAsync();
        var rows = await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.Contains(session.Id.ToString())).ToListAsync());

        // Assert
        Assert.Contains(removed, before);
        Assert.DoesNotContain(Guest, before);
        Assert.DoesNotContain(rows, r => r.Recipient.Equals(removed, StringComparison.OrdinalIgnoreCase));
        var guest = Assert.Single(rows, r => r.Recipient == Guest);
        Assert.Equal($"reminder:session-j-7:session:{session.Id}:2027-03-22:{Guest}", guest.IdempotencyKey);
        Assert.Equal("rappel-session", guest.Kind);
        Assert.Equal(before.Count, rows.Count);
        Assert.Contains(rows, r => r.Recipient == session.ConsultantEmail);
        Assert.True(first >= rows.Count, $"{first} inserted, {rows.Count} for the session");
        Assert.Equal(0, second);
    }

    public void Dispose() => _app.Dispose();

    private Task<int> SweepAsync() =>
        _app.WithServicesAsync(sp => sp.GetRequiredService<ReminderSweep>().RunAsync(ReminderScenario.Due.AddMinutes(5)));
}
