using Benchmark.Data;
using Benchmark.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Cli;

/// <summary>
/// <c>migrate [--Key=Value …]</c>: applies the pending migrations of the configured database (explicit in production;
/// the embedded SQLite default is also migrated when the web host starts). Exit 0 when the database is up to date.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        using var host = BuildHost(args);
        if (!TryValidate(host.Services, errors, out var options))
        {
            return 1;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        output.WriteLine(pending.Count == 0
            ? $"{Describe(db, options)} : déjà à jour."
            : $"{Describe(db, options)} : {pending.Count} migration(s) appliquée(s) ({string.Join(", ", pending)}).");
        return 0;
    }

    /// <summary>
    /// The configuration of the CLI verbs, as the web host reads it: <c>appsettings.json</c> (current folder, else next
    /// to the executable), <c>appsettings.{Environment}.json</c>, environment variables, then <c>--Key=Value</c> arguments.
    /// </summary>
    internal static IHost BuildHost(IReadOnlyList<string> args, TimeProvider? clock = null)
    {
        var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? Directory.GetCurrentDirectory()
            : AppContext.BaseDirectory;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. args],
            ContentRootPath = contentRoot,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"),
        });
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        // On a new PostgreSQL database EF logs its probe of the missing history table as a failed command;
        // real failures still surface as exceptions.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Services.AddBenchmarkData(builder.Configuration);
        builder.Services.TryAddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddBenchmarkIdentity();
        Infrastructure.Files.FilesSetup.AddFileStore(builder.Services, builder.Configuration);
        Features.Demo.DemoSetup.AddDemo(builder.Services);
        return builder.Build();
    }

    /// <summary>Reports an unusable <c>Database</c> configuration in the operator's words instead of a stack trace.</summary>
    internal static bool TryValidate(IServiceProvider services, TextWriter errors, out DatabaseOptions options)
    {
        try
        {
            options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
            {
                errors.WriteLine(failure);
            }

            options = new DatabaseOptions();
            return false;
        }
    }

    /// <summary>Names the database without its credentials.</summary>
    internal static string Describe(BenchmarkDbContext db, DatabaseOptions options)
    {
        var connection = db.Database.GetDbConnection();
        return options.ParsedProvider == DatabaseProvider.PostgreSql
            ? $"PostgreSQL {connection.DataSource}/{connection.Database}"
            : $"SQLite {connection.DataSource}";
    }
}
