using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using static Benchmark.Core.Tests.Runtime.EnrolmentHarness;

namespace Benchmark.Core.Tests.Runtime;

public sealed class PhaseLifecycleTests
{
    [Fact]
    public void Execute_WhenStarting_ThenTheFirstPhaseOpensAndTheOthersWait()
    {
        // Arrange
        var harness = new EnrolmentHarness();

        // Act
        var events = harness.Ok(new StartEnrolment(ArsReferent));

        // Assert
        var opened = Assert.IsType<PhaseOpened>(Assert.Single(events));
        Assert.Equal(("cadrage", "Inès Roux", harness.Clock.GetUtcNow()), (opened.PhaseId, opened.Actor, opened.At));
        Assert.Equal("cadrage", harness.Enrolment.CurrentPhaseId);
        Assert.Equal(EnrolmentStatus.Active, harness.Enrolment.Status);
        Assert.Equal([PhaseStatus.Open, PhaseStatus.Pending, PhaseStatus.Pending], harness.Enrolment.Phases.Select(p => p.Status));
        Assert.Equal(harness.Clock.GetUtcNow(), harness.Enrolment.Phase("cadrage")!.OpenedAt);
    }

    [Fact]
    public void Execute_WhenStartingTwice_ThenTheSecondStartIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new StartEnrolment(ArsReferent));

        // Assert
        Assert.Contains("déjà démarré", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Enrolment.Phases.Count);
    }

    [Fact]
    public void Execute_WhenACommandComesBeforeTheStart_ThenItIsRefused()
    {
        // Arrange
        var harness = new EnrolmentHarness();

        // Act
        var result = harness.Run(new TickItem(ChefDeProjet, "equipe", null));

        // Assert
        Assert.Contains("pas encore démarré", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Enrolment.Checklist);
    }

    [Fact]
    public void Execute_WhenClosingAPhaseWhoseGateIsNotMet_ThenItIsRefusedNamingWhatIsMissingAndNothingChanges()
    {
        // Arrange: one item ticked, the note submitted but not approved, the contact sheet missing.
        var harness = Started();
        harness.Ok(new TickItem(ChefDeProjet, "equipe", null));
        harness.Submit("note-de-cadrage", ChefDeProjet);
        var before = harness.Snapshot();

        // Act
        var result = harness.Run(new ClosePhase(Consultant, "cadrage"));

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal("not_allowed", result.Error!.Code);
        Assert.Contains("Livrable « Note de cadrage » à faire valider (en attente de validation)", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Livrable « Fiche contact » à déposer", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("« Arrêter le planning des sessions » à cocher", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("« Informer la CME » à cocher", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Constituer l'équipe projet", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("presse", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, harness.Snapshot());
    }

    [Fact]
    public void Execute_WhenTheEstablishmentTeamClosesAPhase_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();
        var before = harness.Snapshot();

        // Act
        var result = harness.Run(new ClosePhase(ChefDeProjet, "cadrage"));

        // Assert
        Assert.Equal("not_allowed", result.Error!.Code);
        Assert.Contains("consultant ou l'ARS", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, harness.Snapshot());
    }

    [Fact]
    public void Execute_WhenTheGateIsMet_ThenClosingOpensTheNextPhase()
    {
        // Arrange: the optional item stays open, it does not hold the gate.
        var harness = Started();
        harness.MeetCadrageGate();

        // Act
        var events = harness.Ok(new ClosePhase(Consultant, "cadrage"));

        // Assert
        Assert.Collection(events,
            e => Assert.Equal("cadrage", Assert.IsType<PhaseClosed>(e).PhaseId),
            e => Assert.Equal("visite", Assert.IsType<PhaseOpened>(e).PhaseId));
        var cadrage = harness.Enrolment.Phase("cadrage")!;
        Assert.Equal((PhaseStatus.Closed, "Paul Durand", harness.Clock.GetUtcNow()), (cadrage.Status, cadrage.ClosedBy, cadrage.ClosedAt));
        Assert.Null(cadrage.ForcedJustification);
        Assert.Equal(PhaseStatus.Open, harness.Enrolment.Phase("visite")!.Status);
        Assert.Equal("visite", harness.Enrolment.CurrentPhaseId);
        Assert.Empty(GateEvaluator.Missing(harness.Definition, harness.Enrolment, EnrolmentContext.Empty, "cadrage"));
    }

    [Fact]
    public void Execute_WhenClosingAPhaseThatIsNotOpen_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var pending = harness.Run(new ClosePhase(ArsReferent, "bilan"));
        var unknown = harness.Run(new ClosePhase(ArsReferent, "inconnue"));

        // Assert
        Assert.Contains("« Bilan » n'est pas en cours", pending.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("not_found", unknown.Error!.Code);
    }

    [Fact]
    public void Execute_WhenTheLastPhaseCloses_ThenTheEnrolmentIsCompleted()
    {
        // Arrange
        var harness = Started();
        harness.MeetCadrageGate();
        harness.Ok(new ClosePhase(Consultant, "cadrage"));
        harness.Ok(new DecideGate(ArsReferent, "visite", Go: true, "Visite concluante"));
        harness.Ok(new ClosePhase(ArsReferent, "visite"));
        harness.Hold("SC-bilan");
        harness.SubmitAndApprove("rapport-final", Consultant);

        // Act
        var events = harness.Ok(new ClosePhase(ArsReferent, "bilan"));

        // Assert
        Assert.Collection(events,
            e => Assert.Equal("bilan", Assert.IsType<PhaseClosed>(e).PhaseId),
            e => Assert.IsType<EnrolmentCompleted>(e));
        Assert.Equal(EnrolmentStatus.Completed, harness.Enrolment.Status);
        Assert.Equal("", harness.Enrolment.CurrentPhaseId);
        Assert.All(harness.Enrolment.Phases, p => Assert.Equal(PhaseStatus.Closed, p.Status));
    }

    [Fact]
    public void Execute_WhenTheBilanSessionIsNotHeld_ThenTheLastPhaseStaysOpen()
    {
        // Arrange
        var harness = Started();
        harness.Ok(new ForceClosePhase(ArsAdmin, "cadrage", "Reprise d'un dossier papier"));
        harness.Ok(new DecideGate(ArsReferent, "visite", Go: true, null));
        harness.Ok(new ClosePhase(ArsReferent, "visite"));
        harness.SubmitAndApprove("rapport-final", Consultant);

        // Act
        var result = harness.Run(new ClosePhase(ArsReferent, "bilan"));

        // Assert
        Assert.Contains("Séance « Session de bilan » à tenir", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(EnrolmentStatus.Active, harness.Enrolment.Status);
    }

    [Fact]
    public void Execute_WhenAnArsAdminForcesAPhaseWithAJustification_ThenItClosesAndKeepsTheJustification()
    {
        // Arrange
        var harness = Started();

        // Act
        var events = harness.Ok(new ForceClosePhase(ArsAdmin, "cadrage", "  Note transmise hors plateforme  "));

        // Assert
        var closed = Assert.IsType<PhaseClosed>(events[0]);
        Assert.Equal("Note transmise hors plateforme", closed.ForcedJustification);
        Assert.Equal("Note transmise hors plateforme", harness.Enrolment.Phase("cadrage")!.ForcedJustification);
        Assert.Equal("visite", harness.Enrolment.CurrentPhaseId);
    }

    [Theory]
    [InlineData(false, "Justification", "Seul un administrateur ARS")]
    [InlineData(true, "   ", "exige une justification écrite")]
    [InlineData(true, "", "exige une justification écrite")]
    public void Execute_WhenForcingWithoutTheRightOrAJustification_ThenItIsRefusedAndNothingChanges(bool isAdmin, string justification, string message)
    {
        // Arrange
        var harness = Started();
        var before = harness.Snapshot();

        // Act
        var result = harness.Run(new ForceClosePhase(ArsReferent with { IsArsAdmin = isAdmin }, "cadrage", justification));

        // Assert
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, harness.Snapshot());
    }

    [Fact]
    public void Execute_WhenTheEnrolmentIsWithdrawn_ThenEveryCommandIsRefused()
    {
        // Arrange
        var harness = Started();
        harness.Enrolment.Status = EnrolmentStatus.Withdrawn;

        // Act
        var result = harness.Run(new TickItem(ChefDeProjet, "equipe", null));

        // Assert
        Assert.Contains("s'est retiré", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Enrolment.Checklist);
    }
}
