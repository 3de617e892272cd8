using Benchmark.Core.Common;
using Benchmark.Data;
using Benchmark.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Pipeline;

/// <summary>
/// Saves a command's changes, once: the new state, its audit rows and its outbox messages commit together or not at
/// all. A concurrency token that moved or a unique key already taken means someone else got there first: the changes
/// are dropped and the command answers <see cref="Error.Conflict"/> (the caller may say precisely what won), logged
/// with the command's name and the user.
/// </summary>
public sealed class UnitOfWork(BenchmarkDbContext db, ILogger<UnitOfWork> logger)
{
    public const string DefaultConflict =
        "Quelqu'un d'autre vient de faire ce changement (ou un autre sur la même étape) : rechargez la page et recommencez.";

    public async Task<Result<T>> SaveAsync<T>(
        T value, CommandName command, Func<CancellationToken, Task<Error>>? conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return value;
        }
        catch (DbUpdateException exception) when (StoreFailures.IsLostRace(exception))
        {
            db.ChangeTracker.Clear();
            var error = conflict is null ? Error.Conflict(DefaultConflict) : await conflict(cancellationToken);
            logger.LogWarning(
                "Command {Command} by {User} on {Subject} lost a conflict ({Exception}): {Message}",
                command.Name, command.User, command.Subject, exception.GetType().Name, error.Message);
            return error;
        }
    }
}

/// <summary>What the logs say of a command: its name (« deliverable.submit »), who ran it and on what.</summary>
public sealed record CommandName(string Name, string User, Guid Subject);
