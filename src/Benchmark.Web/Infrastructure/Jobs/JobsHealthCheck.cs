using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Benchmark.Web.Infrastructure.Jobs;

/// <summary>
/// "jobs": the job storage answers and, when this node runs jobs (<c>Jobs:Enabled</c>), some Hangfire server sent a
/// heartbeat in the last two minutes (degraded otherwise: right after start, the first heartbeat may not be there yet).
/// </summary>
internal sealed class JobsHealthCheck(JobStorage storage, JobsOptions options, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var now = clock.GetUtcNow().UtcDateTime;
            var alive = servers.Count(s => s.Heartbeat is { } beat && now - DateTime.SpecifyKind(beat, DateTimeKind.Utc) < Stale);
            var data = new Dictionary<string, object> { ["storage"] = options.Storage.ToString(), ["servers"] = alive };
            return Task.FromResult(!options.Enabled || alive > 0
                ? HealthCheckResult.Healthy($"{alive} serveur(s) de tâches actif(s)", data)
                : HealthCheckResult.Degraded("Aucun serveur de tâches actif", data: data));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Stockage des tâches injoignable", e));
        }
    }
}
