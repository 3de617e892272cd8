using Benchmark.Web.Tests.Infrastructure;

namespace Benchmark.Web.Tests.Features.Deliverables;

/// <summary>50 approvals of one submission at once on SQLite: exactly one transition, one batch of emails, the rest « déjà décidé ».</summary>
public sealed class DeliverableConcurrencyTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Decide_When50ApprovalsRaceOnSqlite_ThenExactlyOneTransitionAndOneEmailBatch()
    {
        var outcome = await DeliverableScenario.RaceApprovalsAsync(app, 50);

        outcome.AssertExactlyOneTransition(50);
    }
}
