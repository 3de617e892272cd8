using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Runtime;

/// <summary>Ticking, unticking and "not applicable" on checklist items of open (or already closed) phases.</summary>
internal static class Checklist
{
    public static Result<IReadOnlyList<EnrolmentEvent>> Change(
        WorkflowDefinition definition, Enrolment enrolment, Actor actor, string itemId, ChecklistStatus target, string? comment, DateTimeOffset now)
    {
        var item = definition.FindChecklistItem(itemId);
        if (item is null)
        {
            return Error.NotFound($"L'élément de check-list '{itemId}'");
        }

        var phase = enrolment.Phase(definition.PhaseOf(itemId).Id)!;
        if (phase.Status != PhaseStatus.Open)
        {
            return Error.NotAllowed(phase.Status == PhaseStatus.Pending
                ? "Cet élément appartient à une phase qui n'est pas encore ouverte."
                : "Cet élément appartient à une phase close : il ne peut plus changer.");
        }

        // The team and its consultant keep the checklist; the ARS ticks only the items its own roles own (a DG decision).
        var side = definition.FindRole(actor.Role)?.Side;
        if (!actor.IsArsAdmin && (side is null || (side == RoleSide.Ars && definition.FindRole(item.Owner)?.Side != RoleSide.Ars)))
        {
            return Error.NotAllowed("La check-list est tenue par l'équipe de l'établissement et son consultant.");
        }

        var entry = enrolment.EntryFor(itemId);
        var before = entry.Status;
        if (before == target)
        {
            return Error.Conflict(target switch
            {
                ChecklistStatus.Done => "Cet élément est déjà coché.",
                ChecklistStatus.Open => "Cet élément n'est pas coché.",
                ChecklistStatus.NotApplicable => "Cet élément est déjà marqué « sans objet ».",
            });
        }

        entry.Status = target;
        entry.By = actor.Name;
        entry.At = now;
        entry.Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        return new List<EnrolmentEvent> { new ChecklistItemChanged(enrolment.Id, actor.Name, now, itemId, before, target, entry.Comment) };
    }
}
