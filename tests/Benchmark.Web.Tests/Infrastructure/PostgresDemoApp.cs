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
/// dispatcher's background loop off (tests dispatch themselves). Migrating and seeding happen once per test process, in
/// two template databases of the fixture; each test class gets a copy (<c>CREATE DATABASE … TEMPLATE</c>), and the demo's files with it.
/// </summary>
public sealed class PostgresDemoApp : IAsyncDisposable
{
    private readonly BenchmarkApp _inner;

    private PostgresDemoApp(BenchmarkApp inner, WebApplicationFactory<Program> factory) => (_inner, Factory) = (inner, factory);

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>The database of <paramref name="testClass"/>: migrated as the application migrates it, nothing seeded.</summary>
    public static async Task<PostgresDatabase> MigratedDatabaseForAsync(PostgresFixture postgres, Type testClass)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        return await postgres.DatabaseForAsync(testClass, (await MigratedTemplateAsync(postgres)).Name);
    }

    /// <summary>The application on the database of <paramref name="testClass"/>: migrated, the demo seeded with its files.</summary>
    public static async Task<PostgresDemoApp> StartAsync(PostgresFixture postgres, Type testClass)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var template = await SeededTemplateAsync(postgres);
        var app = Create(await postgres.DatabaseForAsync(testClass, template.Name));
        if (Directory.Exists(PostgresFixture.FilesOf(template)))
        {
            BenchmarkApp.CopyDirectory(PostgresFixture.FilesOf(template), Path.Combine(app._inner.DataDirectory, "files"));
        }

        _ = app.Services;
        return app;
    }

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

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _inner.DisposeAsync();
    }

    private static PostgresDemoApp Create(PostgresDatabase database)
    {
        // Not the SQLite template: the demo comes from the PostgreSQL one (seeding on start is for the embedded database only).
        var inner = new BenchmarkApp { Settings = { ["Demo:SeedOnStart"] = "false" } };
        return new PostgresDemoApp(inner, inner.WithWebHostBuilder(builder => builder
            .UseSetting("Database:Provider", "PostgreSql")
            .UseSetting("ConnectionStrings:Default", database.ConnectionString)
            .UseSetting("Mail:DispatchIntervalSeconds", "0")));
    }

    private static Task<PostgresDatabase> MigratedTemplateAsync(PostgresFixture postgres) => postgres.TemplateAsync("migrated", MigrateAsync);

    private static Task<PostgresDatabase> SeededTemplateAsync(PostgresFixture postgres) =>
        postgres.TemplateAsync("seeded", async template =>
        {
            await MigrateAsync(template);
            await using var app = Create(template);
            await using var seed = app.Services.CreateAsyncScope();
            await seed.ServiceProvider.GetRequiredService<DemoSeeder>()
                .SeedAsync(seed.ServiceProvider.GetRequiredService<WorkflowCatalog>().All.Select(x => x.File));
            await seed.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(BenchmarkApp.Password);
            var files = Path.Combine(app._inner.DataDirectory, "files");
            if (Directory.Exists(files))
            {
                BenchmarkApp.CopyDirectory(files, PostgresFixture.FilesOf(template));
            }
        });
}
