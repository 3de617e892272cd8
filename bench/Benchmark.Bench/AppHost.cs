using Benchmark.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Bench;

/// <summary>
/// The application's own service container (its Program, its DI registrations, its configuration keys) on the
/// bench's database, without a listening server: the bench resolves <c>ReminderSweep</c>, <c>MailOutbox</c> and
/// <c>OutboxDispatcher</c> from it exactly as a job would. Background senders are off unless the settings say so;
/// every SQL command of the application's DbContext goes through <see cref="Sql"/>.
/// </summary>
internal sealed class AppHost(string repositoryRoot, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public SqlCounter Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The project folder, as `dotnet run` uses (WebApplicationFactory looks for it next to the solution file).
        builder.UseContentRoot(Path.Combine(repositoryRoot, "src", "Benchmark.Web"));
        var defaults = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Jobs:Enabled"] = "false",
            ["Mail:DispatchIntervalSeconds"] = "0",
            ["Demo:SeedOnStart"] = "false",
            ["App:DataDirectory"] = Path.Combine(Path.GetTempPath(), "benchmark-bench"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in defaults.Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.ConfigureDbContext<PostgresBenchmarkDbContext>(o => o.AddInterceptors(Sql)));
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
