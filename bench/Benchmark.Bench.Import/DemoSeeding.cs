using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Bench.Import;

/// <summary>The demo seeded into a bench database as the application seeds it: through the system pipeline.</summary>
internal static class DemoSeeding
{
    public static async Task SeedAsync(BenchmarkDbContext db)
    {
        await using var services = new ServiceCollection().AddLogging().AddSingleton(db).AddSingleton(TimeProvider.System)
            .AddDemo().BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
            .SeedAsync(Directory.GetFiles(Path.Combine(Repository.Root(), "workflows"), "*.yaml"));
    }
}
