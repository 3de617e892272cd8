using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Benchmark.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server named by <c>BENCHMARK_TEST_PG</c> (scripts/test.sh starts a throwaway one).
/// Shared by the test classes marked <c>[Collection(PostgresFixture.Collection)]</c>; each test class gets its own database from
/// <see cref="DatabaseForAsync"/> — empty, or a copy of a template (<c>CREATE DATABASE … TEMPLATE</c>: a migrated, seeded database
/// is copied in a fraction of a second instead of being migrated and seeded again) — and every database is dropped when the
/// collection is done.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Variable = "BENCHMARK_TEST_PG";

    /// <summary>The xunit collection of the PostgreSQL test classes.</summary>
    public const string Collection = "Postgres";

    private readonly ConcurrentDictionary<Type, Lazy<Task<PostgresDatabase>>> _databases = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<PostgresDatabase>>> _templates = new(StringComparer.Ordinal);

    /// <summary>True when <c>BENCHMARK_TEST_PG</c> is set.</summary>
    public static bool IsConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    /// <summary>True under CI (<c>CI=true</c>), where PostgreSQL tests must run rather than be skipped.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server connection string; throws a clear message when the variable is unset.</summary>
    public static string ServerConnectionString =>
        IsConfigured
            ? Environment.GetEnvironmentVariable(Variable)!
            : throw new InvalidOperationException(
                $"{Variable} is not set: PostgreSQL tests need a server where they may create databases. " +
                "Run `bash scripts/test.sh` (it starts a throwaway server), or set it, e.g. " +
                $"{Variable}='Host=127.0.0.1;Port=5432;Database=postgres;Username=postgres;Password=…'.");

    /// <summary>The database of <paramref name="testClass"/>, created on first use (a copy of <paramref name="template"/> when named).</summary>
    public Task<PostgresDatabase> DatabaseForAsync(Type testClass, string? template = null)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        return _databases.GetOrAdd(testClass, type => new Lazy<Task<PostgresDatabase>>(() => CreateAsync(type.Name, template))).Value;
    }

    /// <summary>
    /// The template <paramref name="key"/>, made once by <paramref name="fill"/> (e.g. migrate, seed) then closed to
    /// connections so it can be copied; dropped with its <see cref="FilesOf">files folder</see> when the collection is done.
    /// </summary>
    public Task<PostgresDatabase> TemplateAsync(string key, Func<PostgresDatabase, Task> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return _templates.GetOrAdd(key, k => new Lazy<Task<PostgresDatabase>>(async () =>
        {
            var template = await CreateAsync("template" + k);
            await fill(template);
            NpgsqlConnection.ClearAllPools();
            return template;
        })).Value;
    }

    /// <summary>Where a template keeps files that go with it (the demo's uploads), removed with the template.</summary>
    public static string FilesOf(PostgresDatabase template) =>
        Path.Combine(Path.GetTempPath(), (template ?? throw new ArgumentNullException(nameof(template))).Name + "-files");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values.Concat(_templates.Values))
        {
            if (database.IsValueCreated && database.Value.IsCompletedSuccessfully)
            {
                var created = await database.Value;
                await DropAsync(created);
                if (Directory.Exists(FilesOf(created)))
                {
                    Directory.Delete(FilesOf(created), recursive: true);
                }
            }
        }
    }

    /// <summary>A database of its own, empty or a copy of <paramref name="template"/> (which nobody may be connected to).</summary>
    private static async Task<PostgresDatabase> CreateAsync(string owner, string? template = null)
    {
        var name = UniqueName(owner);
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            var copy = template is null ? "" : $" TEMPLATE \"{template}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", server);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        return new PostgresDatabase(name, connectionString);
    }

    private static async Task DropAsync(PostgresDatabase database)
    {
        await using (var pooled = new NpgsqlConnection(database.ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database.Name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    // A PostgreSQL identifier has at most 63 bytes: up to 32 letters or digits of the class name (readable
    // in server logs) and 12 random hex digits.
    private static string UniqueName(string owner)
    {
        var readable = new string([.. owner.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant).Take(32)]);
        var suffix = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12];
        return $"bench_{readable}_{suffix}";
    }
}

/// <summary>A database created for one test class.</summary>
public sealed record PostgresDatabase(string Name, string ConnectionString);

/// <summary>Test classes that use PostgreSQL: <c>[Collection(PostgresFixture.Collection)]</c>.</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;
