using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Benchmark.Core.Tests.Runtime;

/// <summary>
/// One enrolment in the <c>Accompagnement</c> scenario, a fake clock and the sessions held so far: commands run
/// through <see cref="WorkflowEngine.Execute"/> exactly as the web handlers call it.
/// </summary>
internal sealed class EnrolmentHarness
{
    public static readonly Actor ChefDeProjet = new("u-chef", "Claire Martin", "chef-de-projet");
    public static readonly Actor Directeur = new("u-dir", "Marc Leroy", "directeur");
    public static readonly Actor Consultant = new("u-cons", "Paul Durand", "consultant");
    public static readonly Actor ArsReferent = new("u-ars", "Inès Roux", "ars-referent");
    public static readonly Actor ArsAdmin = new("u-admin", "Admin ARS", "ars-referent", IsArsAdmin: true);

    private static readonly Lazy<WorkflowDefinition> Scenario = new(() => TestFiles.Scenario("Accompagnement"));
    private readonly HashSet<string> _heldSessions = new(StringComparer.Ordinal);

    public WorkflowDefinition Definition { get; } = Scenario.Value;

    public Enrolment Enrolment { get; } = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 1, 4, 8, 0, 0, TimeSpan.Zero));

    public static EnrolmentHarness Started()
    {
        var harness = new EnrolmentHarness();
        harness.Ok(new StartEnrolment(ArsReferent));
        return harness;
    }

    public Result<IReadOnlyList<EnrolmentEvent>> Run(EnrolmentCommand command)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        return WorkflowEngine.Execute(Definition, Enrolment, new EnrolmentContext(_heldSessions), command, Clock.GetUtcNow());
    }

    /// <summary>Runs a command that the test expects to succeed (arrangement steps).</summary>
    public IReadOnlyList<EnrolmentEvent> Ok(EnrolmentCommand command)
    {
        var result = Run(command);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public void Hold(string sessionId) => _heldSessions.Add(sessionId);

    public static SubmissionContent Pdf(string name) => new(name, "application/pdf", 1_024, new string('a', 64), $"depots/{name}", null);

    public void Submit(string deliverableId, Actor by) => Ok(new SubmitDeliverable(by, deliverableId, Pdf($"{deliverableId}.pdf")));

    public void SubmitAndApprove(string deliverableId, Actor owner)
    {
        Submit(deliverableId, owner);
        Ok(new ApproveDeliverable(ArsReferent, deliverableId, Enrolment.Deliverable(deliverableId)!.CurrentVersion, null));
    }

    /// <summary>Meets the gate of <c>cadrage</c>: every required item ticked, both deliverables in.</summary>
    public void MeetCadrageGate()
    {
        Ok(new TickItem(ChefDeProjet, "equipe", null));
        Ok(new TickItem(Consultant, "planning", null));
        Ok(new TickItem(Directeur, "cme", null));
        SubmitAndApprove("note-de-cadrage", ChefDeProjet);
        Submit("fiche-contact", ChefDeProjet);
    }

    /// <summary>Everything a refused command must leave untouched, as one comparable string.</summary>
    public string Snapshot() => string.Join(" | ",
        $"{Enrolment.Status} current={Enrolment.CurrentPhaseId}",
        string.Join(",", Enrolment.Phases.Select(p => $"{p.PhaseId}:{p.Status}:{p.ClosedAt}:{p.ForcedJustification}")),
        string.Join(",", Enrolment.Checklist.Select(c => $"{c.ItemId}:{c.Status}:{c.Comment}")),
        string.Join(",", Enrolment.Deliverables.Select(d => $"{d.DeliverableId}:{d.Status}:v{d.CurrentVersion}:{d.Reviews.Count}")),
        $"decisions={Enrolment.Decisions.Count}");
}
