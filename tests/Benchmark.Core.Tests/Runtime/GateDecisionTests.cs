using Benchmark.Core.Runtime;
using static Benchmark.Core.Tests.Runtime.EnrolmentHarness;

namespace Benchmark.Core.Tests.Runtime;

public sealed class GateDecisionTests
{
    private static EnrolmentHarness AtVisite()
    {
        var harness = Started();
        harness.MeetCadrageGate();
        return harness;
    }

    [Fact]
    public void Execute_WhenTheRightRoleSaysGo_ThenTheDecisionIsRecordedAndThePhaseCloses()
    {
        // Arrange
        var harness = AtVisite();

        // Act
        var events = harness.Ok(new DecideGate(ArsReferent, "visite", Go: true, "Conditions de sécurité réunies"));

        // Assert
        var decided = Assert.IsType<GateDecided>(events[0]);
        Assert.Equal(("visite", true, "Conditions de sécurité réunies"), (decided.PhaseId, decided.Go, decided.Comment));
        var decision = Assert.Single(harness.Enrolment.Decisions);
        Assert.Equal(("Inès Roux", harness.Clock.GetUtcNow()), (decision.By, decision.At));
        Assert.Equal(["visite"], events.OfType<PhaseClosed>().Select(e => e.PhaseId));
        Assert.Equal("bilan", harness.Enrolment.CurrentPhaseId);
    }

    [Fact]
    public void Execute_WhenTheDecisionIsNoGo_ThenThePhaseCannotClose()
    {
        // Arrange
        var harness = AtVisite();

        // Act
        var events = harness.Ok(new DecideGate(ArsReferent, "visite", Go: false, "Salle non conforme"));
        var result = harness.Run(new ClosePhase(ArsReferent, "visite"));

        // Assert
        Assert.IsType<GateDecided>(Assert.Single(events));
        Assert.Contains("Décision « Avis de l'ARS après la visite » défavorable", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WhenANoGoIsFollowedByAGo_ThenTheLatestDecisionCounts()
    {
        // Arrange
        var harness = AtVisite();
        harness.Ok(new DecideGate(ArsReferent, "visite", Go: false, "Salle non conforme"));

        // Act
        var events = harness.Ok(new DecideGate(ArsReferent, "visite", Go: true, "Salle mise en conformité"));

        // Assert
        Assert.Contains(events, e => e is PhaseClosed { PhaseId: "visite", Automatic: true });
    }

    [Fact]
    public void Execute_WhenNoDecisionIsTaken_ThenClosingSaysItIsAwaited()
    {
        // Arrange
        var harness = AtVisite();

        // Act
        var result = harness.Run(new ClosePhase(ArsReferent, "visite"));

        // Assert
        Assert.Contains("Décision « Avis de l'ARS après la visite » à prendre", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("consultant")]
    [InlineData("chef-de-projet")]
    public void Execute_WhenAnotherRoleDecides_ThenItIsRefused(string role)
    {
        // Arrange
        var harness = AtVisite();

        // Act
        var result = harness.Run(new DecideGate(Consultant with { Role = role }, "visite", Go: true, null));

        // Assert
        Assert.Contains("revient au rôle 'ars-referent'", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Enrolment.Decisions);
    }

    [Fact]
    public void Execute_WhenDecidingOnAPhaseThatIsNotOpen_ThenItIsRefused()
    {
        // Arrange: visite is still pending.
        var harness = Started();

        // Act
        var result = harness.Run(new DecideGate(ArsReferent, "visite", Go: true, null));

        // Assert
        Assert.Contains("n'est pas en cours", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Enrolment.Decisions);
    }

    [Fact]
    public void Execute_WhenDecidingOnAPhaseWithoutDecision_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new DecideGate(ArsReferent, "cadrage", Go: true, null));

        // Assert
        Assert.Contains("n'attend aucune décision", result.Error!.Message, StringComparison.Ordinal);
    }
}
