using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Benchmark.Web.Tests.Hosting;

/// <summary>The web host on its embedded default: SQLite migrated at start, definitions registered, health probe.</summary>
public sealed class HostTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("host-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public HostTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("App:DataDirectory", _dataDirectory)
            .UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_dataDirectory, "benchmark.db")}"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public void Configuration_WhenContentRootHasNoAppsettings_ThenTheRootFileCopiedNextToTheExecutableIsRead()
    {
        var configuration = _factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var environment = _factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>();

        Assert.False(File.Exists(Path.Combine(environment.ContentRootPath, "appsettings.json")));
        Assert.Equal("Warning", configuration["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"]);
        Assert.Equal(_dataDirectory, configuration["App:DataDirectory"]);
    }

    [Fact]
    public async Task Health_WhenDatabaseMigrated_ThenHealthy()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Start_WhenEmbeddedDefault_ThenEveryProgrammeOfWorkflowsIsRegistered()
    {
        using var client = _factory.CreateClient();

        var programmes = await WithDatabaseAsync(db => db.ProgrammeDefinitions.Select(p => p.ProgrammeId + "@" + p.Version).ToListAsync());

        Assert.Equal(["benchmark-bloc-uca@1", "coaching-imagerie@1", "gestion-flux-patients@1", "hdj-medecine@1", "office-surgery@1"], programmes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Home_WhenAnonymous_ThenRedirectsToTheFrenchSignInPage()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true });

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains("Se connecter à Benchmark", html, StringComparison.Ordinal);
    }

    private async Task<T> WithDatabaseAsync<T>(Func<BenchmarkDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>());
    }
}
