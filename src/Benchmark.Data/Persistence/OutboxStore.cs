using Benchmark.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Benchmark.Data.Persistence;

/// <summary>
/// The outbox's set-based statements for a dispatcher: claim a batch of due messages under a lease, and write what
/// <see cref="OutboxMessage.MarkSent"/> and <see cref="OutboxMessage.MarkFailed"/> decided. The state transitions
/// are the entity's: this class applies them to the claimed (untracked) rows, then writes the resulting columns in
/// one <c>UPDATE</c>, guarded by <c>"Status" = 'Pending'</c> (a leased row is nobody else's; a row another
/// dispatcher already recorded is left alone).
/// </summary>
public sealed class OutboxStore(BenchmarkDbContext db)
{
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due messages in one statement, their next attempt moved
    /// <paramref name="lease"/> ahead so no other dispatcher takes them; returns them untracked, oldest first.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        var until = now.Add(lease);
        List<OutboxMessage> due;
        if (db.Database.IsNpgsql())
        {
            // One atomic statement: rows another dispatcher holds are skipped, rows it claimed and committed meanwhile
            // are re-checked against the WHERE (now leased ahead) and left out. A CTE, evaluated once: as an IN
            // (subquery) the planner may re-run the LIMIT per outer row and claim more than a batch. RETURNING gives
            // the claimed rows themselves (xmin too: the context maps it), so no second read.
            due = await db.OutboxMessages.FromSql($"""
                WITH due AS (
                    SELECT "Id" FROM "OutboxMessages"
                    WHERE "Status" = 'Pending' AND "NextAttemptAt" <= {now}
                    ORDER BY "NextAttemptAt", "Id"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                UPDATE "OutboxMessages" AS m SET "NextAttemptAt" = {until}
                FROM due
                WHERE m."Id" = due."Id" AND m."Status" = 'Pending' AND m."NextAttemptAt" <= {now}
                RETURNING m.*, m.xmin
                """).AsNoTracking().ToListAsync(cancellationToken);
        }
        else
        {
            // SQLite: BeginTransaction takes the write lock first (BEGIN IMMEDIATE), so nobody writes between select and update.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (due.Count > 0)
            {
                var ids = due.Select(m => m.Id).ToList();
                await db.OutboxMessages
                    .Where(m => ids.Contains(m.Id))
                    .ExecuteUpdateAsync(s => BumpVersion(s.SetProperty(m => m.NextAttemptAt, until)), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return [.. due.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }

    /// <summary>
    /// Records claimed messages as sent at <paramref name="at"/>: <see cref="OutboxMessage.MarkSent"/> on each, then
    /// its resulting state written in one statement (one per attempt count, in practice one).
    /// </summary>
    public async Task MarkSentAsync(IReadOnlyCollection<OutboxMessage> sent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        foreach (var message in sent)
        {
            message.MarkSent(at);
        }

        foreach (var same in sent.GroupBy(m => (m.Status, m.SentAt, m.Attempts)))
        {
            var ids = same.Select(m => m.Id).ToList();
            var (status, sentAt, attempts) = same.Key;
            await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending).ExecuteUpdateAsync(
                s => BumpVersion(s.SetProperty(m => m.Status, status).SetProperty(m => m.SentAt, sentAt).SetProperty(m => m.Attempts, attempts)),
                cancellationToken);
        }
    }

    /// <summary>
    /// Records one failed attempt of a claimed message: <see cref="OutboxMessage.MarkFailed"/> (the backoff rule),
    /// then its resulting state written in one statement.
    /// </summary>
    public async Task MarkFailedAsync(
        OutboxMessage message, string error, bool permanent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.MarkFailed(error, permanent, now);
        var (id, status, attempts, lastError, next) = (message.Id, message.Status, message.Attempts, message.LastError, message.NextAttemptAt);
        await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Pending).ExecuteUpdateAsync(
            s => BumpVersion(s.SetProperty(m => m.Status, status).SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LastError, lastError).SetProperty(m => m.NextAttemptAt, next)),
            cancellationToken);
    }

    /// <summary>
    /// On SQLite the concurrency token is a counter the context bumps on save: a bulk update bumps it too, so a tracked
    /// copy elsewhere (an operator's "send again") sees the change. PostgreSQL's <c>xmin</c> changes by itself.
    /// </summary>
    private UpdateSettersBuilder<OutboxMessage> BumpVersion(UpdateSettersBuilder<OutboxMessage> setters) =>
        db.Database.IsNpgsql()
            ? setters
            : setters.SetProperty(
                m => EF.Property<long>(m, SqliteBenchmarkDbContext.RowVersion), m => EF.Property<long>(m, SqliteBenchmarkDbContext.RowVersion) + 1);
}
