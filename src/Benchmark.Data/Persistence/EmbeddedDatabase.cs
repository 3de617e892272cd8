using Microsoft.EntityFrameworkCore;

namespace Benchmark.Data.Persistence;

/// <summary>The embedded default (SQLite) is prepared by the application itself at start; PostgreSQL by the <c>migrate</c> verb.</summary>
public static class EmbeddedDatabase
{
    /// <summary>Migrates the file and turns its write-ahead log on: readers no longer block the writer (pages, the
    /// dispatcher and the sweep share one file). The mode is stored in the file, so once is enough.</summary>
    public static async Task PrepareAsync(SqliteBenchmarkDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
