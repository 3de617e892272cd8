using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Dashboard;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Checklist;

public sealed record ChecklistItemView(
    Guid EnrolmentId, string Id, string Text, string Owner, bool Optional, DateOnly? Due, ChecklistStatus Status, string? By, DateTimeOffset? At,
    string? Comment, bool CanAct, bool ActsForOwner = false, string? Error = null, string? Field = null);

/// <summary>The items of one action (imaging coaching: a1…a8) or of the phase when items name no action.</summary>
public sealed record ChecklistGroup(string? ActionId, string Title, ProgressFigure Progress, IReadOnlyList<ChecklistItemView> Items);

public sealed record PhaseSummary(string Id, string Title, PhaseStatus Status, ProgressFigure Progress);

public sealed record ChecklistView(
    Guid EnrolmentId, string Establishment, string Programme, string PhaseId, string PhaseTitle, PhaseStatus PhaseStatus, bool CanAct,
    ProgressFigure Overall, ProgressFigure Phase, IReadOnlyList<ChecklistGroup> Groups, IReadOnlyList<PhaseSummary> Phases);

/// <summary>
/// The checklist of one phase (the open one by default) with derived progress per action, per phase and overall.
/// Read through the <see cref="AccessScope"/>; <see cref="ChecklistView.CanAct"/> says whether the engine would let
/// this user tick (the team and its consultant, or an ArsAdmin, on an open phase).
/// </summary>
public sealed class ChecklistQuery(AccessScope scope, BenchmarkDbContext db, ProgrammeCalendars programmes, ActorRoles roles)
{
    public async Task<ChecklistView?> LoadAsync(Guid enrolmentId, string? phaseId, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var programme = (await programmes.ForAsync([wave], cancellationToken))[wave.Id];
        var definition = programme.Definition;
        var phase = definition.FindPhase(phaseId ?? "") ?? definition.FindPhase(enrolment.CurrentPhaseId)
            ?? definition.Phases.LastOrDefault(p => enrolment.Phase(p.Id)?.Status == PhaseStatus.Closed) ?? definition.Phases[0];
        var status = enrolment.Phase(phase.Id)?.Status ?? PhaseStatus.Pending;
        var role = (await roles.ResolveAsync(definition, enrolment, scope.User, null, cancellationToken))?.Role;
        var side = role is null ? null : definition.FindRole(role)?.Side;

        // Same rule as the engine: an item is kept by its owner's side; an ArsAdmin may act for any side (with a justification).
        bool CanTick(ChecklistItemDefinition item) =>
            status == PhaseStatus.Open && side is not null && (scope.User.IsArsAdmin || definition.FindRole(item.Owner)?.Side == side);
        var establishment = await db.Establishments.Where(x => x.Id == enrolment.EstablishmentId).Select(x => x.Name).SingleAsync(cancellationToken);
        var due = programme.Calendar?.Checklist.ToDictionary(c => c.Definition.Id, c => c.Due, StringComparer.Ordinal) ?? [];

        ChecklistItemView View(ChecklistItemDefinition item)
        {
            var entry = enrolment.Entry(item.Id);
            return new ChecklistItemView(
                enrolment.Id, item.Id, item.Text, definition.FindRole(item.Owner)?.Title ?? item.Owner, item.Optional,
                due.TryGetValue(item.Id, out var d) ? d : null, entry?.Status ?? ChecklistStatus.Open, entry?.By, entry?.At, entry?.Comment, CanTick(item),
                CanTick(item) && definition.FindRole(item.Owner)?.Side != side);
        }

        var groups = phase.Checklist.GroupBy(i => i.Action).Select(g => new ChecklistGroup(
            g.Key,
            g.Key is null ? "Éléments de la phase" : ActionTitle(definition, g.Key),
            Progress.Of(g, enrolment),
            [.. g.Select(View)])).ToList();
        var phases = definition.Phases.Select(p => new PhaseSummary(
            p.Id, p.Title, enrolment.Phase(p.Id)?.Status ?? PhaseStatus.Pending, Progress.OfPhase(definition, enrolment, p.Id))).ToList();

        return new ChecklistView(
            enrolment.Id, establishment, definition.Title, phase.Id, phase.Title, status, phase.Checklist.Any(CanTick),
            Progress.Overall(definition, enrolment), Progress.OfPhase(definition, enrolment, phase.Id), groups, phases);
    }

    private static string ActionTitle(WorkflowDefinition definition, string actionId) =>
        definition.Actions.FirstOrDefault(a => a.Id == actionId) is { } action ? $"Action {action.Id.ToUpperInvariant()} — {action.Title}" : actionId;
}
