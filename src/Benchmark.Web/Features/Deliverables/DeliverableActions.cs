using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Deliverables;

/// <summary>What a submission or a decision changed: the deliverable's new state and the engine's events.</summary>
public sealed record DeliverableChange(string DeliverableId, int Version, DeliverableStatus Status, IReadOnlyList<EnrolmentEvent> Events);

/// <summary>
/// Submits a deliverable version and decides on it, for every feature (upload page, roadmap and candidature editors),
/// through the <see cref="EnrolmentPipeline"/>: the engine decides (and advances the journey when the gate is met), the
/// recorder audits and notifies (submission → the approver the definition names, decision → the team), all in one save.
/// A decision that loses a race (same submission decided at the same time) is refused with « déjà décidé »: the
/// deliverable row's concurrency token lets exactly one transition through, and with it one batch of emails.
/// </summary>
public sealed class DeliverableActions(BenchmarkDbContext db, EnrolmentPipeline pipeline)
{
    public const string AlreadyDecided = "Déjà décidé";

    /// <summary>Submits a new version (a stored file or structured JSON) on behalf of the signed-in user.</summary>
    public async Task<Result<DeliverableChange>> SubmitAsync(
        Guid enrolmentId, string deliverableId, SubmissionContent content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var version = 0;
        var ran = await pipeline.RunAsync(enrolmentId, role: null, s =>
        {
            if (s.Definition.FindDeliverable(deliverableId ?? "") is not { } d)
            {
                return Error.NotFound("Le livrable");
            }

            if (!ActorRoles.SameSide(s.Definition, s.Actor, d.Owner))
            {
                return Error.NotAllowed($"« {d.Title} » est déposé par : {RoleTitle(s.Definition, d.Owner)}.");
            }

            version = (s.Enrolment.Deliverable(d.Id)?.CurrentVersion ?? 0) + 1;
            return new SubmitDeliverable(s.Actor, d.Id, content);
        }, ct => LostAsync(enrolmentId, deliverableId!, version, ct), cancellationToken);
        return Change(ran, deliverableId!);
    }

    /// <summary>
    /// Approves or requests changes on <paramref name="expectedVersion"/> (the version the reviewer read). A comment is
    /// required to request changes. Refused with « déjà décidé » when another decision got there first.
    /// </summary>
    public async Task<Result<DeliverableChange>> DecideAsync(
        Guid enrolmentId, string deliverableId, ReviewDecision decision, string? comment, int expectedVersion, CancellationToken cancellationToken = default)
    {
        var ran = await pipeline.RunAsync(enrolmentId, role: null, s =>
        {
            if (s.Definition.FindDeliverable(deliverableId ?? "") is not { } d)
            {
                return Error.NotFound("Le livrable");
            }

            if (d.Approver is null)
            {
                return Error.NotAllowed($"« {d.Title} » ne demande pas de validation : le dépôt suffit.");
            }

            if (!ActorRoles.SameSide(s.Definition, s.Actor, d.Approver))
            {
                return Error.NotAllowed($"« {d.Title} » est validé par : {RoleTitle(s.Definition, d.Approver)}.");
            }

            if (s.Enrolment.Deliverable(d.Id) is { Status: DeliverableStatus.Approved or DeliverableStatus.ChangesRequested } record
                && record.CurrentVersion == expectedVersion)
            {
                return Error.Conflict($"{AlreadyDecided} : la version {expectedVersion} de « {d.Title} » a déjà reçu une décision ({Describe(record.Status)}).");
            }

            var actor = s.Actor with { Role = d.Approver };
            return decision == ReviewDecision.Approved
                ? new ApproveDeliverable(actor, d.Id, expectedVersion, Trimmed(comment))
                : new RequestChanges(actor, d.Id, expectedVersion, comment?.Trim() ?? "");
        }, ct => LostAsync(enrolmentId, deliverableId!, expectedVersion + 1, ct), cancellationToken);
        return Change(ran, deliverableId!);
    }

    public static string RoleTitle(WorkflowDefinition definition, string roleId)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.FindRole(roleId)?.Title ?? roleId;
    }

    public static string Describe(DeliverableStatus status) => status switch
    {
        DeliverableStatus.Draft => "non déposé",
        DeliverableStatus.Submitted => "en attente de validation",
        DeliverableStatus.ChangesRequested => "modifications demandées",
        DeliverableStatus.Approved => "validé",
    };

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static Result<DeliverableChange> Change(Result<CommandOutcome> ran, string deliverableId)
    {
        if (!ran.IsSuccess)
        {
            return ran.Error!;
        }

        var record = ran.Value.Enrolment.Deliverable(deliverableId)!;
        var version = ran.Value.Events.OfType<DeliverableSubmitted>().Select(e => e.Version)
            .Concat(ran.Value.Events.OfType<DeliverableReviewed>().Select(e => e.Version)).First();
        return new DeliverableChange(deliverableId, version, record.Status, ran.Value.Events);
    }

    /// <summary>Lost a race: someone else submitted or decided first (row version or unique key). Says which.</summary>
    private async Task<Error> LostAsync(Guid enrolmentId, string deliverableId, int version, CancellationToken cancellationToken)
    {
        var current = await db.Deliverables.AsNoTracking().Where(d => d.EnrolmentId == enrolmentId && d.DeliverableId == deliverableId)
            .Select(d => new { d.Status }).SingleOrDefaultAsync(cancellationToken);
        return current?.Status switch
        {
            DeliverableStatus.Approved or DeliverableStatus.ChangesRequested =>
                Error.Conflict($"{AlreadyDecided} : quelqu'un d'autre vient de décider sur ce livrable ({Describe(current.Status)}). Rechargez la page."),
            DeliverableStatus.Submitted => Error.Conflict($"Une version de ce livrable vient d'être déposée par quelqu'un d'autre (après la version {version - 1}) : rechargez la page."),
            _ => Error.Conflict("Ce livrable vient d'être modifié par quelqu'un d'autre : rechargez la page et recommencez."),
        };
    }
}
