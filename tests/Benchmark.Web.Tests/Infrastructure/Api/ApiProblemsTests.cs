using System.Net;
using System.Text.Json;
using Benchmark.Core.Common;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Api;
using Benchmark.Web.Tests.Features.Errors;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Api;

/// <summary>Every error under /api is RFC 9457 Problem Details: French title, status, and a stable code.</summary>
public sealed class ApiProblemsTests : IClassFixture<BenchmarkApp>
{
    private const string NotFound = "Ressource introuvable";

    private readonly BenchmarkApp _app;

    public ApiProblemsTests(BenchmarkApp app) => _app = app;

    [Fact]
    public async Task UnknownPath_WhenAnonymous_Then404ProblemNotARedirect()
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri("/api/nexiste-pas", UriKind.Relative));

        Assert.Null(response.Headers.Location);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, NotFound, "not_found");
    }

    [Fact]
    public async Task UnknownPath_WhenSignedIn_Then404Problem()
    {
        using var client = await _app.SignedInAsync("consultant@demo.benchmark.test");

        using var response = await client.GetAsync(new Uri("/api/waves/pas-un-identifiant", UriKind.Relative));

        await AssertProblemAsync(response, HttpStatusCode.NotFound, NotFound, "not_found");
    }

    [Fact]
    public async Task Endpoint_WhenAnonymous_Then401ProblemWithBearerChallenge()
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri("/api/waves", UriKind.Relative));

        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Authentification requise", "unauthenticated");
    }

    [Fact]
    public async Task WrongMethod_WhenAnonymous_Then401ProblemNotTheSignInPage()
    {
        using var client = _app.Client();

        // No endpoint takes POST here: the 405 endpoint falls back to the cookie, whose challenge would redirect.
        using var form = new FormUrlEncodedContent([]);
        using var response = await client.PostAsync(new Uri("/api/waves", UriKind.Relative), form);

        Assert.Null(response.Headers.Location);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Authentification requise", "unauthenticated");
    }

    [Fact]
    public async Task Object_WhenOutOfScopeOrMissing_ThenTheSame404Problem()
    {
        using var team = await _app.SignedInAsync("equipe@demo.benchmark.test");
        var other = await _app.WithServicesAsync(sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return db.Enrolments.IgnoreAutoIncludes()
                .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Name == "Clinique des Calanques bleues"))
                .Select(e => e.Id).FirstAsync();
        });

        using var forbidden = await team.GetAsync(new Uri($"/api/enrolments/{other}", UriKind.Relative));
        using var missing = await team.GetAsync(new Uri($"/api/enrolments/{Guid.NewGuid()}", UriKind.Relative));

        var problem = await AssertProblemAsync(forbidden, HttpStatusCode.NotFound, NotFound, "not_found");
        var absent = await AssertProblemAsync(missing, HttpStatusCode.NotFound, NotFound, "not_found");
        Assert.Equal("La participation introuvable.", problem.GetProperty("detail").GetString());
        Assert.Equal(absent.GetProperty("detail").GetString(), problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Endpoint_WhenUnhandledExceptionInProduction_Then500ProblemWithoutTechnicalDetail()
    {
        using var broken = ErrorPagesTests.Broken(_app);
        using var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BenchmarkApp.SignInAsync(client, "admin@demo.benchmark.test");

        using var response = await client.GetAsync(new Uri("/api/waves", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        await AssertProblemAsync(response, HttpStatusCode.InternalServerError, "Erreur inattendue", "unexpected_error");
        Assert.DoesNotContain(ErrorPagesTests.Breakdown, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("not_found", 404, "Ressource introuvable")]
    [InlineData("not_allowed", 403, "Accès refusé")]
    [InlineData("invalid", 422, "Données invalides")]
    [InlineData("conflict", 409, "Conflit avec l'état actuel")]
    public void ToProblem_WhenAnError_ThenItsStatusFrenchTitleCodeAndMessage(string code, int status, string title)
    {
        var result = new Error(code, "Message pour la personne.").ToProblem();

        Assert.Equal(status, result.StatusCode);
        Assert.Equal("application/problem+json", result.ContentType);
        Assert.Equal(title, result.ProblemDetails.Title);
        Assert.Equal("Message pour la personne.", result.ProblemDetails.Detail);
        Assert.Equal(code, result.ProblemDetails.Extensions["code"]);
    }

    [Fact]
    public void ToProblem_WhenTheErrorNamesAField_ThenItsMessageUnderErrors()
    {
        var result = Error.Invalid("L'avancement est un pourcentage entre 0 et 100.", "Progress").ToProblem();

        var errors = Assert.IsType<Dictionary<string, string[]>>(result.ProblemDetails.Extensions["errors"]);
        Assert.Equal(["L'avancement est un pourcentage entre 0 et 100."], errors["Progress"]);
        Assert.False(new Error("invalid", "Sans champ.").ToProblem().ProblemDetails.Extensions.ContainsKey("errors"));
    }

    private static async Task<JsonElement> AssertProblemAsync(
        HttpResponseMessage response, HttpStatusCode status, string title, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
