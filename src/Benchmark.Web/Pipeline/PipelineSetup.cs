using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Benchmark.Web.Pipeline;

public static class PipelineSetup
{
    /// <summary>The one command pipeline: role resolver, engine step, event recorder, unit of work.</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddSystemPipeline();
        services.TryAddScoped<ActorRoles>();
        services.TryAddScoped<EventRecorder>();
        services.TryAddScoped<EnrolmentPipeline>();
        return services;
    }

    /// <summary>What commands run by the system need (the demo seeder of the CLI): the engine step and the unit of work.</summary>
    public static IServiceCollection AddSystemPipeline(this IServiceCollection services)
    {
        services.TryAddScoped<EnrolmentExecutor>();
        services.TryAddScoped<UnitOfWork>();
        return services;
    }
}
