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
        Assert.IsType<EnrolmentStarted>(events[0]);
        var opened = Assert.IsType<PhaseOpened>(Assert.Single(events, e => e is not EnrolmentStarted));
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
    public void Execute_WhenTheLastRequirementIsMet_ThenThePhaseClosesAndTheNextOpensInTheSameCommand()
    {
        // Arrange: everything but the contact sheet (a deposit that needs no approval); the optional item stays open.
        var harness = Started();
        harness.Ok(new TickItem(ChefDeProjet, "equipe", null));
        harness.Ok(new TickItem(Consultant, "planning", null));
        harness.Ok(new TickItem(Directeur, "cme", null));
        harness.SubmitAndApprove("note-de-cadrage", ChefDeProjet);

        // Act
        var events = harness.Ok(new SubmitDeliverable(ChefDeProjet, "fiche-contact", Pdf("contacts.pdf")));

        // Assert
        Assert.Collection(events,
            e => Assert.IsType<DeliverableSubmitted>(e),
            e => Assert.True(Assert.IsType<PhaseClosed>(e) is { PhaseId: "cadrage", Automatic: true, ForcedJustification: null }),
            e => Assert.Equal("visite", Assert.IsType<PhaseOpened>(e).PhaseId));
        var cadrage = harness.Enrolment.Phase("cadrage")!;
        Assert.Equal((PhaseStatus.Closed, "Claire Martin", harness.Clock.GetUtcNow()), (cadrage.Status, cadrage.ClosedBy, cadrage.ClosedAt));
        Assert.Null(cadrage.ForcedJustification);
        Assert.Equal(PhaseStatus.Open, harness.Enrolment.Phase("visite")!.Status);
        Assert.Equal("visite", harness.Enrolment.CurrentPhaseId);
        Assert.Empty(GateEvaluator.Missing(harness.Definition, harness.Enrolment, EnrolmentContext.Empty, "cadrage"));
    }

    [Fact]
    public void Execute_WhenClosingAPhaseTheEngineAlreadyClosed_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();
        harness.MeetCadrageGate();

        // Act
        var result = harness.Run(new ClosePhase(Consultant, "cadrage"));

        // Assert
        Assert.Contains("« Cadrage » n'est pas en cours", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("visite", harness.Enrolment.CurrentPhaseId);
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
    public void Execute_WhenTheLastGateIsMet_ThenTheEnrolmentIsCompleted()
    {
        // Arrange
        var harness = Started();
        harness.MeetCadrageGate();
        harness.Ok(new DecideGate(ArsReferent, "visite", Go: true, "Visite concluante"));
        harness.Hold("SC-bilan");
        harness.Submit("rapport-final", Consultant);

        // Act
        var events = harness.Ok(new ApproveDeliverable(ArsReferent, "rapport-final", 1, null));

        // Assert
        Assert.Collection(events,
            e => Assert.IsType<DeliverableReviewed>(e),
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
        var approval = harness.Ok(new ApproveDeliverable(ArsReferent, "rapport-final", SubmitRapport(harness), null));

        // Act
        var result = harness.Run(new ClosePhase(ArsReferent, "bilan"));

        // Assert
        Assert.DoesNotContain(approval, e => e is PhaseClosed);
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
        Assert.False(harness.Enrolment.Phase("cadrage")!.ClosedAutomatically);
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

    private static int SubmitRapport(EnrolmentHarness harness)
    {
        harness.Submit("rapport-final", Consultant);
        return harness.Enrolment.Deliverable("rapport-final")!.CurrentVersion;
    }
}
