using Benchmark.Data;
using Benchmark.Web.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Benchmark.Web.Tests.Persistence;

/// <summary>The <c>migrate</c> and <c>seed demo</c> verbs and the configuration they read, on SQLite files.</summary>
public sealed class DataCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("benchmark-cli-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));

    private string ConnectionString => $"Data Source={Path.Combine(_folder, "demo.db")}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task SeedDemo_WhenRunTwice_ThenSecondRunChangesNothing()
    {
        var (first, _) = await SeedAsync();
        var afterFirst = await CountsAsync();
        _clock.Advance(TimeSpan.FromDays(3));

        var (second, output) = await SeedAsync();
        var afterSecond = await CountsAsync();

        Assert.Equal((0, 0), (first, second));
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains("rien à ajouter", output, StringComparison.Ordinal);
        Assert.Equal(1, afterFirst[0]);
        Assert.Equal(8, afterFirst[1]);
        Assert.All(afterFirst, count => Assert.True(count > 0));
    }

    [Fact]
    public async Task Migrate_WhenRunTwice_ThenSecondRunIsUpToDate()
    {
        var output = new StringWriter();
        string[] args = [$"--ConnectionStrings:Default={ConnectionString}"];

        Assert.Equal(0, await MigrateCommand.RunAsync(args, new StringWriter(), new StringWriter()));
        Assert.Equal(0, await MigrateCommand.RunAsync(args, output, new StringWriter()));

        Assert.Contains("déjà à jour", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_WhenProviderIsUnknown_ThenFailsNamingTheProviders()
    {
        var errors = new StringWriter();

        var code = await MigrateCommand.RunAsync(["--Database:Provider=Oracle"], new StringWriter(), errors);

        Assert.Equal(1, code);
        Assert.Contains("'Oracle' is unknown: use Sqlite or PostgreSql", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddBenchmarkData_WhenPostgreSqlWithoutConnectionString_ThenOptionsAreRefused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "postgresql" }).Build();
        using var services = new ServiceCollection().AddBenchmarkData(configuration).AddBenchmarkData(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DatabaseOptions>>().Value);

        Assert.Contains("ConnectionStrings:Default is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddBenchmarkData_WhenProviderIsPostgreSql_ThenContextIsThePostgresOne()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = "Host=localhost;Database=unused",
        }).Build();
        using var services = new ServiceCollection().AddBenchmarkData(configuration).BuildServiceProvider();
        using var scope = services.CreateScope();

        Assert.IsType<PostgresBenchmarkDbContext>(scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>());
    }

    private async Task<(int Code, string Output)> SeedAsync()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = await SeedDemoCommand.RunAsync(
            ["demo", "--workflows", WorkflowsFolder(), $"--ConnectionStrings:Default={ConnectionString}"], output, errors, _clock);
        Assert.Equal("", errors.ToString());
        return (code, output.ToString());
    }

    private async Task<int[]> CountsAsync()
    {
        await using var db = new SqliteBenchmarkDbContext(new DbContextOptionsBuilder<SqliteBenchmarkDbContext>().UseSqlite(ConnectionString).Options);
        return
        [
            await db.Agencies.CountAsync(), await db.Establishments.CountAsync(), await db.ProgrammeDefinitions.CountAsync(),
            await db.Waves.CountAsync(), await db.Groups.CountAsync(), await db.Enrolments.CountAsync(),
            await db.Set<Core.Domain.PhaseProgress>().CountAsync(), await db.TeamMembers.CountAsync(), await db.Sessions.CountAsync(),
        ];
    }

    private static string WorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Benchmark.sln")))
            {
                return Path.Combine(dir.FullName, "workflows");
            }
        }

        throw new InvalidOperationException("Repository root (Benchmark.sln) not found above " + AppContext.BaseDirectory);
    }
}
