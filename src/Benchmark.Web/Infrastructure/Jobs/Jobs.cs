using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Infrastructure.Reminders;
using Hangfire;

namespace Benchmark.Web.Infrastructure.Jobs;

/// <summary>
/// Sends what waits in the outbox. Thin: a scope, the dispatcher. No Hangfire retry: the next minute tries again
/// and the dispatcher's own backoff and leases decide what goes (two nodes never send a message twice).
/// </summary>
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);
    }
}

/// <summary>Queues the reminders due now (see <see cref="ReminderSweep"/>). Thin: a scope, the clock, the sweep.</summary>
public sealed class ReminderSweepJob(IServiceScopeFactory scopes, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(clock.GetUtcNow(), cancellationToken);
    }
}
