using System.Net;
using System.Text.Json;
using Benchmark.Web.Tests.Infrastructure;

namespace Benchmark.Web.Tests.Features.Api;

public sealed class OpenApiTests : IClassFixture<BenchmarkApp>
{
    private static readonly string[] Paths =
    [
        "/api/waves", "/api/waves/{waveId}", "/api/waves/{waveId}/groups", "/api/groups/{groupId}", "/api/enrolments", "/api/enrolments/{enrolmentId}",
        "/api/enrolments/{enrolmentId}/sessions", "/api/establishments", "/api/establishments/{establishmentId}", "/api/sessions/{sessionId}",
        "/api/programmes", "/api/programmes/{definitionId}", "/api/enrolments/{enrolmentId}/indicators", "/api/enrolments/{enrolmentId}/indicator-inputs",
        "/api/waves/{waveId}/indicators", "/api/groups/{groupId}/indicator-benchmark", "/api/enrolments/{enrolmentId}/grid/summaries", "/api/enrolments/{enrolmentId}/ccam-acts",
    ];

    private readonly BenchmarkApp _app;

    public OpenApiTests(BenchmarkApp app) => _app = app;

    [Fact]
    public async Task Document_WhenFetched_ThenValidJsonWithEveryPathFrenchSummariesAndBearerScheme()
    {
        using var client = _app.Client();

        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(Paths.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));
        Assert.Equal("Lire une participation", root.GetProperty("paths").GetProperty("/api/enrolments/{enrolmentId}").GetProperty("get").GetProperty("summary").GetString());
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(root.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task Document_WhenFetched_ThenErrorsAreDeclaredAsProblems()
    {
        using var client = _app.Client();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = json.RootElement.GetProperty("paths");
        var one = paths.GetProperty("/api/waves/{waveId}").GetProperty("get").GetProperty("responses");
        var list = paths.GetProperty("/api/waves").GetProperty("get").GetProperty("responses");

        Assert.True(one.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(list.GetProperty("401").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.False(list.TryGetProperty("404", out _));
    }

    [Fact]
    public async Task ReferencePage_WhenOpened_ThenListsEveryOperationServerSide()
    {
        using var client = _app.Client();

        var response = await client.GetAsync(new Uri("/api/reference", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(Paths, p => Assert.Contains($"<code>{p}</code>", html, StringComparison.Ordinal));
        Assert.Contains("Lister les vagues", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Paramètres de GET /api/enrolments</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer bm_", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=\"http", html, StringComparison.Ordinal);
    }
}
