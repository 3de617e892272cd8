using Benchmark.Core.Domain;
using Benchmark.Web.Tests.Infrastructure;

namespace Benchmark.Web.Tests.Features.Deliverables;

/// <summary>50 approvals of one submission at once on SQLite: exactly one transition, one batch of emails, the rest « déjà décidé ».</summary>
public sealed class DeliverableConcurrencyTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Decide_When50ApprovalsRaceOnSqlite_ThenExactlyOneTransitionAndOneEmailBatch()
    {
        var outcome = await DeliverableScenario.RaceApprovalsAsync(app, 50);

        Assert.Equal(1, outcome.Won);
        Assert.Equal(49, outcome.AlreadyDecided);
        Assert.Equal(DeliverableStatus.Approved, outcome.Status);
        Assert.Equal(1, outcome.Reviews);
        Assert.Equal(1, outcome.ApprovalAudits);
        Assert.True(outcome.TeamEmails > 0);
        Assert.Equal(outcome.TeamEmails, outcome.DecisionEmails);
    }
}
