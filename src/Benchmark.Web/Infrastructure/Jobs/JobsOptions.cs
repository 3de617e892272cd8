using Benchmark.Data;

namespace Benchmark.Web.Infrastructure.Jobs;

/// <summary>Where Hangfire keeps its jobs, whether this node runs them: the <c>Jobs</c> section.</summary>
public enum JobStorageKind
{
    InMemory,
    PostgreSql,
}

/// <summary>
/// <c>Jobs:Enabled</c> (default true: this node runs a Hangfire server; false: it only enqueues and shows the
/// dashboard), <c>Jobs:Storage</c> (<c>InMemory</c> | <c>PostgreSql</c>; empty follows <c>Database:Provider</c>:
/// SQLite → InMemory, PostgreSQL → PostgreSQL on <c>ConnectionStrings:Default</c>), <c>Jobs:WorkerCount</c> (default 4).
/// </summary>
public sealed record JobsOptions(bool Enabled, JobStorageKind Storage, string? ConnectionString, int WorkerCount)
{
    public static JobsOptions From(IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        var storage = configuration["Jobs:Storage"] is { Length: > 0 } named
            ? Enum.Parse<JobStorageKind>(named.Trim(), ignoreCase: true)
            : database.ParsedProvider == DatabaseProvider.PostgreSql ? JobStorageKind.PostgreSql : JobStorageKind.InMemory;
        var connection = storage == JobStorageKind.PostgreSql
            ? configuration.GetConnectionString("Jobs") is { Length: > 0 } own ? own : database.ConnectionString
            : null;
        if (storage == JobStorageKind.PostgreSql && string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException("Jobs:Storage est PostgreSql mais ConnectionStrings:Default est vide.");
        }

        return new JobsOptions(
            !bool.TryParse(configuration["Jobs:Enabled"], out var enabled) || enabled,
            storage,
            connection,
            int.TryParse(configuration["Jobs:WorkerCount"], System.Globalization.CultureInfo.InvariantCulture, out var workers) && workers > 0 ? workers : 4);
    }
}
