using Microsoft.Extensions.Options;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// Runs <see cref="OutboxDispatcher"/> every <c>Mail:DispatchIntervalSeconds</c> (0: never, for tests). The database
/// is the truth, so a missed tick loses nothing; a later issue moves this to a Hangfire recurring job.
/// </summary>
internal sealed partial class OutboxDispatchService(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDispatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DispatchIntervalSeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database or network hiccup: the next tick tries again.
                LogTickFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Envoi des messages en attente interrompu")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
