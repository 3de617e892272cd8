using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Runtime;

/// <summary>Progress derived from checklist state, never typed by hand: done / applicable items.</summary>
public sealed record ProgressFigure(int Done, int Applicable)
{
    public decimal? Percent => Applicable == 0 ? null : Math.Round(100m * Done / Applicable, 1);
}

public static class Progress
{
    public static ProgressFigure Of(IEnumerable<ChecklistItemDefinition> items, Enrolment enrolment)
    {
        int done = 0, applicable = 0;
        foreach (var item in items)
        {
            var status = enrolment.Entry(item.Id)?.Status ?? ChecklistStatus.Open;
            if (status == ChecklistStatus.NotApplicable || (item.Optional && status != ChecklistStatus.Done))
            {
                continue;
            }

            applicable++;
            done += status == ChecklistStatus.Done ? 1 : 0;
        }

        return new ProgressFigure(done, applicable);
    }

    public static ProgressFigure Overall(WorkflowDefinition definition, Enrolment enrolment) => Of(definition.ChecklistItems, enrolment);

    public static ProgressFigure OfPhase(WorkflowDefinition definition, Enrolment enrolment, string phaseId) =>
        Of(definition.FindPhase(phaseId)?.Checklist ?? [], enrolment);

    public static ProgressFigure OfAction(WorkflowDefinition definition, Enrolment enrolment, string actionId) =>
        Of(definition.ChecklistItems.Where(i => i.Action == actionId), enrolment);
}
