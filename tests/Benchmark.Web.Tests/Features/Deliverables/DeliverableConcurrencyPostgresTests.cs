using Benchmark.Data;
using Benchmark.Data.Seeding;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Hosting;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Deliverables;

/// <summary>50 approvals of one submission at once on PostgreSQL (xmin row version): exactly one transition and one email batch.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class DeliverableConcurrencyPostgresTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private WebApplicationFactory<Program>? _app;

    public async Task InitializeAsync()
    {
        if (!PostgresFixture.IsConfigured)
        {
            return;
        }

        var database = await postgres.DatabaseForAsync(GetType());
        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:Default"] = database.ConnectionString };
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
        await using var seed = _app.Services.CreateAsyncScope();
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
    public async Task Decide_When50ApprovalsRaceOnPostgres_ThenExactlyOneTransitionAndOneEmailBatch()
    {
        var outcome = await DeliverableScenario.RaceApprovalsAsync(_app!, 50);

        outcome.AssertExactlyOneTransition(50);
    }
}
