using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;

namespace Benchmark.Core.Tests.Runtime;

/// <summary>
/// The gate logic of the five programmes shipped in <c>workflows/</c>, with the real files: each phase's gate blocks
/// the closing until what it asks for is there, then the phase closes and the next opens, to the end of the programme.
/// </summary>
public sealed class ProgrammeGateTests
{
    public static TheoryData<string> Programmes() =>
        ["benchmark-bloc-uca.yaml", "coaching-imagerie.yaml", "gestion-flux-patients.yaml", "hdj-medecine.yaml", "office-surgery.yaml"];

    [Theory]
    [MemberData(nameof(Programmes))]
    public void Execute_WhenEachGateIsMetInTurn_ThenEachPhaseClosesOnlyThenAndTheProgrammeCompletes(string file)
    {
        var walk = new ProgrammeWalk(file);
        var phases = walk.Definition.Phases;

        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            Assert.Equal(phase.Id, walk.Enrolment.CurrentPhaseId);
            Assert.All(phases.Skip(i + 1), p => Assert.Equal(PhaseStatus.Pending, walk.Enrolment.Phase(p.Id)!.Status));
            if (i + 1 < phases.Count && phases[i + 1].Checklist.Count > 0 && phases[i + 1].Checklist[0] is var later)
            {
                var early = walk.Run(new TickItem(walk.TickerOf(later), later.Id, null));
                Assert.Contains("pas encore ouverte", early.Error!.Message, StringComparison.Ordinal);
            }

            if (!phase.Gate.IsEmpty)
            {
                Assert.Equal(walk.Requirements(phase), walk.Missing(phase.Id).Count);
                var blocked = walk.Run(new ClosePhase(walk.Steward, phase.Id));
                Assert.Contains("ne peut pas encore être close", blocked.Error!.Message, StringComparison.Ordinal);
                Assert.Equal(PhaseStatus.Open, walk.Enrolment.Phase(phase.Id)!.Status);
            }

            var events = walk.Pass(phase).SkipWhile(e => e is not PhaseClosed).ToList();

            Assert.Empty(walk.Missing(phase.Id));
            var closed = Assert.IsType<PhaseClosed>(events[0]);
            Assert.Equal((phase.Id, !phase.Gate.IsEmpty), (closed.PhaseId, closed.Automatic));
            if (i + 1 < phases.Count)
            {
                Assert.Equal(phases[i + 1].Id, Assert.IsType<PhaseOpened>(events[1]).PhaseId);
            }
            else
            {
                Assert.IsType<EnrolmentCompleted>(events[1]);
            }
        }

        Assert.Equal(EnrolmentStatus.Completed, walk.Enrolment.Status);
        Assert.Equal("", walk.Enrolment.CurrentPhaseId);
    }

    [Theory]
    [MemberData(nameof(Programmes))]
    public void Execute_WhenEachRequirementIsMissingInTurn_ThenTheGateNamesItAndStaysShut(string file)
    {
        // Meet every requirement but one, for each requirement of the first phase with a gate: it alone is missing.
        var probe = new ProgrammeWalk(file);
        var phase = probe.Definition.Phases.First(p => !p.Gate.IsEmpty);
        var requirements = probe.Requirements(phase);

        for (var skip = 0; skip < requirements; skip++)
        {
            var walk = Arrive(file, phase.Id);
            var items = ProgrammeWalk.RequiredItems(walk.Definition, phase).ToList();
            var index = 0;
            string expected = "";
            foreach (var item in items)
            {
                if (index++ == skip) { expected = item.Text; continue; }
                walk.Tick(item);
            }

            foreach (var id in phase.Gate.Deliverables)
            {
                if (index++ == skip) { expected = walk.Definition.FindDeliverable(id)!.Title; continue; }
                walk.SubmitAndApprove(id);
            }

            foreach (var id in phase.Gate.Sessions)
            {
                if (index++ == skip) { expected = walk.Definition.FindSession(id)!.Title; continue; }
                walk.Hold(id);
            }

            if (phase.Gate.Decision is { } decision && index++ != skip)
            {
                walk.Ok(new DecideGate(ProgrammeWalk.As(decision.By), phase.Id, Go: true, null));
            }
            else if (phase.Gate.Decision is { } d)
            {
                expected = d.Title;
            }

            var missing = Assert.Single(walk.Missing(phase.Id));
            Assert.Contains(expected, missing, StringComparison.Ordinal);
            var refused = walk.Run(new ClosePhase(walk.Steward, phase.Id));
            Assert.Contains(expected, refused.Error!.Message, StringComparison.Ordinal);
            Assert.Equal(phase.Id, walk.Enrolment.CurrentPhaseId);
        }
    }

    [Fact]
    public void Execute_WhenImagingCoachingTicksPerAction_ThenEachActionAndThePhaseProgressOnTheirOwn()
    {
        var walk = Arrive("coaching-imagerie.yaml", "j1-j2");
        var phase = walk.Definition.FindPhase("j1-j2")!;
        var a1 = phase.Checklist.Where(i => i.Action == "a1").ToList();

        foreach (var item in a1)
        {
            walk.Tick(item);
        }

        Assert.Equal(new ProgressFigure(a1.Count, a1.Count), Progress.Of(a1, walk.Enrolment));
        var a2 = Progress.Of(phase.Checklist.Where(i => i.Action == "a2"), walk.Enrolment);
        Assert.Equal(0, a2.Done);
        Assert.True(a2.Applicable > 0);
        Assert.Equal(a1.Count, Progress.OfPhase(walk.Definition, walk.Enrolment, "j1-j2").Done);
        Assert.Contains(walk.Missing("j1-j2"), m => m.Contains(phase.Checklist.First(i => i.Action == "a2").Text, StringComparison.Ordinal));
        Assert.Contains(walk.Missing("j1-j2"), m => m.Contains("Convention", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Execute_WhenImagingConventionIsApprovedByTheConsultant_ThenRefusedBecauseTheArsApprovesIt()
    {
        var walk = Arrive("coaching-imagerie.yaml", "j1-j2");
        var convention = walk.Definition.FindDeliverable("convention")!;
        walk.Ok(new SubmitDeliverable(ProgrammeWalk.As(convention.Owner), convention.Id, new SubmissionContent("c.pdf", "application/pdf", 10, new string('b', 64), "depots/c.pdf", null)));

        var byConsultant = walk.Run(new ApproveDeliverable(walk.Steward, convention.Id, 1, null));

        Assert.Contains("est validé par le rôle 'ars-referent'", byConsultant.Error!.Message, StringComparison.Ordinal);
        Assert.Contains(walk.Missing("j1-j2"), m => m.Contains("en attente de validation", StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_WhenBlocUcaTrainingGate_ThenOnlyTheTwoNamedItemsOfItsChecklistAreRequired()
    {
        var walk = Arrive("benchmark-bloc-uca.yaml", "formations");
        var phase = walk.Definition.FindPhase("formations")!;

        var events = walk.Pass(phase);

        Assert.Equal(["organiser-recueil", "acces-plateforme"], phase.Gate.Checklist);
        Assert.Contains(phase.Checklist, i => (walk.Enrolment.Entry(i.Id)?.Status ?? ChecklistStatus.Open) == ChecklistStatus.Open);
        Assert.IsType<ChecklistItemChanged>(events[0]);
        Assert.Equal("recueil", events.OfType<PhaseOpened>().Single().PhaseId);
    }

    [Fact]
    public void Execute_WhenAnItemIsNotApplicable_ThenTheAllChecklistGateCountsItAsMet()
    {
        var walk = new ProgrammeWalk("benchmark-bloc-uca.yaml");
        var phase = walk.Definition.FindPhase("structure-projet")!;
        var items = phase.Checklist.ToList();

        walk.Ok(new MarkItemNotApplicable(walk.Team, items[0].Id, "Direction commune avec le GHT"));
        foreach (var item in items.Skip(1).SkipLast(1))
        {
            walk.Tick(item);
        }

        walk.Ok(new UntickItem(walk.Team, items[1].Id, "Erreur"));
        Assert.Equal(2, walk.Missing("structure-projet").Count);
        walk.Tick(items[1]);
        Assert.Single(walk.Missing("structure-projet"));
        walk.Tick(items[^1]);

        Assert.Empty(walk.Missing("structure-projet"));
        Assert.Contains(walk.Last, e => e is PhaseClosed { PhaseId: "structure-projet", Automatic: true });
        Assert.Equal(new ProgressFigure(items.Count - 1, items.Count - 1), Progress.OfPhase(walk.Definition, walk.Enrolment, "structure-projet"));
    }

    [Fact]
    public void Execute_WhenGestionFluxDeliverableIsOnlySubmitted_ThenTheGateWaitsForTheArsApproval()
    {
        var walk = new ProgrammeWalk("gestion-flux-patients.yaml");
        var d = walk.Definition.FindDeliverable("engagement-directoire")!;

        walk.Ok(new SubmitDeliverable(ProgrammeWalk.As(d.Owner), d.Id, new SubmissionContent("e.pdf", "application/pdf", 10, new string('c', 64), "depots/e.pdf", null)));

        Assert.Contains(walk.Missing("initialisation"), m => m == $"Livrable « {d.Title} » à faire valider (en attente de validation)");
        walk.Ok(new ApproveDeliverable(walk.Ars, d.Id, 1, null));
        Assert.DoesNotContain(walk.Missing("initialisation"), m => m.Contains(d.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void Execute_WhenOfficeSurgeryVisitIsNoGo_ThenTheLaunchStaysShutUntilAGo()
    {
        var walk = Arrive("office-surgery.yaml", "visite-lancement");
        walk.Hold("VISITE");

        var byTeam = walk.Run(new DecideGate(walk.Team, "visite-lancement", Go: true, null));
        walk.Ok(new DecideGate(walk.Ars, "visite-lancement", Go: false, "Salle de réveil non conforme"));
        var afterNoGo = walk.Run(new ClosePhase(walk.Ars, "visite-lancement"));
        var events = walk.Ok(new DecideGate(walk.Ars, "visite-lancement", Go: true, "Conforme après travaux"));

        Assert.Contains("revient au rôle 'ars-referent'", byTeam.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("Décision « Visite ARS : go / no-go » défavorable", afterNoGo.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("mise-en-oeuvre", events.OfType<PhaseOpened>().Single().PhaseId);
        Assert.Equal([false, true], walk.Enrolment.Decisions.Select(d => d.Go));
    }

    [Fact]
    public void Execute_WhenOfficeSurgeryDgDecisionItem_ThenTheArsTicksItsOwnItemButNotTheTeams()
    {
        var walk = Arrive("office-surgery.yaml", "instruction-selection");
        var teamItem = walk.Definition.FindPhase("candidature")!.Checklist[0];

        var own = walk.Run(new TickItem(walk.Ars, "decision-dg", "Arrêté du 12/02"));
        var closedPhaseItem = walk.Run(new TickItem(walk.Ars, teamItem.Id, null));

        Assert.True(own.IsSuccess, own.Error?.Message);
        Assert.NotNull(closedPhaseItem.Error);
    }

    [Fact]
    public void Execute_WhenArsAdminForcesAGate_ThenTheJustificationIsKeptAndOthersCannotForce()
    {
        var walk = new ProgrammeWalk("hdj-medecine.yaml");
        var first = walk.Definition.Phases[0].Id;

        var byConsultant = walk.Run(new ForceClosePhase(walk.Steward, first, "Pressé"));
        var blank = walk.Run(new ForceClosePhase(walk.ArsAdmin, first, "  "));
        var events = walk.Ok(new ForceClosePhase(walk.ArsAdmin, first, "Équipe inscrite hors outil"));

        Assert.Contains("Seul un administrateur ARS", byConsultant.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("justification écrite", blank.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("Équipe inscrite hors outil", Assert.IsType<PhaseClosed>(events[0]).ForcedJustification);
        Assert.Equal("Équipe inscrite hors outil", walk.Enrolment.Phase(first)!.ForcedJustification);
        Assert.Equal(walk.Definition.Phases[1].Id, walk.Enrolment.CurrentPhaseId);
    }

    /// <summary>A walk whose earlier phases were passed by meeting their gates, so <paramref name="phaseId"/> is open.</summary>
    private static ProgrammeWalk Arrive(string file, string phaseId)
    {
        var walk = new ProgrammeWalk(file);
        foreach (var phase in walk.Definition.Phases.TakeWhile(p => p.Id != phaseId))
        {
            walk.Pass(phase);
        }

        Assert.Equal(phaseId, walk.Enrolment.CurrentPhaseId);
        return walk;
    }
}
