using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Runtime;

/// <summary>
/// One enrolment of a programme shipped in <c>workflows/</c>, walked phase by phase through
/// <see cref="WorkflowEngine.Execute"/> with actors holding the definition's own roles.
/// </summary>
internal sealed class ProgrammeWalk
{
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private DateTimeOffset _now = new(2027, 1, 4, 8, 0, 0, TimeSpan.Zero);

    public ProgrammeWalk(string file)
    {
        var loaded = DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", file), file);
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
        Definition = loaded.Definition!;
        Team = As(Definition.Roles.First(r => r.Side == RoleSide.Establishment).Id);
        Ars = As(Definition.Roles.First(r => r.Side == RoleSide.Ars).Id);
        ArsAdmin = Ars with { Name = "Admin ARS", IsArsAdmin = true };
        Steward = Definition.Roles.FirstOrDefault(r => r.Side == RoleSide.Consultant) is { } consultant ? As(consultant.Id) : Ars;
        Ok(new StartEnrolment(Ars));
    }

    public WorkflowDefinition Definition { get; }

    public Enrolment Enrolment { get; } = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    public Actor Team { get; }

    public Actor Ars { get; }

    public Actor ArsAdmin { get; }

    /// <summary>Who closes phases: the consultant, or the ARS when the programme has no consultant.</summary>
    public Actor Steward { get; }

    public EnrolmentContext Context => new(_held);

    public static Actor As(string role) => new($"u-{role}", $"Personne {role}", role);

    public Result<IReadOnlyList<EnrolmentEvent>> Run(EnrolmentCommand command)
    {
        _now = _now.AddMinutes(1);
        return WorkflowEngine.Execute(Definition, Enrolment, Context, command, _now);
    }

    public IReadOnlyList<EnrolmentEvent> Ok(EnrolmentCommand command)
    {
        var result = Run(command);
        Assert.True(result.IsSuccess, $"{command.GetType().Name}: {result.Error?.Message}");
        Last = result.Value;
        return result.Value;
    }

    /// <summary>The events of the last command that succeeded.</summary>
    public IReadOnlyList<EnrolmentEvent> Last { get; private set; } = [];

    public IReadOnlyList<string> Missing(string phaseId) => GateEvaluator.Missing(Definition, Enrolment, Context, phaseId);

    public void Hold(string sessionId) => _held.Add(sessionId);

    /// <summary>The items the gate of <paramref name="phase"/> requires.</summary>
    public static IEnumerable<ChecklistItemDefinition> RequiredItems(WorkflowDefinition definition, PhaseDefinition phase) =>
        phase.Gate.AllChecklist ? phase.Checklist.Where(i => !i.Optional) : phase.Gate.Checklist.Select(id => definition.FindChecklistItem(id)!);

    /// <summary>Ticks an item as the role that owns it (the team for the team's, the ARS for the ARS's, else the consultant).</summary>
    public void Tick(ChecklistItemDefinition item) => Ok(new TickItem(TickerOf(item), item.Id, null));

    public Actor TickerOf(ChecklistItemDefinition item) => Definition.FindRole(item.Owner)?.Side switch
    {
        RoleSide.Establishment or RoleSide.Ars => As(item.Owner),
        _ => Steward,
    };

    public void SubmitAndApprove(string deliverableId)
    {
        var d = Definition.FindDeliverable(deliverableId)!;
        Ok(new SubmitDeliverable(As(d.Owner), d.Id, new SubmissionContent($"{d.Id}.pdf", "application/pdf", 1_024, new string('a', 64), $"depots/{d.Id}.pdf", null)));
        if (d.Approver is { } approver)
        {
            Ok(new ApproveDeliverable(As(approver), d.Id, Enrolment.Deliverable(d.Id)!.CurrentVersion, null));
        }
    }

    /// <summary>
    /// Passes the phase as its people would: meets its gate (the engine then closes it with the last requirement), or
    /// re-evaluates it when the last requirement was a session held, or has the steward close it when the gate asks
    /// for nothing. Returns the events of the command that closed the phase.
    /// </summary>
    public IReadOnlyList<EnrolmentEvent> Pass(PhaseDefinition phase)
    {
        MeetGate(phase);
        if (Enrolment.Phase(phase.Id)!.Status == PhaseStatus.Open)
        {
            Ok(phase.Gate.IsEmpty ? new ClosePhase(Steward, phase.Id) : new EvaluateGate(Steward));
        }

        Assert.Equal(PhaseStatus.Closed, Enrolment.Phase(phase.Id)!.Status);
        return Last;
    }

    /// <summary>Meets every requirement of the phase's gate: sessions, items, deliverables, a favourable decision.</summary>
    public void MeetGate(PhaseDefinition phase)
    {
        foreach (var id in phase.Gate.Sessions)
        {
            Hold(id);
        }

        foreach (var item in RequiredItems(Definition, phase).Where(i => (Enrolment.Entry(i.Id)?.Status ?? ChecklistStatus.Open) == ChecklistStatus.Open))
        {
            Tick(item);
        }

        foreach (var id in phase.Gate.Deliverables.Where(id => Enrolment.Deliverable(id)?.Status != DeliverableStatus.Approved))
        {
            SubmitAndApprove(id);
        }

        if (phase.Gate.Decision is { } decision)
        {
            Ok(new DecideGate(As(decision.By), phase.Id, Go: true, "Favorable"));
        }
    }

    /// <summary>The number of things the gate asks for, as <see cref="GateEvaluator.Missing"/> lists them.</summary>
    public int Requirements(PhaseDefinition phase) =>
        RequiredItems(Definition, phase).Count() + phase.Gate.Deliverables.Count + phase.Gate.Sessions.Count + (phase.Gate.Decision is null ? 0 : 1);
}
