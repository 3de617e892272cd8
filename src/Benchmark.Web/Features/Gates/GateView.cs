using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Web.Features.Access;

namespace Benchmark.Web.Features.Gates;

/// <summary>The go / no-go decision a gate waits for, the last one taken, and whether this user may take it.</summary>
public sealed record GateDecisionView(string Title, string By, bool CanDecide, GateDecision? Last);

/// <summary>
/// The open phase's gate as the journey page shows it: what is missing (<see cref="GateEvaluator.Missing"/>), who may
/// close it, whether an ArsAdmin may force it, the decision it waits for. <see cref="Error"/> is a refused command.
/// A gate that asks for something closes itself when its last condition is met (the engine owns advancement); only a
/// phase whose gate asks for nothing is closed by hand, by the consultant or the ARS.
/// </summary>
public sealed record GateView(
    Guid EnrolmentId, string PhaseId, string PhaseTitle, IReadOnlyList<string> Missing, bool CanClose, bool CanForce, GateDecisionView? Decision,
    bool ClosesItself, string? Error = null, string? Field = null)
{
    public bool Met => Missing.Count == 0;

    /// <summary>The gate of the enrolment's open phase, or null when no phase is open.</summary>
    public static GateView? Of(WorkflowDefinition definition, Enrolment enrolment, EnrolmentContext context, CurrentUser user, string? role, string? decisionRole)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(user);
        if (definition.FindPhase(enrolment.CurrentPhaseId) is not { } phase || enrolment.Phase(phase.Id)?.Status != PhaseStatus.Open)
        {
            return null;
        }

        var missing = GateEvaluator.Missing(definition, enrolment, context, phase.Id);
        var side = role is null ? null : definition.FindRole(role)?.Side;
        var canClose = (phase.Gate.IsEmpty || missing.Count == 0) && (user.IsArsAdmin || side is RoleSide.Consultant or RoleSide.Ars);
        var decision = phase.Gate.Decision is { } d
            ? new GateDecisionView(d.Title, definition.FindRole(d.By)?.Title ?? d.By, decisionRole == d.By,
                enrolment.Decisions.Where(x => x.PhaseId == phase.Id).OrderBy(x => x.At).LastOrDefault())
            : null;
        return new GateView(enrolment.Id, phase.Id, phase.Title, missing, canClose, user.IsArsAdmin && missing.Count > 0, decision, !phase.Gate.IsEmpty);
    }
}
