using Microsoft.EntityFrameworkCore;

namespace Benchmark.Data.Persistence;

/// <summary>What a failed save means, in the providers' own error codes (the one place that knows them).</summary>
public static class StoreFailures
{
    /// <summary>
    /// Someone else got there first: a concurrency token that moved, a unique key (or primary key) already taken, or
    /// (embedded database) another writer that held the database longer than the busy timeout.
    /// Any other failure (a foreign key, a NOT NULL) is a bug and is not dressed up as a conflict.
    /// </summary>
    public static bool IsLostRace(DbUpdateException exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } } => true,
        { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 } } => true, // busy: another writer held on
        { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } } => true,
        _ => false,
    };
}
