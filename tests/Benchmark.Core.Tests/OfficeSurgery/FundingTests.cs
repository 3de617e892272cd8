using Benchmark.Core.OfficeSurgery;

namespace Benchmark.Core.Tests.OfficeSurgery;

/// <summary>Seed 003, section F: ≤ 100 k€, 50 % at launch, 50 % if at least 50 % of the contracted volumes were reached.</summary>
public sealed class FundingTests
{
    [Fact]
    public void Compute_WhenExactlyHalfTheContractedVolume_ThenBalanceDue()
    {
        var plan = Funding.Compute(80_000m, contracted: 200, realised: 100, VisitOutcome.Go);

        Assert.Equal(40_000m, plan.Launch.Amount);
        Assert.Equal(TrancheState.Due, plan.Launch.State);
        Assert.Equal(40_000m, plan.Balance.Amount);
        Assert.Equal(TrancheState.Due, plan.Balance.State);
        Assert.Equal(50m, plan.Ratio);
    }

    [Fact]
    public void Compute_WhenJustUnderHalf_ThenBalanceNotDue()
    {
        var plan = Funding.Compute(80_000m, contracted: 201, realised: 100, VisitOutcome.Go);

        Assert.Equal(TrancheState.NotDue, plan.Balance.State);
        Assert.Contains("moins de 50 %", plan.Balance.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_WhenNothingContracted_ThenBalanceNotDueAndNoRatio()
    {
        var plan = Funding.Compute(50_000m, contracted: 0, realised: 12, VisitOutcome.Go);

        Assert.Equal(TrancheState.NotDue, plan.Balance.State);
        Assert.Null(plan.Ratio);
        Assert.Contains("Aucun volume d'actes contractualisé", plan.Balance.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_WhenMoreThanTheCapRequested_ThenCappedAt100k()
    {
        var plan = Funding.Compute(150_000m, contracted: 10, realised: 10, VisitOutcome.Go);

        Assert.Equal(Funding.Cap, plan.Allocated);
        Assert.Equal(50_000m, plan.Launch.Amount);
        Assert.Equal(50_000m, plan.Balance.Amount);
    }

    [Fact]
    public void Compute_WhenOddCents_ThenTheTwoTranchesAddUpToTheAllocation()
    {
        var plan = Funding.Compute(33_333.33m, contracted: 10, realised: 9, VisitOutcome.Go);

        Assert.Equal(plan.Allocated, plan.Launch.Amount + plan.Balance.Amount);
    }

    [Fact]
    public void Compute_WhenIndicatorsNotReported_ThenBalanceWaitsAndSaysHowManyActs()
    {
        var plan = Funding.Compute(60_000m, contracted: 101, realised: null, VisitOutcome.Go);

        Assert.Equal(TrancheState.Waiting, plan.Balance.State);
        Assert.Contains("au moins 51 actes", plan.Balance.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VisitOutcome.Pending, TrancheState.Waiting, TrancheState.Due)]
    [InlineData(VisitOutcome.NoGo, TrancheState.NotDue, TrancheState.NotDue)]
    public void Compute_WhenVisitNotFavourable_ThenLaunchTrancheFollowsTheVisit(VisitOutcome visit, TrancheState launch, TrancheState balance)
    {
        var plan = Funding.Compute(60_000m, contracted: 100, realised: 100, visit);

        Assert.Equal(launch, plan.Launch.State);
        Assert.Equal(balance, plan.Balance.State);
    }
}
