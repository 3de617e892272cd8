using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Dashboard;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Deliverables;

/// <summary>One deliverable of an enrolment as its page shows it: definition, state, dates, versions, reviews, what the user may do.</summary>
public sealed record DeliverableView(
    DeliverableDefinition Definition, string PhaseTitle, PhaseStatus PhaseStatus, DateOnly? Due, DeliverableStatus Status,
    string OwnerTitle, string? ApproverTitle, IReadOnlyList<Submission> Versions, IReadOnlyList<Review> Reviews, bool CanSubmit, bool CanDecide)
{
    public int CurrentVersion => Versions.Count == 0 ? 0 : Versions.Max(v => v.Version);

    public (string Text, string Css) Badge => Display.Badge(Status, Definition.Approver is not null);

    /// <summary>Built in the app (roadmap, candidature dossier) rather than uploaded.</summary>
    public bool IsStructured => Definition.Kind is DeliverableKind.Roadmap or DeliverableKind.Candidature;
}

/// <summary>The enrolment around its deliverables.</summary>
public sealed record DeliverablesPage(Guid EnrolmentId, string Establishment, string Programme, string Wave, string Group, IReadOnlyList<DeliverableView> Deliverables);

/// <summary>
/// Reads an enrolment's deliverables through the <see cref="AccessScope"/> (someone else's enrolment is not found) and
/// says, per deliverable, whether the signed-in user may submit (the team, the consultant or the ARS, per the owner role)
/// or decide (the approver named by the definition).
/// </summary>
public sealed class DeliverableQuery(AccessScope scope, BenchmarkDbContext db, ProgrammeCalendars programmes, ActorRoles actorRoles)
{
    public async Task<DeliverablesPage?> LoadAsync(Guid enrolmentId, string? onlyDeliverable, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var programme = (await programmes.ForAsync([wave], cancellationToken))[wave.Id];
        var definition = programme.Definition;
        var names = await (
            from x in db.Establishments
            where x.Id == enrolment.EstablishmentId
            from g in db.Groups
            where g.Id == enrolment.GroupId
            select new { x.Name, Group = g.Name }).AsNoTracking().SingleAsync(cancellationToken);

        var wanted = definition.Deliverables.Where(d => onlyDeliverable is null || d.Id == onlyDeliverable).ToList();
        if (onlyDeliverable is not null && wanted.Count == 0)
        {
            return null;
        }

        var user = scope.User;
        var roles = new Dictionary<string, bool>(StringComparer.Ordinal);
        async Task<bool> CanActAsync(string? role)
        {
            if (role is null)
            {
                return false;
            }

            if (!roles.TryGetValue(role, out var can))
            {
                roles[role] = can = await actorRoles.ResolveAsync(definition, enrolment, user, role, cancellationToken) is { } actor
                    && ActorRoles.SameSide(definition, actor, role);
            }

            return can;
        }

        var views = new List<DeliverableView>();
        foreach (var d in wanted)
        {
            var phase = definition.PhaseOf(d.Id);
            var phaseStatus = enrolment.Phase(phase.Id)?.Status ?? PhaseStatus.Pending;
            var record = enrolment.Deliverable(d.Id);
            var status = record?.Status ?? DeliverableStatus.Draft;
            var active = enrolment.Status == EnrolmentStatus.Active || enrolment.Status == EnrolmentStatus.Completed;
            views.Add(new DeliverableView(
                d, phase.Title, phaseStatus, programme.DeliverableDue(d.Id), status, programme.RoleTitle(d.Owner), d.Approver is null ? null : programme.RoleTitle(d.Approver),
                [.. (record?.Submissions ?? []).OrderBy(s => s.Version)], [.. (record?.Reviews ?? []).OrderBy(r => r.At)],
                CanSubmit: active && phaseStatus != PhaseStatus.Pending && (status is DeliverableStatus.Draft or DeliverableStatus.ChangesRequested || (status == DeliverableStatus.Approved && d.Approver is null))
                    && await CanActAsync(d.Owner),
                CanDecide: active && status == DeliverableStatus.Submitted && await CanActAsync(d.Approver)));
        }

        return new DeliverablesPage(enrolment.Id, names.Name, definition.Title, wave.Name, names.Group, views);
    }
}
