using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Benchmark.Data;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="BenchmarkDbContext"/> (scoped) for the provider named by <c>Database:Provider</c>, and
    /// <see cref="DatabaseOptions"/>, validated on start. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddBenchmarkData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DatabaseOptions>()
            .Configure(options =>
            {
                var read = DatabaseOptions.From(configuration);
                (options.Provider, options.ConnectionString, options.DataDirectory) = (read.Provider, read.ConnectionString, read.DataDirectory);
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());

        services.AddDbContext<SqliteBenchmarkDbContext>((sp, builder) => Configure(builder, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddDbContext<PostgresBenchmarkDbContext>((sp, builder) => Configure(builder, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.TryAddScoped<BenchmarkDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ParsedProvider switch
        {
            DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgresBenchmarkDbContext>(),
            _ => sp.GetRequiredService<SqliteBenchmarkDbContext>(),
        });
        return services;
    }

    /// <summary>Points <paramref name="builder"/> at the configured database (creating the SQLite folder if needed).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = options.EffectiveConnectionString;
        return options.ParsedProvider switch
        {
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            DatabaseProvider.Sqlite => builder.UseSqlite(EnsureFolder(connectionString), sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            null => throw new OptionsValidationException(nameof(DatabaseOptions), typeof(DatabaseOptions), options.Validate()),
        };
    }

    private static string EnsureFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return connectionString;
    }

    private sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
