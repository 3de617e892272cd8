using Benchmark.Web.Tests.Infrastructure;

namespace Benchmark.Web.Tests.Features.Deliverables;

/// <summary>50 approvals of one submission at once on PostgreSQL (xmin row version): exactly one transition and one email batch.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class DeliverableConcurrencyPostgresTests(PostgresFixture postgres) : IAsyncLifetime
{
    private PostgresDemoApp? _app;

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
    public async Task Decide_When50ApprovalsRaceOnPostgres_ThenExactlyOneTransitionAndOneEmailBatch()
    {
        var outcome = await DeliverableScenario.RaceApprovalsAsync(_app!.Factory, 50);

        outcome.AssertExactlyOneTransition(50);
    }
}
