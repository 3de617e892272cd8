using System.Net;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Errors;

/// <summary>/erreur/{code}: the French error page for 404, 500 and the others, in the layout, with the original status.</summary>
public sealed class ErrorPagesTests : IClassFixture<BenchmarkApp>
{
    /// <summary>The message of the simulated failure: it must never reach the person.</summary>
    internal const string Breakdown = "Panne simulée par le test";

    private readonly BenchmarkApp _app;

    public ErrorPagesTests(BenchmarkApp app) => _app = app;

    [Fact]
    public async Task UnknownUrl_WhenAnonymous_Then404FrenchPageWithSignInAndSecurityHeaders()
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri("/nexiste-pas", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertErrorPage(response, html, "Page non trouvée", "Erreur 404");
        Assert.Contains("href=\"/connexion\">Se connecter</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUrl_WhenSignedIn_Then404FrenchPageInTheirLayout()
    {
        using var client = await _app.SignedInAsync("equipe@demo.benchmark.test");

        using var response = await client.GetAsync(new Uri("/nexiste-pas/du-tout", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertErrorPage(response, html, "Page non trouvée", "Erreur 404");
        Assert.Contains("Se déconnecter", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Se connecter</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUrl_WhenPostedWithoutToken_ThenStill404FrenchPage()
    {
        using var client = await _app.SignedInAsync("equipe@demo.benchmark.test");

        using var form = new FormUrlEncodedContent([]);
        using var response = await client.PostAsync(new Uri("/nexiste-pas", UriKind.Relative), form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertErrorPage(response, html, "Page non trouvée", "Erreur 404");
    }

    [Fact]
    public async Task UnknownUrl_WhenHtmxRequest_ThenStatusOnly()
    {
        using var client = await _app.SignedInAsync("equipe@demo.benchmark.test");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/nexiste-pas", UriKind.Relative));
        request.Headers.Add("HX-Request", "true");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Journey_WhenAnotherEstablishmentsEnrolment_Then404FrenchPageWithoutTheirData()
    {
        var other = await _app.WithServicesAsync(sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return db.Enrolments.IgnoreAutoIncludes()
                .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == DemoSeeder.DemoFiness[1]))
                .Select(e => e.Id).FirstAsync();
        });
        using var team = await _app.SignedInAsync("equipe@demo.benchmark.test");

        using var response = await team.GetAsync(new Uri($"/parcours/{other}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertErrorPage(response, html, "Page non trouvée", "Erreur 404");
        Assert.DoesNotContain("Clinique des Calanques bleues", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WhenUnhandledExceptionInProduction_Then500FrenchPageWithoutTechnicalDetail()
    {
        using var broken = Broken(_app);
        using var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await BenchmarkApp.SignInAsync(client, "equipe@demo.benchmark.test");

        using var response = await client.GetAsync(new Uri("/tableau-de-bord", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertErrorPage(response, html, "Erreur inattendue", "Erreur 500");
        Assert.DoesNotContain(Breakdown, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Benchmark.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "Accès refusé")]
    [InlineData(400, "Requête incorrecte")]
    [InlineData(999, "Page non trouvée")]
    public async Task ErrorPage_WhenOpenedWithACode_ThenThatStatusAndItsFrenchTitle(int code, string title)
    {
        using var client = _app.Client();

        using var response = await client.GetAsync(new Uri($"/erreur/{code}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(code == 999 ? 404 : code, (int)response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    /// <summary>
    /// The app in Production, where the exception handler (not the developer page) answers, with the access scope
    /// failing: the dashboards and the API use it, the sign-in page and the error page do not.
    /// </summary>
    internal static WebApplicationFactory<Program> Broken(BenchmarkApp app) => app.WithWebHostBuilder(b => b
        .UseEnvironment("Production")
        .ConfigureServices(services =>
            services.AddScoped<AccessScope>(_ => throw new InvalidOperationException(Breakdown))));

    private static void AssertErrorPage(HttpResponseMessage response, string html, string title, string status)
    {
        var text = WebUtility.HtmlDecode(html);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"fr\"", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{title} — Benchmark</title>", text, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", text, StringComparison.Ordinal);
        Assert.Contains(status, text, StringComparison.Ordinal);
        Assert.Contains("<a class=\"fr-btn\" href=\"/\">Page d'accueil</a>", text, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
