using Benchmark.Data;
using Benchmark.Web.Infrastructure.Jobs;
using Benchmark.Web.Tests.Infrastructure.Reminders;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Benchmark.Web.Tests.Infrastructure.Jobs;

/// <summary>
/// The "reminder-sweep" recurring job run by the app's Hangfire server, with a <see cref="FakeTimeProvider"/> as the
/// app's clock: the job reads "now" from it, so a run at 08:01 Paris on J-7 queues the session's reminders, once.
/// </summary>
public sealed class ReminderSweepJobTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(ReminderScenario.Due.AddDays(-2));
    private readonly BenchmarkApp _inner = new();
    private readonly WebApplicationFactory<Program> _app;

    public ReminderSweepJobTests() => _app = _inner.WithWebHostBuilder(builder => builder
        .UseSetting("Mail:DispatchIntervalSeconds", "0")
        .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    [Fact]
    public async Task ReminderSweepJob_WhenTriggeredAtDueTime_ThenQueuesSessionRemindersOnce()
    {
        Guid session;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            session = (await ReminderScenario.ScheduleAsync(scope.ServiceProvider)).Id;
        }

        await RunJobAsync();
        var early = await RowsAsync(session);
        _clock.SetUtcNow(ReminderScenario.Due.AddMinutes(1));
        await RunJobAsync();
        var due = await RowsAsync(session);
        await RunJobAsync();
        var again = await RowsAsync(session);

        Assert.Equal(0, early);
        Assert.True(due > 0);
        Assert.Equal(due, again);
    }

    public void Dispose()
    {
        _app.Dispose();
        _inner.Dispose();
    }

    /// <summary>
    /// Triggers the sweep and waits for that very job to succeed: counting all succeeded jobs was fooled under load by
    /// the recurring outbox dispatch finishing meanwhile, and the test then read the outbox before the sweep had run.
    /// </summary>
    private async Task RunJobAsync()
    {
        var monitoring = _app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var manager = (IRecurringJobManagerV2)_app.Services.GetRequiredService<IRecurringJobManager>();
        var jobId = manager.TriggerJob(RecurringJobs.ReminderSweep);
        Assert.False(string.IsNullOrEmpty(jobId), "the reminder-sweep job was not created");
        string? state = null;
        for (var attempt = 0; attempt < 600 && state is not ("Succeeded" or "Failed"); attempt++)
        {
            await Task.Delay(100);
            var states = monitoring.JobDetails(jobId)?.History.Select(h => h.StateName).ToList() ?? [];
            state = states.Contains("Succeeded") ? "Succeeded" : states.Contains("Failed") ? "Failed" : null;
        }

        Assert.Equal("Succeeded", state);
    }

    private async Task<int> RowsAsync(Guid sessionId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var id = sessionId.ToString();
        return await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().OutboxMessages.CountAsync(m => m.IdempotencyKey.Contains(id));
    }
}
