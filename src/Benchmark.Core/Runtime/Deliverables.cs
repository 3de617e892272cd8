using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Runtime;

/// <summary>
/// Deliverable state machine: Draft → Submitted → Approved | ChangesRequested → Submitted (new version) …; a
/// deliverable without an approver goes Draft → Approved on its first deposit.
/// </summary>
internal static class Deliverables
{
    public static Result<IReadOnlyList<EnrolmentEvent>> Submit(WorkflowDefinition definition, Enrolment enrolment, SubmitDeliverable command, DateTimeOffset now)
    {
        var d = definition.FindDeliverable(command.DeliverableId);
        if (d is null)
        {
            return Error.NotFound($"Le livrable '{command.DeliverableId}'");
        }

        var phase = enrolment.Phase(definition.PhaseOf(d.Id).Id)!;
        if (phase.Status == PhaseStatus.Pending)
        {
            return Error.NotAllowed($"Le livrable « {d.Title} » appartient à une phase qui n'est pas encore ouverte.");
        }

        if (command.Actor.Role != d.Owner && !SameSide(definition, command.Actor.Role, d.Owner))
        {
            return Error.NotAllowed($"Le livrable « {d.Title} » est déposé par le rôle '{d.Owner}'.");
        }

        if (command.Content.StoragePath is null && command.Content.StructuredJson is null)
        {
            return Error.Invalid("Le dépôt est vide : joignez un fichier ou remplissez le formulaire.");
        }

        var record = enrolment.DeliverableFor(d.Id);
        switch (record.Status)
        {
            case DeliverableStatus.Submitted:
                return Error.Conflict($"La version {record.CurrentVersion} de « {d.Title} » attend déjà une décision.");
            case DeliverableStatus.Approved when d.Approver is not null:
                return Error.Conflict($"« {d.Title} » est déjà validé.");
        }

        // « Sans validation : le dépôt suffit » — a deliverable with no approver is accepted as deposited (a later
        // deposit is a new version); it never waits for a decision nobody is due to take.
        var version = record.CurrentVersion + 1;
        record.Add(new Submission(Guid.CreateVersion7(), record.Id, version, command.Actor.Name, now, command.Content));
        record.Status = d.Approver is null ? DeliverableStatus.Approved : DeliverableStatus.Submitted;
        return new List<EnrolmentEvent> { new DeliverableSubmitted(enrolment.Id, command.Actor.Name, now, d.Id, version, d.Approver) };
    }

    public static Result<IReadOnlyList<EnrolmentEvent>> Review(
        WorkflowDefinition definition, Enrolment enrolment, Actor actor, string deliverableId, int version, ReviewDecision decision, string? comment, DateTimeOffset now)
    {
        var d = definition.FindDeliverable(deliverableId);
        if (d is null)
        {
            return Error.NotFound($"Le livrable '{deliverableId}'");
        }

        if (d.Approver is null)
        {
            return Error.NotAllowed($"« {d.Title} » ne demande pas de validation.");
        }

        if (actor.Role != d.Approver)
        {
            return Error.NotAllowed($"« {d.Title} » est validé par le rôle '{d.Approver}'.");
        }

        var record = enrolment.Deliverable(d.Id);
        if (record is null || record.Status != DeliverableStatus.Submitted)
        {
            return Error.NotAllowed($"« {d.Title} » n'est pas en attente de validation" +
                (record?.Status is DeliverableStatus.Approved or DeliverableStatus.ChangesRequested ? " : une décision a déjà été prise." : " : il n'a pas été déposé."));
        }

        if (version != record.CurrentVersion)
        {
            return Error.Conflict($"Une version plus récente de « {d.Title} » (v{record.CurrentVersion}) a été déposée : relisez-la avant de décider.");
        }

        record.Add(new Domain.Review(Guid.CreateVersion7(), record.Id, version, actor.Name, decision, comment?.Trim(), now));
        record.Status = decision == ReviewDecision.Approved ? DeliverableStatus.Approved : DeliverableStatus.ChangesRequested;
        return new List<EnrolmentEvent> { new DeliverableReviewed(enrolment.Id, actor.Name, now, d.Id, version, decision, comment?.Trim()) };
    }

    /// <summary>Any member of the establishment's team may submit on behalf of the owner role.</summary>
    private static bool SameSide(WorkflowDefinition definition, string role, string owner) =>
        definition.FindRole(role)?.Side == RoleSide.Establishment && definition.FindRole(owner)?.Side == RoleSide.Establishment;
}
