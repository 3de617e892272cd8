using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Dashboard;
using Benchmark.Web.Features.Gates;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Journey;

public sealed record EnrolmentJourney(
    Guid EnrolmentId, string Establishment, string Programme, string Wave, string Group, DateOnly Today, bool CalendarResolved,
    IReadOnlyList<JourneyPhase> Phases, IReadOnlyList<string> GateMissing, IReadOnlyList<TimelineEntry> Timeline, GateView? Gate = null, Guid WaveId = default)
{
    /// <summary>The open phase, or null before the start and after the end.</summary>
    public JourneyPhase? Current => Phases.FirstOrDefault(p => p.Status == PhaseStatus.Open);
}

/// <summary>A phase on the journey; a closed one says who closed it, when, and the justification when it was forced.</summary>
public sealed record JourneyPhase(
    string Id, string Title, DateOnly? Start, DateOnly? Due, PhaseStatus Status,
    string? ClosedBy = null, DateTimeOffset? ClosedAt = null, string? ForcedJustification = null, bool ClosedAutomatically = false);

public enum TimelineKind
{
    PhaseStart,
    PhaseDue,
    Milestone,
    Session,
    Deliverable,
}

/// <summary>One dated line of the journey; <see cref="Link"/> is the page of a session that exists (scheduled, held or cancelled).</summary>
public sealed record TimelineEntry(DateOnly Date, DateTimeOffset? At, TimelineKind Kind, string Title, (string Text, string Css)? Status, string? Link = null);

/// <summary>
/// One establishment's journey through its wave: the resolved calendar with each phase's state, the dated sessions and
/// deadlines, and what the open phase's gate still needs. Five queries; someone else's enrolment is simply not found.
/// </summary>
public sealed class JourneyQuery(AccessScope scope, BenchmarkDbContext db, ProgrammeCalendars programmes, ActorRoles roles, TimeProvider clock)
{
    public async Task<EnrolmentJourney?> LoadAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var wave = await scope.Waves().AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var names = await (
            from x in db.Establishments
            where x.Id == enrolment.EstablishmentId
            from g in db.Groups
            where g.Id == enrolment.GroupId
            select new { Establishment = x.Name, Group = g.Name }).SingleAsync(cancellationToken);
        var sessions = await scope.Sessions().AsNoTracking()
            .Where(s => s.EnrolmentId == enrolmentId || (s.EnrolmentId == null && s.GroupId == enrolment.GroupId))
            .ToListAsync(cancellationToken);
        var programme = (await programmes.ForAsync([wave], cancellationToken))[wave.Id];
        var definition = programme.Definition;

        var phases = definition.Phases.Select(p =>
        {
            var dates = programme.Calendar?.Phase(p.Id);
            var state = enrolment.Phase(p.Id);
            return new JourneyPhase(p.Id, p.Title, dates?.Start, dates?.Due, state?.Status ?? PhaseStatus.Pending, state?.ClosedBy, state?.ClosedAt, state?.ForcedJustification, state?.ClosedAutomatically ?? false);
        }).ToList();
        var held = sessions.Where(s => s.Status == SessionStatus.Held).Select(s => s.SessionId).ToHashSet(StringComparer.Ordinal);
        var context = new EnrolmentContext(held);
        var missing = phases.FirstOrDefault(p => p.Status == PhaseStatus.Open) is { } open
            ? GateEvaluator.Missing(definition, enrolment, context, open.Id)
            : [];
        var role = (await roles.ResolveAsync(definition, enrolment, scope.User, null, cancellationToken))?.Role;
        var decisionBy = definition.FindPhase(enrolment.CurrentPhaseId)?.Gate.Decision?.By;
        var decisionRole = decisionBy is null ? null : (await roles.ResolveAsync(definition, enrolment, scope.User, decisionBy, cancellationToken))?.Role;
        var gate = GateView.Of(definition, enrolment, context, scope.User, role, decisionRole);

        return new EnrolmentJourney(
            enrolment.Id, names.Establishment, definition.Title, wave.Name, names.Group, ParisTime.Today(clock), programme.Calendar is not null,
            phases, missing, Timeline(programme, enrolment, phases, sessions), gate, wave.Id);
    }

    /// <summary>The role this user would decide <paramref name="phaseId"/>'s go / no-go in (null: none; the engine then refuses).</summary>
    public async Task<string?> DecisionRoleAsync(Guid enrolmentId, string? phaseId, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var definition = (await programmes.ForAsync([wave], cancellationToken))[wave.Id].Definition;
        return definition.FindPhase(phaseId ?? "")?.Gate.Decision?.By is { } by ? (await roles.ResolveAsync(definition, enrolment, scope.User, by, cancellationToken))?.Role : null;
    }

    private static List<TimelineEntry> Timeline(WaveProgramme programme, Enrolment enrolment, List<JourneyPhase> phases, List<Session> sessions)
    {
        var entries = new List<TimelineEntry>();
        foreach (var phase in phases.Where(p => p.Start is not null && p.Due is not null))
        {
            entries.Add(new(phase.Start!.Value, null, TimelineKind.PhaseStart, $"Début : {phase.Title}", Display.Badge(phase.Status)));
            entries.Add(new(phase.Due!.Value, null, TimelineKind.PhaseDue, $"Échéance : {phase.Title}", null));
        }

        var calendar = programme.Calendar;
        entries.AddRange(calendar?.Milestones.Select(m => new TimelineEntry(m.Date, null, TimelineKind.Milestone, $"Jalon : {m.Definition.Title}", null)) ?? []);
        entries.AddRange(calendar?.Deliverables.Select(d => new TimelineEntry(
            d.Due, null, TimelineKind.Deliverable, $"Livrable à remettre : {d.Definition.Title}",
            Display.Badge(enrolment.Deliverable(d.Definition.Id)?.Status ?? DeliverableStatus.Draft, d.Definition.Approver is not null))) ?? []);

        // A session as it is scheduled for this enrolment (or its group), else as the calendar plans it.
        var planned = calendar?.Sessions.ToDictionary(s => s.Definition.Id, StringComparer.Ordinal) ?? [];
        foreach (var s in sessions)
        {
            var start = ParisTime.ToParis(s.StartUtc);
            entries.Add(new(DateOnly.FromDateTime(start.DateTime), s.StartUtc, TimelineKind.Session, programme.SessionTitle(s.SessionId), Display.Badge(s.Status), $"/seances/{s.Id}"));
            planned.Remove(s.SessionId);
        }

        entries.AddRange(planned.Values.Select(p => new TimelineEntry(p.StartDate, p.StartUtc, TimelineKind.Session, p.Definition.Title, Display.Badge(SessionStatus.Planned))));

        return [.. entries.OrderBy(e => e.Date).ThenBy(e => e.At ?? DateTimeOffset.MinValue).ThenBy(e => e.Kind)];
    }
}
