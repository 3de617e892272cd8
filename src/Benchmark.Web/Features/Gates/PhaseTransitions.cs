using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Gates;

/// <summary>
/// What the engine's events leave behind, in the caller's unit of work (nothing is saved here): one append-only
/// <see cref="AuditEvent"/> per event (before/after, justification) and, for each phase that opened, a
/// <c>gate-opened</c> email to the team members and the group's consultant. Any feature that runs the engine may call
/// <see cref="RecordAsync"/> with the events it got, so the trail and the emails read the same everywhere.
/// </summary>
public sealed class PhaseTransitions(BenchmarkDbContext db, MailOutbox outbox)
{
    public async Task RecordAsync(WorkflowDefinition definition, Enrolment enrolment, IReadOnlyList<EnrolmentEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            db.AuditEvents.Add(Audit(definition, enrolment, e));
        }

        var opened = events.OfType<PhaseOpened>().ToList();
        if (opened.Count == 0)
        {
            return;
        }

        var names = await (
            from x in db.Establishments
            where x.Id == enrolment.EstablishmentId
            from g in db.Groups
            where g.Id == enrolment.GroupId
            select new { Establishment = x.Name, Group = g.Name, g.ConsultantId }).SingleAsync(cancellationToken);
        // A member linked to an account is written to at the account's address (the one they sign in with).
        var recipients = await (
            from m in db.TeamMembers.AsNoTracking()
            where m.EnrolmentId == enrolment.Id
            join u in db.Users on m.UserId equals u.Id into accounts
            from u in accounts.DefaultIfEmpty()
            select new { Email = u != null && u.Email != null ? u.Email : m.Email, Name = m.FullName }).ToListAsync(cancellationToken);
        recipients.RemoveAll(r => string.IsNullOrWhiteSpace(r.Email));
        if (names.ConsultantId is { } consultantId)
        {
            recipients.AddRange(await db.Users.AsNoTracking().Where(u => u.Id == consultantId && u.Email != null)
                .Select(u => new { Email = u.Email!, Name = u.FullName }).ToListAsync(cancellationToken));
        }

        foreach (var phase in opened)
        {
            var closed = events.OfType<PhaseClosed>().FirstOrDefault();
            foreach (var r in recipients.DistinctBy(r => r.Email.ToUpperInvariant()))
            {
                await outbox.QueueAsync("gate-opened", r.Email, new
                {
                    RecipientName = r.Name,
                    Programme = definition.Title,
                    EstablishmentName = names.Establishment,
                    GroupName = names.Group,
                    PhaseTitle = Title(definition, phase.PhaseId),
                    ClosedPhase = closed is null ? "" : Title(definition, closed.PhaseId),
                    ClosedBy = phase.Actor,
                    Forced = closed?.ForcedJustification ?? "",
                    Path = $"parcours/{enrolment.Id}",
                }, $"gate-opened:{enrolment.Id}:{phase.PhaseId}:{r.Email.ToUpperInvariant()}");
            }
        }
    }

    /// <summary>The audit row of one engine event: action code, target in words, state before and after.</summary>
    public static AuditEvent Audit(WorkflowDefinition definition, Enrolment enrolment, EnrolmentEvent e)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(enrolment);
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
            PhaseClosed c => (c.ForcedJustification is null ? AuditActions.PhaseClose : AuditActions.PhaseForce, Title(definition, c.PhaseId), "en cours", "close", c.ForcedJustification),
            PhaseOpened o => (AuditActions.PhaseOpen, Title(definition, o.PhaseId), "à venir", "en cours", null),
            GateDecided d => (AuditActions.GateDecide, Title(definition, d.PhaseId), null, d.Go ? "favorable (go)" : "défavorable (no-go)", d.Comment),
            EnrolmentCompleted => (AuditActions.Complete, definition.Title, "en cours", "terminée", null),
            DeliverableSubmitted s => ("deliverable.submit", definition.FindDeliverable(s.DeliverableId)?.Title ?? s.DeliverableId, null,
                $"version {s.Version.ToString(CultureInfo.InvariantCulture)}", null),
            DeliverableReviewed r => (r.Decision == ReviewDecision.Approved ? "deliverable.approve" : "deliverable.request-changes",
                definition.FindDeliverable(r.DeliverableId)?.Title ?? r.DeliverableId, "en attente de validation",
                r.Decision == ReviewDecision.Approved ? "validé" : "modifications demandées", r.Comment),
            _ => (e.GetType().Name, definition.Title, null, null, null),
        };
        return new AuditEvent(e.At, e.Actor, enrolment.WaveId, enrolment.Id, action, target.Length > 400 ? target[..399] + "…" : target, before, after, justification);
    }

    public static string Describe(ChecklistStatus status) => status switch
    {
        ChecklistStatus.Open => "à faire",
        ChecklistStatus.Done => "fait",
        ChecklistStatus.NotApplicable => "non applicable",
    };

    private static string Title(WorkflowDefinition definition, string phaseId) => definition.FindPhase(phaseId)?.Title ?? phaseId;
}

/// <summary>The action codes written in the audit trail by the checklist and the gates (filters use them).</summary>
public static class AuditActions
{
    public const string Tick = "checklist.tick";
    public const string Untick = "checklist.untick";
    public const string NotApplicable = "checklist.not-applicable";
    public const string PhaseClose = "phase.close";
    public const string PhaseForce = "phase.force";
    public const string PhaseOpen = "phase.open";
    public const string GateDecide = "gate.decide";
    public const string Complete = "enrolment.complete";
}
