using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Gates;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Deliverables;

/// <summary>What a submission or a decision changed: the deliverable's new state and the engine's events.</summary>
public sealed record DeliverableChange(string DeliverableId, int Version, DeliverableStatus Status, IReadOnlyList<EnrolmentEvent> Events);

/// <summary>
/// Submits a deliverable version and decides on it, for every feature (upload page, roadmap and candidature editors).
/// Each call runs the workflow engine on the enrolment read through the <see cref="AccessScope"/> (someone else's
/// enrolment is not found), then writes the new state, the audit events and the notifications (submission → the
/// approver named by the definition, decision → the team) in ONE SaveChanges: all of it or nothing.
/// A decision that loses a race (same submission decided at the same time) is refused with « déjà décidé »: the
/// deliverable row's concurrency token lets exactly one transition through, and with it one batch of emails.
/// After an approval that meets the gate of the deliverable's open phase, the phase closes and the next one opens.
/// </summary>
public sealed class DeliverableActions(
    BenchmarkDbContext db, AccessScope scope, MailOutbox outbox, PhaseTransitions transitions, DeliverableRecipients recipients, TimeProvider clock)
{
    public const string AlreadyDecided = "Déjà décidé";

    /// <summary>Submits a new version (a stored file or structured JSON) on behalf of the signed-in user.</summary>
    public async Task<Result<DeliverableChange>> SubmitAsync(
        Guid enrolmentId, string deliverableId, SubmissionContent content, CurrentUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(user);
        var loaded = await LoadAsync(enrolmentId, deliverableId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (enrolment, wave, definition, d) = loaded.Value;
        var role = await RoleForAsync(definition, enrolment, user, d.Owner, cancellationToken);
        if (role is null)
        {
            return Error.NotAllowed($"« {d.Title} » est déposé par : {RoleTitle(definition, d.Owner)}.");
        }

        var before = enrolment.Deliverable(d.Id)?.Status ?? DeliverableStatus.Draft;
        var now = clock.GetUtcNow();
        var executed = WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new SubmitDeliverable(Actor(user, role), d.Id, content), now);
        if (!executed.IsSuccess)
        {
            return executed.Error!;
        }

        var record = enrolment.Deliverable(d.Id)!;
        var version = record.CurrentVersion;
        var what = content.StructuredJson is not null ? "contenu structuré" : $"{content.FileName} ({content.Size} octets, SHA-256 {content.Sha256})";
        db.AuditEvents.Add(new AuditEvent(now, user.Name, wave.Id, enrolment.Id, "deliverable.submit", d.Title, Describe(before), $"{Describe(record.Status)} : version {version}, {what}"));

        var names = await recipients.NamesAsync(enrolment, cancellationToken);
        foreach (var (email, name) in await recipients.ApproversAsync(definition, d, enrolment, wave, cancellationToken))
        {
            await outbox.QueueAsync("deliverable-submitted", email, new
            {
                RecipientName = name,
                Title = d.Title,
                Programme = definition.Title,
                EstablishmentName = names.Establishment,
                GroupName = names.Group,
                Version = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                SubmittedBy = user.Name,
                Path = PathOf(enrolment.Id, d.Id),
            }, $"deliverable-submitted:{record.Id}:v{version}:{email.ToUpperInvariant()}");
        }

        return await SaveAsync(new DeliverableChange(d.Id, version, record.Status, executed.Value), record.Id, version, cancellationToken);
    }

    /// <summary>
    /// Approves or requests changes on <paramref name="expectedVersion"/> (the version the reviewer read). A comment is
    /// required to request changes. Refused with « déjà décidé » when another decision got there first.
    /// </summary>
    public async Task<Result<DeliverableChange>> DecideAsync(
        Guid enrolmentId, string deliverableId, ReviewDecision decision, string? comment, int expectedVersion, CurrentUser user,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var loaded = await LoadAsync(enrolmentId, deliverableId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (enrolment, wave, definition, d) = loaded.Value;
        if (d.Approver is null)
        {
            return Error.NotAllowed($"« {d.Title} » ne demande pas de validation.");
        }

        var role = await RoleForAsync(definition, enrolment, user, d.Approver, cancellationToken);
        if (role is null)
        {
            return Error.NotAllowed($"« {d.Title} » est validé par : {RoleTitle(definition, d.Approver)}.");
        }

        var record = enrolment.Deliverable(d.Id);
        if (record is { Status: DeliverableStatus.Approved or DeliverableStatus.ChangesRequested } && record.CurrentVersion == expectedVersion)
        {
            return Error.Conflict($"{AlreadyDecided} : la version {expectedVersion} de « {d.Title} » a déjà reçu une décision ({Describe(record.Status)}).");
        }

        var now = clock.GetUtcNow();
        var actor = Actor(user, role);
        EnrolmentCommand command = decision == ReviewDecision.Approved
            ? new ApproveDeliverable(actor, d.Id, expectedVersion, Trimmed(comment))
            : new RequestChanges(actor, d.Id, expectedVersion, comment?.Trim() ?? "");
        var executed = WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, command, now);
        if (!executed.IsSuccess)
        {
            return executed.Error!;
        }

        record = enrolment.Deliverable(d.Id)!;
        var events = executed.Value.ToList();
        db.AuditEvents.Add(new AuditEvent(
            now, user.Name, wave.Id, enrolment.Id, decision == ReviewDecision.Approved ? "deliverable.approve" : "deliverable.request-changes", d.Title,
            $"{Describe(DeliverableStatus.Submitted)} : version {expectedVersion}", $"{Describe(record.Status)}{(Trimmed(comment) is { } c ? " — " + c : "")}"));

        if (decision == ReviewDecision.Approved)
        {
            events.AddRange(await AdvanceAsync(definition, enrolment, actor, definition.PhaseOf(d.Id).Id, now, cancellationToken));
        }

        var names = await recipients.NamesAsync(enrolment, cancellationToken);
        var opened = events.OfType<PhaseOpened>().Select(p => definition.FindPhase(p.PhaseId)?.Title).FirstOrDefault();
        foreach (var (email, name) in await recipients.TeamAsync(enrolment.Id, cancellationToken))
        {
            await outbox.QueueAsync("deliverable-decided", email, new
            {
                RecipientName = name,
                Title = d.Title,
                Programme = definition.Title,
                EstablishmentName = names.Establishment,
                Version = expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Decision = decision == ReviewDecision.Approved ? "approved" : "changes-requested",
                DecisionLabel = decision == ReviewDecision.Approved ? "validé" : "à modifier",
                Reviewer = user.Name,
                Comment = Trimmed(comment) ?? "",
                PhaseOpened = opened ?? "",
                Path = PathOf(enrolment.Id, d.Id),
            }, $"deliverable-decided:{record.Id}:v{expectedVersion}:{email.ToUpperInvariant()}");
        }

        return await SaveAsync(new DeliverableChange(d.Id, expectedVersion, record.Status, events), record.Id, expectedVersion, cancellationToken);
    }

    /// <summary>The page of a deliverable, relative to <c>App:BaseUrl</c>.</summary>
    public static string PathOf(Guid enrolmentId, string deliverableId) => $"parcours/{enrolmentId}/livrables/{Uri.EscapeDataString(deliverableId)}";

    /// <summary>
    /// The definition role the user acts in for <paramref name="targetRole"/>: a team member of the enrolment for an
    /// establishment role (any team role may act for the team), the group's consultant for a consultant role, ARS staff
    /// of the agency for an ARS role; null when the user cannot act in it. The enrolment was read through the scope.
    /// </summary>
    public async Task<string?> RoleForAsync(WorkflowDefinition definition, Enrolment enrolment, CurrentUser user, string targetRole, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(user);
        switch (definition.FindRole(targetRole)?.Side)
        {
            case RoleSide.Establishment when user.IsTeamMember:
                var roles = await db.TeamMembers.Where(m => m.EnrolmentId == enrolment.Id && m.UserId == user.Id).Select(m => m.RoleId).ToListAsync(cancellationToken);
                return roles.Contains(targetRole, StringComparer.Ordinal) ? targetRole : roles.FirstOrDefault(r => definition.FindRole(r)?.Side == RoleSide.Establishment);
            case RoleSide.Consultant when user.IsConsultant:
                return await db.Groups.AnyAsync(g => g.Id == enrolment.GroupId && g.ConsultantId == user.Id, cancellationToken) ? targetRole : null;
            case RoleSide.Ars when user.IsArsStaff:
                return targetRole;
            default:
                return null;
        }
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

    private static Actor Actor(CurrentUser user, string role) => new(user.Id.ToString(), user.Name, role, user.IsArsAdmin);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Result<(Enrolment Enrolment, Wave Wave, WorkflowDefinition Definition, DeliverableDefinition Deliverable)>> LoadAsync(
        Guid enrolmentId, string deliverableId, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().AsSplitQuery().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return Error.NotFound("La participation");
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var definition = (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(p => p.Id == wave.DefinitionId, cancellationToken)).Parse();
        var d = definition.FindDeliverable(deliverableId ?? "");
        return d is null ? Error.NotFound("Le livrable") : (enrolment, wave, definition, d);
    }

    /// <summary>
    /// Closes the deliverable's phase when the approval met its gate and opens the next one; the phase events are
    /// recorded like every other gate passage (<see cref="PhaseTransitions"/>: audit rows, gate-opened emails).
    /// </summary>
    private async Task<IReadOnlyList<EnrolmentEvent>> AdvanceAsync(
        WorkflowDefinition definition, Enrolment enrolment, Actor actor, string phaseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (enrolment.Phase(phaseId)?.Status != PhaseStatus.Open || definition.FindRole(actor.Role)?.Side is not (RoleSide.Consultant or RoleSide.Ars))
        {
            return [];
        }

        var held = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Held && (s.EnrolmentId == enrolment.Id || (s.EnrolmentId == null && s.GroupId == enrolment.GroupId)))
            .Select(s => s.SessionId).ToListAsync(cancellationToken);
        var context = new EnrolmentContext(held.ToHashSet(StringComparer.Ordinal));
        if (GateEvaluator.Missing(definition, enrolment, context, phaseId).Count > 0)
        {
            return [];
        }

        var closed = WorkflowEngine.Execute(definition, enrolment, context, new ClosePhase(actor, phaseId), now);
        if (!closed.IsSuccess)
        {
            return [];
        }

        await transitions.RecordAsync(definition, enrolment, closed.Value, cancellationToken);
        return closed.Value;
    }

    private async Task<Result<DeliverableChange>> SaveAsync(DeliverableChange change, Guid recordId, int version, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return change;
        }
        catch (DbUpdateException)
        {
            // Lost a race: someone else submitted or decided first (row version or unique key). Tell which, save nothing.
            db.ChangeTracker.Clear();
            var current = await db.Deliverables.AsNoTracking().Where(d => d.Id == recordId).Select(d => new { d.Status }).SingleOrDefaultAsync(cancellationToken);
            return current?.Status switch
            {
                DeliverableStatus.Approved or DeliverableStatus.ChangesRequested =>
                    Error.Conflict($"{AlreadyDecided} : quelqu'un d'autre vient de décider sur ce livrable ({Describe(current.Status)}). Rechargez la page."),
                DeliverableStatus.Submitted => Error.Conflict($"Une version de ce livrable vient d'être déposée par quelqu'un d'autre (après la version {version - 1}) : rechargez la page."),
                _ => Error.Conflict("Ce livrable vient d'être modifié par quelqu'un d'autre : rechargez la page et recommencez."),
            };
        }
    }
}
