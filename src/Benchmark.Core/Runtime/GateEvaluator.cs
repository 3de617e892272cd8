using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Runtime;

/// <summary>Says what is still missing before a phase's gate is met, in words the dashboard can show.</summary>
public static class GateEvaluator
{
    public static IReadOnlyList<string> Missing(WorkflowDefinition definition, Enrolment enrolment, EnrolmentContext context, string phaseId)
    {
        var phase = definition.FindPhase(phaseId) ?? throw new ArgumentException($"Unknown phase {phaseId}", nameof(phaseId));
        var gate = phase.Gate;
        var missing = new List<string>();
        foreach (var id in gate.Deliverables)
        {
            var d = definition.FindDeliverable(id)!;
            var state = enrolment.Deliverable(id)?.Status ?? DeliverableStatus.Draft;
            var met = state == DeliverableStatus.Approved || (d.Approver is null && state == DeliverableStatus.Submitted);
            if (!met)
            {
                missing.Add(d.Approver is null ? $"Livrable « {d.Title} » à déposer" : $"Livrable « {d.Title} » à faire valider ({Describe(state)})");
            }
        }

        var items = gate.AllChecklist ? phase.Checklist.Where(i => !i.Optional).Select(i => i.Id) : gate.Checklist;
        foreach (var id in items)
        {
            if ((enrolment.Entry(id)?.Status ?? ChecklistStatus.Open) == ChecklistStatus.Open)
            {
                missing.Add($"Élément de check-list « {definition.FindChecklistItem(id)!.Text} » à cocher");
            }
        }

        foreach (var id in gate.Sessions.Where(id => !context.HeldSessions.Contains(id)))
        {
            missing.Add($"Séance « {definition.FindSession(id)!.Title} » à tenir");
        }

        if (gate.Decision is { } decision)
        {
            var last = enrolment.Decisions.Where(d => d.PhaseId == phaseId).OrderBy(d => d.At).LastOrDefault();
            if (last is not { Go: true })
            {
                missing.Add(last is null ? $"Décision « {decision.Title} » à prendre" : $"Décision « {decision.Title} » défavorable");
            }
        }

        return missing;
    }

    private static string Describe(DeliverableStatus status) => status switch
    {
        DeliverableStatus.Draft => "non déposé",
        DeliverableStatus.Submitted => "en attente de validation",
        DeliverableStatus.ChangesRequested => "modifications demandées",
        DeliverableStatus.Approved => "validé",
    };
}
