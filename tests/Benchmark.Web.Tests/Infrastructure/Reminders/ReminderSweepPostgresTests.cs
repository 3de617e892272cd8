using Benchmark.Data;
using Benchmark.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Reminders;

/// <summary>The reminder sweep on PostgreSQL (migrated, demo seeded): two sweeps racing insert each key once.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ReminderSweepPostgresTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresDemoApp? _app;

    private IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not initialised");

    public async Task InitializeAsync()
    {
        if (PostgresFixture.IsConfigured)
        {
            _app = await PostgresDemoApp.StartAsync(postgres, GetType());
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task Run_WhenTwoSweepsRaceOnPostgres_ThenEachKeyInsertedOnce()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            await ReminderScenario.ScheduleAsync(scope.ServiceProvider);
        }

        List<string> keys;
        await using (var scope = Services.CreateAsyncScope())
        {
            keys = (await scope.ServiceProvider.GetRequiredService<ReminderSweep>().PlanAsync(ReminderScenario.Due))
                .Select(p => p.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        }

        await using var a = Services.CreateAsyncScope();
        await using var b = Services.CreateAsyncScope();
        var counts = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(ReminderScenario.Due)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(ReminderScenario.Due)));
        int again;
        await using (var scope = Services.CreateAsyncScope())
        {
            again = await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(ReminderScenario.Due.AddMinutes(5));
        }

        await using var check = Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<BenchmarkDbContext>().OutboxMessages
            .Where(m => m.IdempotencyKey.StartsWith("reminder:")).Select(m => m.IdempotencyKey).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.Equal(keys.Count, counts.Sum());
        Assert.Equal(0, again);
        Assert.Equal(keys.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }
}
