using Benchmark.Data;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure;

/// <summary>
/// The application on a PostgreSQL test database: migrated with the application's PostgreSQL migrations, then, for
/// <see cref="StartAsync"/>, the demo seeded with its accounts (password <see cref="BenchmarkApp.Password"/>), the
/// dispatcher's background loop off (tests dispatch themselves).
/// </summary>
public sealed class PostgresDemoApp : IAsyncDisposable
{
    private readonly BenchmarkApp _inner;

    private PostgresDemoApp(BenchmarkApp inner, WebApplicationFactory<Program> factory) => (_inner, Factory) = (inner, factory);

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>Applies every PostgreSQL migration to <paramref name="database"/>, as the application does at start.</summary>
    public static async Task MigrateAsync(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:Default"] = database.ConnectionString };
        await using var migrator = new ServiceCollection().AddLogging()
            .AddBenchmarkData(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
        await using var scope = migrator.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().Database.MigrateAsync();
    }

    /// <summary>The application on <paramref name="database"/> (migrated here) with the demo seeded.</summary>
    public static async Task<PostgresDemoApp> StartAsync(PostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await MigrateAsync(database);
        var inner = new BenchmarkApp();
        var app = new PostgresDemoApp(inner, inner.WithWebHostBuilder(builder => builder
            .UseSetting("Database:Provider", "PostgreSql")
            .UseSetting("ConnectionStrings:Default", database.ConnectionString)
            .UseSetting("Mail:DispatchIntervalSeconds", "0")));
        await using var seed = app.Services.CreateAsyncScope();
        var db = seed.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        await seed.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(seed.ServiceProvider.GetRequiredService<WorkflowCatalog>().All.Select(x => x.File));
        await seed.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(BenchmarkApp.Password);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _inner.DisposeAsync();
    }
}
