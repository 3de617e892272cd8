using Benchmark.Web.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Benchmark.Web.Features.Demo;

public static class DemoSetup
{
    /// <summary>The fictitious demo: its data (through the system pipeline) and one account per role.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddSystemPipeline();
        services.TryAddScoped<DemoSeeder>();
        services.TryAddScoped<Account.DemoAccounts>();
        return services;
    }
}
