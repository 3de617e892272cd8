using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using static Benchmark.Core.Tests.Runtime.EnrolmentHarness;

namespace Benchmark.Core.Tests.Runtime;

/// <summary>
/// The engine owns advancement: each thing that can make a gate true closes the phase and opens the next one in the
/// same command, attributed to whoever did it; nothing else does.
/// </summary>
public sealed class AdvancementTests
{
    /// <summary>Cadrage with everything met but <paramref name="left"/> (an item id or a deliverable id).</summary>
    private static EnrolmentHarness CadrageMissing(string left)
    {
        var harness = Started();
        foreach (var (item, by) in new[] { ("equipe", ChefDeProjet), ("planning", Consultant), ("cme", Directeur) }.Where(x => x.Item1 != left))
        {
            harness.Ok(new TickItem(by, item, null));
        }

        if (left != "note-de-cadrage")
        {
            harness.SubmitAndApprove("note-de-cadrage", ChefDeProjet);
        }

        if (left != "fiche-contact")
        {
            harness.Submit("fiche-contact", ChefDeProjet);
        }

        Assert.Equal("cadrage", harness.Enrolment.CurrentPhaseId);
        return harness;
    }

    private static void AssertAdvanced(EnrolmentHarness harness, IReadOnlyList<EnrolmentEvent> events, string closedBy)
    {
        var closed = events.OfType<PhaseClosed>().Single();
        Assert.Equal(("cadrage", true, closedBy), (closed.PhaseId, closed.Automatic, closed.Actor));
        Assert.Equal("visite", events.OfType<PhaseOpened>().Single().PhaseId);
        Assert.Equal("visite", harness.Enrolment.CurrentPhaseId);
        Assert.True(harness.Enrolment.Phase("cadrage")!.ClosedAutomatically);
    }

    [Fact]
    public void Execute_WhenTheLastItemIsTicked_ThenThePhaseAdvances()
    {
        var harness = CadrageMissing("cme");

        var events = harness.Ok(new TickItem(Directeur, "cme", null));

        AssertAdvanced(harness, events, "Marc Leroy");
    }

    [Fact]
    public void Execute_WhenTheLastItemIsMarkedNotApplicable_ThenThePhaseAdvances()
    {
        var harness = CadrageMissing("cme");

        var events = harness.Ok(new MarkItemNotApplicable(Directeur, "cme", "Pas de CME dans ce GCS"));

        AssertAdvanced(harness, events, "Marc Leroy");
    }

    [Fact]
    public void Execute_WhenTheLastDeliverableIsApproved_ThenThePhaseAdvances()
    {
        var harness = CadrageMissing("note-de-cadrage");
        harness.Submit("note-de-cadrage", ChefDeProjet);

        var events = harness.Ok(new ApproveDeliverable(ArsReferent, "note-de-cadrage", 1, "Très clair"));

        AssertAdvanced(harness, events, "Inès Roux");
    }

    [Fact]
    public void Execute_WhenADeliverableWithoutApproverIsDeposited_ThenItIsAcceptedAndThePhaseAdvances()
    {
        var harness = CadrageMissing("fiche-contact");

        var events = harness.Ok(new SubmitDeliverable(ChefDeProjet, "fiche-contact", Pdf("contacts.pdf")));

        Assert.Equal(DeliverableStatus.Approved, harness.Enrolment.Deliverable("fiche-contact")!.Status);
        Assert.Null(Assert.IsType<DeliverableSubmitted>(events[0]).ApproverRole);
        AssertAdvanced(harness, events, "Claire Martin");
    }

    [Fact]
    public void Execute_WhenADeliverableWithoutApproverIsDepositedAgain_ThenANewVersionIsKept()
    {
        var harness = Started();
        harness.Submit("fiche-contact", ChefDeProjet);

        harness.Ok(new SubmitDeliverable(ChefDeProjet, "fiche-contact", Pdf("contacts-v2.pdf")));

        var record = harness.Enrolment.Deliverable("fiche-contact")!;
        Assert.Equal((DeliverableStatus.Approved, 2), (record.Status, record.CurrentVersion));
    }

    [Fact]
    public void Execute_WhenTheDecisionIsFavourable_ThenThePhaseAdvances()
    {
        var harness = Started();
        harness.MeetCadrageGate();

        var events = harness.Ok(new DecideGate(ArsReferent, "visite", Go: true, null));

        Assert.Contains(events, e => e is PhaseClosed { PhaseId: "visite", Automatic: true });
        Assert.Equal("bilan", harness.Enrolment.CurrentPhaseId);
    }

    [Fact]
    public void Execute_WhenTheGateSessionIsHeldLast_ThenEvaluatingTheGateAdvancesAndOnlyThen()
    {
        var harness = Started();
        harness.MeetCadrageGate();
        harness.Ok(new DecideGate(ArsReferent, "visite", Go: true, null));
        harness.SubmitAndApprove("rapport-final", Consultant);
        var before = harness.Snapshot();

        var notYet = harness.Ok(new EvaluateGate(Consultant));
        var unchanged = harness.Snapshot();
        harness.Hold("SC-bilan");
        var events = harness.Ok(new EvaluateGate(Consultant));

        Assert.Empty(notYet);
        Assert.Equal(before, unchanged);
        Assert.Collection(events,
            e => Assert.True(e is PhaseClosed { PhaseId: "bilan", Automatic: true, Actor: "Paul Durand" }),
            e => Assert.IsType<EnrolmentCompleted>(e));
        Assert.Equal(EnrolmentStatus.Completed, harness.Enrolment.Status);
    }

    [Fact]
    public void Execute_WhenAnOptionalItemIsTicked_ThenTheGateStaysShut()
    {
        var harness = CadrageMissing("cme");

        var events = harness.Ok(new TickItem(Directeur, "presse", null));

        Assert.IsType<ChecklistItemChanged>(Assert.Single(events));
        Assert.Equal("cadrage", harness.Enrolment.CurrentPhaseId);
    }

    [Fact]
    public void Execute_WhenTheEnrolmentIsCompleted_ThenEvaluatingTheGateChangesNothing()
    {
        var harness = Started();
        harness.MeetCadrageGate();
        harness.Ok(new DecideGate(ArsReferent, "visite", Go: true, null));
        harness.Hold("SC-bilan");
        harness.SubmitAndApprove("rapport-final", Consultant);

        var events = harness.Ok(new EvaluateGate(Consultant));

        Assert.Equal(EnrolmentStatus.Completed, harness.Enrolment.Status);
        Assert.Empty(events);
    }
}
