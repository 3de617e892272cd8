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
    public async Task Health_WhenDatabaseMigrated_ThenHealthy()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_WhenStarted_ThenListsEveryProgrammeOfWorkflowsInFrench()
    {
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("lang=\"fr\"", html, StringComparison.Ordinal);
        foreach (var id in new[] { "benchmark-bloc-uca", "coaching-imagerie", "gestion-flux-patients", "hdj-medecine", "office-surgery" })
        {
            Assert.Contains($"({id}, version 1)", html, StringComparison.Ordinal);
        }
    }
}
