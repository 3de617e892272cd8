using Hangfire;

namespace Benchmark.Web.Infrastructure.Jobs;

/// <summary>
/// Creates each job in a scope of this host's container. Hangfire.AspNetCore's default is the process-wide
/// <c>JobActivator.Current</c> as it stands when the server starts: two hosts starting at once in one process (parallel
/// test classes, the benches) can capture each other's, and one host's jobs then run in the other's container —
/// disposed, or on its database (seen in CI: ObjectDisposedException and a deleted SQLite file in the jobs of a live host).
/// </summary>
internal sealed class HostJobActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);

    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(services.CreateScope());

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}
