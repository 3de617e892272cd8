using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Runtime;

/// <summary>
/// Runs an enrolment: (definition, state, command, now) → (state, events). Every command is checked against the
/// definition and the current state first; a refused command returns an <see cref="Error"/> and changes nothing.
/// </summary>
public static class WorkflowEngine
{
    public static Result<IReadOnlyList<EnrolmentEvent>> Execute(
        WorkflowDefinition definition, Enrolment enrolment, EnrolmentContext context, EnrolmentCommand command, DateTimeOffset now)
    {
        if (enrolment.Status == EnrolmentStatus.Withdrawn)
        {
            return Error.NotAllowed("Cet établissement s'est retiré de la démarche : plus aucune action n'est possible.");
        }

        if (command is not StartEnrolment && enrolment.Phases.Count == 0)
        {
            return Error.NotAllowed("La participation n'a pas encore démarré.");
        }

        var executed = command switch
        {
            StartEnrolment c => Start(definition, enrolment, c, now),
            EvaluateGate => new List<EnrolmentEvent>(),
            TickItem c => Checklist.Change(definition, enrolment, c.Actor, c.ItemId, ChecklistStatus.Done, c.Comment, now),
            UntickItem c => Checklist.Change(definition, enrolment, c.Actor, c.ItemId, ChecklistStatus.Open, c.Comment, now),
            MarkItemNotApplicable c => string.IsNullOrWhiteSpace(c.Reason)
                ? Error.Invalid("Indiquez pourquoi cet élément ne s'applique pas.")
                : Checklist.Change(definition, enrolment, c.Actor, c.ItemId, ChecklistStatus.NotApplicable, c.Reason, now),
            SubmitDeliverable c => Deliverables.Submit(definition, enrolment, c, now),
            ApproveDeliverable c => Deliverables.Review(definition, enrolment, c.Actor, c.DeliverableId, c.Version, ReviewDecision.Approved, c.Comment, now),
            RequestChanges c => string.IsNullOrWhiteSpace(c.Comment)
                ? Error.Invalid("Expliquez les modifications attendues : l'équipe en a besoin pour reprendre le livrable.")
                : Deliverables.Review(definition, enrolment, c.Actor, c.DeliverableId, c.Version, ReviewDecision.ChangesRequested, c.Comment, now),
            DecideGate c => Decide(definition, enrolment, c, now),
            ClosePhase c => Close(definition, enrolment, context, c.Actor, c.PhaseId, null, now),
            ForceClosePhase c => !c.Actor.IsArsAdmin
                ? Error.NotAllowed("Seul un administrateur ARS peut forcer le passage d'une phase.")
                : string.IsNullOrWhiteSpace(c.Justification)
                    ? Error.Invalid("Le passage forcé exige une justification écrite.")
                    : Close(definition, enrolment, context, c.Actor, c.PhaseId, c.Justification.Trim(), now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command"),
        };
        return executed.IsSuccess ? Advance(definition, enrolment, context, command.Actor, executed.Value, now) : executed;
    }

    /// <summary>
    /// The engine owns advancement: whatever made the open phase's gate true (an approval, the last tick, a "not
    /// applicable", a held session, a favourable decision, a deposit that needs no approval, a forced passage that
    /// leaves the next gate already met) closes it and opens the next one in the same command. A phase whose gate
    /// asks for nothing is closed explicitly by the consultant or the ARS (<see cref="ClosePhase"/>).
    /// </summary>
    private static List<EnrolmentEvent> Advance(
        WorkflowDefinition definition, Enrolment enrolment, EnrolmentContext context, Actor actor, IReadOnlyList<EnrolmentEvent> events, DateTimeOffset now)
    {
        var all = events.ToList();
        while (enrolment.Status == EnrolmentStatus.Active
            && enrolment.Phase(enrolment.CurrentPhaseId) is { Status: PhaseStatus.Open } open
            && definition.FindPhase(open.PhaseId) is { Gate.IsEmpty: false }
            && GateEvaluator.Missing(definition, enrolment, context, open.PhaseId).Count == 0)
        {
            all.AddRange(CloseAndOpenNext(definition, enrolment, actor, open.PhaseId, null, automatic: true, now));
        }

        return all;
    }

    private static Result<IReadOnlyList<EnrolmentEvent>> Start(WorkflowDefinition definition, Enrolment enrolment, StartEnrolment command, DateTimeOffset now)
    {
        if (enrolment.Phases.Count > 0)
        {
            return Error.NotAllowed("La participation a déjà démarré.");
        }

        foreach (var phase in definition.Phases)
        {
            enrolment.AddPhase(phase.Id);
        }

        return new List<EnrolmentEvent> { new EnrolmentStarted(enrolment.Id, command.Actor.Name, now) }
            .Concat(Open(enrolment, definition.Phases[0].Id, command.Actor, now)).ToList();
    }

    private static List<EnrolmentEvent> Open(Enrolment enrolment, string phaseId, Actor actor, DateTimeOffset now)
    {
        var phase = enrolment.Phase(phaseId)!;
        phase.Status = PhaseStatus.Open;
        phase.OpenedAt = now;
        enrolment.CurrentPhaseId = phaseId;
        return [new PhaseOpened(enrolment.Id, actor.Name, now, phaseId)];
    }

    private static Result<IReadOnlyList<EnrolmentEvent>> Decide(WorkflowDefinition definition, Enrolment enrolment, DecideGate command, DateTimeOffset now)
    {
        var phase = definition.FindPhase(command.PhaseId);
        if (phase?.Gate.Decision is not { } decision)
        {
            return Error.NotAllowed($"La phase '{command.PhaseId}' n'attend aucune décision.");
        }

        if (command.Actor.Role != decision.By)
        {
            return Error.NotAllowed($"La décision « {decision.Title} » revient au rôle '{decision.By}'.");
        }

        if (enrolment.Phase(phase.Id)!.Status != PhaseStatus.Open)
        {
            return Error.NotAllowed($"La phase « {phase.Title} » n'est pas en cours : la décision ne peut plus être prise.");
        }

        enrolment.AddDecision(new GateDecision(Guid.CreateVersion7(), enrolment.Id, phase.Id, command.Go, command.Actor.Name, command.Comment, now));
        return new List<EnrolmentEvent> { new GateDecided(enrolment.Id, command.Actor.Name, now, phase.Id, command.Go, command.Comment) };
    }

    private static Result<IReadOnlyList<EnrolmentEvent>> Close(
        WorkflowDefinition definition, Enrolment enrolment, EnrolmentContext context, Actor actor, string phaseId, string? forced, DateTimeOffset now)
    {
        if (!actor.IsArsAdmin && definition.FindRole(actor.Role) is not { Side: RoleSide.Consultant or RoleSide.Ars })
        {
            return Error.NotAllowed("Le passage à la phase suivante est prononcé par le consultant ou l'ARS.");
        }

        var progress = enrolment.Phase(phaseId);
        if (progress is null)
        {
            return Error.NotFound($"La phase '{phaseId}'");
        }

        if (progress.Status != PhaseStatus.Open)
        {
            return Error.NotAllowed($"La phase « {definition.FindPhase(phaseId)!.Title} » n'est pas en cours.");
        }

        var missing = GateEvaluator.Missing(definition, enrolment, context, phaseId);
        if (missing.Count > 0 && forced is null)
        {
            return Error.NotAllowed($"La phase « {definition.FindPhase(phaseId)!.Title} » ne peut pas encore être close : {string.Join(" ; ", missing)}.");
        }

        return CloseAndOpenNext(definition, enrolment, actor, phaseId, forced, automatic: false, now);
    }

    private static List<EnrolmentEvent> CloseAndOpenNext(
        WorkflowDefinition definition, Enrolment enrolment, Actor actor, string phaseId, string? forced, bool automatic, DateTimeOffset now)
    {
        var progress = enrolment.Phase(phaseId)!;
        progress.Status = PhaseStatus.Closed;
        progress.ClosedAt = now;
        progress.ClosedBy = actor.Name;
        progress.ForcedJustification = forced;
        progress.ClosedAutomatically = automatic;
        var events = new List<EnrolmentEvent> { new PhaseClosed(enrolment.Id, actor.Name, now, phaseId, forced, automatic) };
        var index = definition.Phases.ToList().FindIndex(p => p.Id == phaseId);
        if (index + 1 < definition.Phases.Count)
        {
            events.AddRange(Open(enrolment, definition.Phases[index + 1].Id, actor, now));
        }
        else
        {
            enrolment.CurrentPhaseId = "";
            enrolment.Status = EnrolmentStatus.Completed;
            events.Add(new EnrolmentCompleted(enrolment.Id, actor.Name, now));
        }

        return events;
    }
}
