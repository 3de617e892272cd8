using Hangfire;

namespace Benchmark.Web.Infrastructure.Jobs;

/// <summary>Every recurring job, registered here and nowhere else (ids are stable: re-registering updates them).</summary>
public static class RecurringJobs
{
    public const string OutboxDispatch = "outbox-dispatch";

    public const string ReminderSweep = "reminder-sweep";

    public static void Register(IRecurringJobManager jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        jobs.AddOrUpdate<OutboxDispatchJob>(OutboxDispatch, j => j.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<ReminderSweepJob>(ReminderSweep, j => j.RunAsync(CancellationToken.None), "*/5 * * * *", utc);
    }
}
