using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Runtime;

/// <summary>Ticking, unticking and "not applicable" on checklist items of open phases, by the side that owns each item.</summary>
internal static class Checklist
{
    /// <summary>A comment, a justification or a « sans objet » reason: a few paragraphs, not a document.</summary>
    public const int MaxComment = 4_000;

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

        // An item is kept by its owner's side: the team's by the team, the consultant's by the consultant, the ARS's (a DG
        // decision, say) by ARS staff. An ArsAdmin may act for another side, with a written justification in the trail.
        var side = definition.FindRole(actor.Role)?.Side;
        var owner = definition.FindRole(item.Owner);
        if (side is null || (side != owner?.Side && !actor.IsArsAdmin))
        {
            return Error.NotAllowed($"« {item.Text} » est tenu par : {owner?.Title ?? item.Owner}.");
        }

        if (side != owner?.Side && string.IsNullOrWhiteSpace(comment))
        {
            return Error.Invalid($"Vous agissez à la place de : {owner?.Title ?? item.Owner}. Écrivez pourquoi, cela restera dans le journal.", "comment");
        }

        if (comment?.Trim().Length > MaxComment)
        {
            return Error.Invalid($"Le commentaire tient en {MaxComment} caractères au plus.", "comment");
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
