using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Pipeline;

/// <summary>
/// The pipeline's engine step, the only caller of <see cref="WorkflowEngine.Execute"/>: gives the engine the sessions
/// held, runs the command at the injected clock's time and records its events (<see cref="EventRecorder"/>; audit
/// rows only when no one is to be told, as for the demo). Nothing is saved here.
/// </summary>
public sealed class EnrolmentExecutor(BenchmarkDbContext db, IServiceProvider services, TimeProvider clock)
{
    /// <summary>
    /// Runs a command on an enrolment the caller already holds (tracked, or new): engine, audit rows and — when
    /// <paramref name="mail"/> — emails, in the caller's unit of work; the caller saves through <see cref="UnitOfWork"/>.
    /// For commands that change more than one enrolment or more than the enrolment (enrolling, a session held, the demo).
    /// </summary>
    public async Task<Result<IReadOnlyList<EnrolmentEvent>>> ExecuteAsync(
        WorkflowDefinition definition, Wave wave, Enrolment enrolment, EnrolmentCommand command, bool mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(command);
        var context = command is StartEnrolment ? EnrolmentContext.Empty : await ContextAsync(enrolment, cancellationToken);
        var executed = WorkflowEngine.Execute(definition, enrolment, context, command, clock.GetUtcNow());
        if (executed.IsSuccess && mail)
        {
            await services.GetRequiredService<EventRecorder>().RecordAsync(definition, wave, enrolment, executed.Value, cancellationToken);
        }
        else if (executed.IsSuccess)
        {
            db.AuditEvents.AddRange(executed.Value.Select(e => EventRecorder.Audit(definition, enrolment, e)));
        }

        return executed;
    }

    /// <summary>The wave of an enrolment and its definition (parsed once per version, process-wide).</summary>
    public async Task<(Wave Wave, WorkflowDefinition Definition)> ProgrammeAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var hash = await db.ProgrammeDefinitions.Where(d => d.Id == wave.DefinitionId).Select(d => d.Hash).SingleAsync(cancellationToken);
        return (wave, ProgrammeDefinition.Parsed(hash)
            ?? (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken)).Parse());
    }

    /// <summary>The sessions already held for this enrolment (its own and its group's): what session gates need.</summary>
    public async Task<EnrolmentContext> ContextAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var held = await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Held && (s.EnrolmentId == enrolment.Id || (s.EnrolmentId == null && s.GroupId == enrolment.GroupId)))
            .Select(s => new { s.Id, s.SessionId }).ToListAsync(cancellationToken);

        // A session held (or un-held) in this same unit of work counts as it is tracked: the gate sees the change it is
        // saved with. By row, not by slot: a slot may have a cancelled occurrence beside the one held.
        var local = db.Sessions.Local.Where(s => s.EnrolmentId == enrolment.Id || (s.EnrolmentId == null && s.GroupId == enrolment.GroupId)).ToList();
        var tracked = local.Select(s => s.Id).ToHashSet();
        var set = held.Where(h => !tracked.Contains(h.Id)).Select(h => h.SessionId)
            .Concat(local.Where(s => s.Status == SessionStatus.Held).Select(s => s.SessionId))
            .ToHashSet(StringComparer.Ordinal);
        return new EnrolmentContext(set);
    }
}
