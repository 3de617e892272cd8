using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Deliverables;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Pipeline;

/// <summary>
/// The one recorder of what the engine's events leave behind, in the caller's unit of work (nothing is saved here):
/// one append-only <see cref="AuditEvent"/> per event, and the typed emails they imply — a phase opened → the team
/// and the group's consultant; a deliverable version submitted → the approver the definition names; a decision → the
/// team. Every idempotency key names the enrolment (or deliverable), the step and the recipient, so a replay queues
/// nothing twice.
/// </summary>
public sealed class EventRecorder(BenchmarkDbContext db, MailOutbox outbox, DeliverableRecipients recipients)
{
    /// <summary>Records the events: their audit rows and the emails they imply.</summary>
    public async Task RecordAsync(
        WorkflowDefinition definition, Wave wave, Enrolment enrolment, IReadOnlyList<EnrolmentEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(wave);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            db.AuditEvents.Add(Audit(definition, enrolment, e));
        }

        if (events.Count == 0)
        {
            return;
        }

        var names = await recipients.NamesAsync(enrolment, cancellationToken);
        foreach (var e in events)
        {
            switch (e)
            {
                case DeliverableSubmitted s when definition.FindDeliverable(s.DeliverableId) is { Approver: not null } d:
                    await SubmittedAsync(definition, wave, enrolment, names, d, s, cancellationToken);
                    break;
                case DeliverableReviewed r when definition.FindDeliverable(r.DeliverableId) is { } d:
                    await DecidedAsync(definition, enrolment, names.Establishment, d, r, events, cancellationToken);
                    break;
                case PhaseOpened o:
                    await OpenedAsync(definition, enrolment, names, o, events.OfType<PhaseClosed>().LastOrDefault(c => c.At <= o.At), cancellationToken);
                    break;
            }
        }
    }

    private async Task SubmittedAsync(
        WorkflowDefinition definition, Wave wave, Enrolment enrolment, (string Establishment, string Group) names, DeliverableDefinition d,
        DeliverableSubmitted s, CancellationToken cancellationToken)
    {
        var record = enrolment.Deliverable(d.Id)!;
        var version = s.Version.ToString(CultureInfo.InvariantCulture);
        foreach (var (email, name) in await recipients.ApproversAsync(definition, d, enrolment, wave, cancellationToken))
        {
            await outbox.QueueAsync(
                new DeliverableSubmittedMail(name, d.Title, definition.Title, names.Establishment, names.Group, version, s.Actor, DeliverablePath(enrolment.Id, d.Id)),
                email, $"deliverable-submitted:{record.Id}:v{version}:{email.ToUpperInvariant()}");
        }
    }

    private async Task DecidedAsync(
        WorkflowDefinition definition, Enrolment enrolment, string establishment, DeliverableDefinition d, DeliverableReviewed r,
        IReadOnlyList<EnrolmentEvent> events, CancellationToken cancellationToken)
    {
        var record = enrolment.Deliverable(d.Id)!;
        var approved = r.Decision == ReviewDecision.Approved;
        var opened = events.OfType<PhaseOpened>().Select(p => definition.FindPhase(p.PhaseId)?.Title).FirstOrDefault() ?? "";
        var version = r.Version.ToString(CultureInfo.InvariantCulture);
        foreach (var (email, name) in await recipients.TeamAsync(enrolment.Id, cancellationToken))
        {
            await outbox.QueueAsync(
                new DeliverableDecidedMail(name, d.Title, definition.Title, establishment, version, approved ? "approved" : "changes-requested",
                    approved ? "validé" : "à modifier", r.Actor, r.Comment ?? "", opened, DeliverablePath(enrolment.Id, d.Id)),
                email, $"deliverable-decided:{record.Id}:v{version}:{email.ToUpperInvariant()}");
        }
    }

    private async Task OpenedAsync(
        WorkflowDefinition definition, Enrolment enrolment, (string Establishment, string Group) names, PhaseOpened opened, PhaseClosed? closed,
        CancellationToken cancellationToken)
    {
        var people = await recipients.TeamAsync(enrolment.Id, cancellationToken);
        var consultant = await (
            from g in db.Groups
            where g.Id == enrolment.GroupId
            from u in db.Users
            where u.Id == g.ConsultantId && u.Email != null
            select new { u.Email, u.FullName }).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (consultant is not null)
        {
            people.Add((consultant.Email!, consultant.FullName));
        }

        foreach (var (email, name) in people.DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase))
        {
            await outbox.QueueAsync(
                new GateOpenedMail(name, definition.Title, names.Establishment, names.Group, Title(definition, opened.PhaseId),
                    closed is null ? "" : Title(definition, closed.PhaseId), closed?.Actor ?? opened.Actor, closed?.Automatic ?? false,
                    closed?.ForcedJustification ?? "", $"parcours/{enrolment.Id}"),
                email, $"gate-opened:{enrolment.Id}:{opened.PhaseId}:{email.ToUpperInvariant()}");
        }
    }

    /// <summary>The page of a deliverable, relative to <c>App:BaseUrl</c>.</summary>
    public static string DeliverablePath(Guid enrolmentId, string deliverableId) => $"parcours/{enrolmentId}/livrables/{Uri.EscapeDataString(deliverableId)}";

    /// <summary>The audit row of one engine event: action code, target in words, state before and after.</summary>
    public static AuditEvent Audit(WorkflowDefinition definition, Enrolment enrolment, EnrolmentEvent e)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(e);
        var (action, target, before, after, justification) = e switch
        {
            ChecklistItemChanged c => (
                c.After switch
                {
                    ChecklistStatus.Done => AuditActions.Tick,
                    ChecklistStatus.NotApplicable => AuditActions.NotApplicable,
                    ChecklistStatus.Open => AuditActions.Untick,
                },
                definition.FindChecklistItem(c.ItemId)?.Text ?? c.ItemId,
                (string?)Describe(c.Before),
                (string?)Describe(c.After),
                c.Comment),
            PhaseClosed c => (c.ForcedJustification is null ? AuditActions.PhaseClose : AuditActions.PhaseForce, Title(definition, c.PhaseId), "en cours",
                c.Automatic ? "close : condition de passage remplie" : "close", c.ForcedJustification),
            PhaseOpened o => (AuditActions.PhaseOpen, Title(definition, o.PhaseId), "à venir", "en cours", null),
            GateDecided d => (AuditActions.GateDecide, Title(definition, d.PhaseId), null, d.Go ? "favorable (go)" : "défavorable (no-go)", d.Comment),
            EnrolmentStarted => (AuditActions.Start, definition.Title, null, "démarrée", null),
            EnrolmentCompleted => (AuditActions.Complete, definition.Title, "en cours", "terminée", null),
            DeliverableSubmitted s => (AuditActions.Submit, definition.FindDeliverable(s.DeliverableId)?.Title ?? s.DeliverableId, null,
                Submitted(enrolment, s), null),
            DeliverableReviewed r => (r.Decision == ReviewDecision.Approved ? AuditActions.Approve : AuditActions.RequestChanges,
                definition.FindDeliverable(r.DeliverableId)?.Title ?? r.DeliverableId, $"en attente de validation : version {r.Version.ToString(CultureInfo.InvariantCulture)}",
                r.Decision == ReviewDecision.Approved ? "validé" : "modifications demandées", r.Comment),
            _ => (e.GetType().Name, definition.Title, null, null, null),
        };
        return new AuditEvent(e.At, e.Actor, enrolment.WaveId, enrolment.Id, action, target.Length > 400 ? target[..399] + "…" : target, before, after, justification);
    }

    /// <summary>« en attente de validation : version 2, note.pdf (1 024 octets, SHA-256 …) », or « déposé » when no approval is due.</summary>
    private static string Submitted(Enrolment enrolment, DeliverableSubmitted s)
    {
        var version = s.Version.ToString(CultureInfo.InvariantCulture);
        var content = enrolment.Deliverable(s.DeliverableId)?.Submissions.FirstOrDefault(x => x.Version == s.Version);
        var what = content is null ? "" : content.StructuredJson is not null
            ? ", contenu structuré"
            : $", {content.FileName} ({content.Size?.ToString(CultureInfo.InvariantCulture)} octets, SHA-256 {content.Sha256})";
        return $"{(s.ApproverRole is null ? "déposé" : "en attente de validation")} : version {version}{what}";
    }

    private static string Describe(ChecklistStatus status) => status switch
    {
        ChecklistStatus.Open => "à faire",
        ChecklistStatus.Done => "fait",
        ChecklistStatus.NotApplicable => "non applicable",
    };

    private static string Title(WorkflowDefinition definition, string phaseId) => definition.FindPhase(phaseId)?.Title ?? phaseId;
}

/// <summary>The action codes written in the audit trail by the engine's events (filters and exports use them).</summary>
public static class AuditActions
{
    public const string Start = "enrolment.start";
    public const string Tick = "checklist.tick";
    public const string Untick = "checklist.untick";
    public const string NotApplicable = "checklist.not-applicable";
    public const string PhaseClose = "phase.close";
    public const string PhaseForce = "phase.force";
    public const string PhaseOpen = "phase.open";
    public const string GateDecide = "gate.decide";
    public const string Complete = "enrolment.complete";
    public const string Submit = "deliverable.submit";
    public const string Approve = "deliverable.approve";
    public const string RequestChanges = "deliverable.request-changes";
}
