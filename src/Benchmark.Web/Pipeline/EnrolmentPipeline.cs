using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Pipeline;

/// <summary>The enrolment a command ran on, with its definition and the events it produced.</summary>
public sealed record CommandOutcome(Enrolment Enrolment, WorkflowDefinition Definition, IReadOnlyList<EnrolmentEvent> Events);

/// <summary>What a use case builds its command from: the enrolment (read through the scope), its wave, definition and the actor.</summary>
public sealed record CommandScope(Enrolment Enrolment, Wave Wave, WorkflowDefinition Definition, Actor Actor);

/// <summary>
/// The one path of every change to an enrolment (DESIGN.md, « The application pipeline »): the enrolment is read
/// through the <see cref="AccessScope"/> (someone else's is not found), the actor's role comes from
/// <see cref="ActorRoles"/>, <see cref="WorkflowEngine.Execute"/> decides (and advances the journey when a gate is
/// met; <see cref="EnrolmentExecutor"/>), <see cref="EventRecorder"/> writes the audit rows and typed emails, and <see cref="UnitOfWork"/> saves it all
/// at once, a lost race becoming <see cref="Error.Conflict"/>. Refusals are logged with the command, user and enrolment.
/// </summary>
public sealed class EnrolmentPipeline(
    AccessScope scope, ActorRoles roles, EnrolmentExecutor executor, UnitOfWork unit, ILogger<EnrolmentPipeline> logger)
{
    /// <summary>The answer for an enrolment that does not exist or that the user may not see (a page answers 404).</summary>
    public static Error NotVisible { get; } = Error.NotFound("La participation");

    /// <summary>Runs the command <paramref name="build"/> makes for the signed-in user, acting in <paramref name="role"/> when it is on their side.</summary>
    public Task<Result<CommandOutcome>> RunAsync(
        Guid enrolmentId, Func<Actor, EnrolmentCommand> build, string? role = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        return RunAsync(enrolmentId, role, s => build(s.Actor), conflict: null, cancellationToken);
    }

    /// <summary>
    /// Runs the command <paramref name="build"/> makes (or its refusal) for the signed-in user. <paramref name="conflict"/>
    /// says what won when the save loses a race (read after the changes were dropped).
    /// </summary>
    public async Task<Result<CommandOutcome>> RunAsync(
        Guid enrolmentId, string? role, Func<CommandScope, Result<EnrolmentCommand>> build, Func<CancellationToken, Task<Error>>? conflict,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var enrolment = await scope.Enrolments().AsSplitQuery().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return Refused("(inconnue)", enrolmentId, NotVisible);
        }

        var (wave, definition) = await executor.ProgrammeAsync(enrolment, cancellationToken);
        var actor = await roles.ResolveAsync(definition, enrolment, scope.User, role, cancellationToken);
        if (actor is null)
        {
            return Refused("(aucun rôle)", enrolmentId, Error.NotAllowed("Vous ne tenez aucun rôle de ce programme pour cet établissement."));
        }

        var command = build(new CommandScope(enrolment, wave, definition, actor));
        if (!command.IsSuccess)
        {
            return Refused("(refusée avant le moteur)", enrolmentId, command.Error!);
        }

        var executed = await executor.ExecuteAsync(definition, wave, enrolment, command.Value, mail: true, cancellationToken);
        if (!executed.IsSuccess)
        {
            return Refused(command.Value.GetType().Name, enrolmentId, executed.Error!);
        }

        return await unit.SaveAsync(
            new CommandOutcome(enrolment, definition, executed.Value), new CommandName(command.Value.GetType().Name, scope.User.Name, enrolmentId), conflict,
            cancellationToken);
    }

    /// <summary>
    /// After something outside the enrolments made their gates true (a session held, in the caller's unit of work, not
    /// saved yet): each active enrolment concerned that the user acts on re-evaluates its gate and advances if it is
    /// met, audited and notified like any passage. The caller saves.
    /// </summary>
    public async Task<IReadOnlyList<EnrolmentEvent>> EvaluateGatesAsync(IReadOnlyCollection<Guid> enrolmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolmentIds);
        var events = new List<EnrolmentEvent>();
        var enrolments = await scope.Enrolments().AsSplitQuery()
            .Where(e => enrolmentIds.Contains(e.Id) && e.Status == EnrolmentStatus.Active).ToListAsync(cancellationToken);
        foreach (var enrolment in enrolments)
        {
            var (wave, definition) = await executor.ProgrammeAsync(enrolment, cancellationToken);
            if (await roles.ResolveAsync(definition, enrolment, scope.User, null, cancellationToken) is { } actor
                && await executor.ExecuteAsync(definition, wave, enrolment, new EvaluateGate(actor), mail: true, cancellationToken) is { IsSuccess: true } ran)
            {
                events.AddRange(ran.Value);
            }
        }

        return events;
    }

    private Error Refused(string command, Guid enrolmentId, Error error)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation(
                "Command {Command} by {User} ({UserId}) on enrolment {EnrolmentId} refused: {Code} {Message}",
                command, scope.User.Name, scope.User.Id, enrolmentId, error.Code, error.Message);
        }
        return error;
    }
}
