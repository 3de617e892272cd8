using Microsoft.Extensions.Configuration;

namespace Benchmark.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Where the data lives: <c>Database:Provider</c>, <c>ConnectionStrings:Default</c> and <c>App:DataDirectory</c>.
/// Without a connection string, SQLite uses <c>benchmark.db</c> in the data directory.
/// </summary>
public sealed class DatabaseOptions
{
    public const string DefaultDataDirectory = "./data";

    /// <summary>The configured provider name, as written (<c>Sqlite</c> when absent).</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    public string? ConnectionString { get; set; }

    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>The provider, when <see cref="Provider"/> names one (case-insensitive).</summary>
    public DatabaseProvider? ParsedProvider =>
        Enum.GetValues<DatabaseProvider>().Where(p => string.Equals(p.ToString(), Provider, StringComparison.OrdinalIgnoreCase))
            .Select(p => (DatabaseProvider?)p).FirstOrDefault();

    /// <summary>The connection string to use: the configured one, or the embedded SQLite file.</summary>
    public string EffectiveConnectionString =>
        !string.IsNullOrWhiteSpace(ConnectionString)
            ? ConnectionString
            : $"Data Source={Path.Combine(Path.GetFullPath(DataDirectory), "benchmark.db")}";

    public static DatabaseOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new DatabaseOptions();
        options.Provider = NonEmpty(configuration["Database:Provider"]) ?? options.Provider;
        options.ConnectionString = NonEmpty(configuration.GetConnectionString("Default"));
        options.DataDirectory = NonEmpty(configuration["App:DataDirectory"]) ?? options.DataDirectory;
        return options;
    }

    /// <summary>The problems with this configuration, in words an operator can act on; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ParsedProvider is null)
        {
            errors.Add($"Database:Provider '{Provider}' is unknown: use {string.Join(" or ", Enum.GetNames<DatabaseProvider>())}.");
        }
        else if (ParsedProvider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            errors.Add("Database:Provider is PostgreSql but ConnectionStrings:Default is empty: set it, e.g. Host=…;Database=benchmark;Username=…;Password=….");
        }

        return errors;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
