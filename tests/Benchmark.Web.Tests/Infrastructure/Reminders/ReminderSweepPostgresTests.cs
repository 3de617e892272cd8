using Benchmark.Data;
using Benchmark.Data.Seeding;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Hosting;
using Benchmark.Web.Infrastructure.Reminders;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Reminders;

/// <summary>The reminder sweep on PostgreSQL (migrated, demo seeded): two sweeps racing insert each key once.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ReminderSweepPostgresTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private WebApplicationFactory<Program>? _app;

    private WebApplicationFactory<Program> App => _app ?? throw new InvalidOperationException("Not initialised");

    public async Task InitializeAsync()
    {
        if (!PostgresFixture.IsConfigured)
        {
            return;
        }

        var database = await postgres.DatabaseForAsync(GetType());
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = database.ConnectionString,
        };
        await using (var migrator = new ServiceCollection().AddLogging()
            .AddBenchmarkData(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider())
        {
            await using var scope = migrator.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().Database.MigrateAsync();
        }

        var inner = new BenchmarkApp();
        _owned.Add(inner);
        _app = inner.WithWebHostBuilder(builder => builder
            .UseSetting("Database:Provider", "PostgreSql")
            .UseSetting("ConnectionStrings:Default", database.ConnectionString)
            .UseSetting("Mail:DispatchIntervalSeconds", "0"));
        _owned.Insert(0, _app);
        await using var seed = App.Services.CreateAsyncScope();
        var db = seed.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        await new DemoSeeder(db, TimeProvider.System).SeedAsync(seed.ServiceProvider.GetRequiredService<WorkflowCatalog>().All.Select(x => x.File));
        await seed.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync(BenchmarkApp.Password);
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task Run_WhenTwoSweepsRaceOnPostgres_ThenEachKeyInsertedOnce()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await ReminderScenario.ScheduleAsync(scope.ServiceProvider);
        }

        List<string> keys;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            keys = (await scope.ServiceProvider.GetRequiredService<ReminderSweep>().PlanAsync(ReminderScenario.Due))
                .Select(p => p.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        }

        await using var a = App.Services.CreateAsyncScope();
        await using var b = App.Services.CreateAsyncScope();
        var counts = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(ReminderScenario.Due)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(ReminderScenario.Due)));
        int again;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            again = await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(ReminderScenario.Due.AddMinutes(5));
        }

        await using var check = App.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<BenchmarkDbContext>().OutboxMessages
            .Where(m => m.IdempotencyKey.StartsWith("reminder:")).Select(m => m.IdempotencyKey).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, counts.Sum());
        Assert.Equal(0, again);
        Assert.Equal(keys.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }
}
