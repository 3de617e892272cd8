using System.Net;
using Benchmark.Data.Identity;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Account;

public sealed class SignInTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public SignInTests(BenchmarkApp app) => _app = app;

    [Theory]
    [InlineData("admin@demo.benchmark.test")]
    [InlineData("referent@demo.benchmark.test")]
    [InlineData("consultant@demo.benchmark.test")]
    [InlineData("equipe@demo.benchmark.test")]
    public async Task SignIn_WhenDemoAccount_ThenDashboardGreetsThem(string email)
    {
        using var client = await _app.SignedInAsync(email);

        var html = await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        Assert.Contains("Tableau de bord", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WhenAnonymous_ThenRedirectsToSignIn()
    {
        using var client = _app.Client();

        var response = await client.GetAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WhenWrongPassword_ThenFrenchErrorAndNoCookie()
    {
        using var client = _app.Client();

        var response = await BenchmarkApp.PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = "equipe2@demo.benchmark.test", ["Password"] = "pas-le-bon-mot-de-passe" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("fr-alert--error", html, StringComparison.Ordinal);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("benchmark.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_WhenPostedWithoutAntiforgeryToken_ThenRefused()
    {
        using var client = _app.Client();

        var response = await client.PostAsync(new Uri("/connexion", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "admin@demo.benchmark.test", ["Password"] = BenchmarkApp.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WhenSucceeded_ThenAuthCookieIsHttpOnlyAndLax()
    {
        using var client = _app.Client();

        var response = await BenchmarkApp.PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = "referent@demo.benchmark.test", ["Password"] = BenchmarkApp.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("benchmark.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_WhenFiveFailures_ThenLockedOutWithFrenchMessageEvenWithRightPassword()
    {
        var email = $"verrou-{Guid.NewGuid():N}"[..20] + "@exemple.test";
        await _app.WithServicesAsync(async sp =>
        {
            var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, FullName = "Victor Verrou" };
            return await sp.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, "une phrase de passe solide");
        });
        using var client = _app.Client();
        for (var i = 0; i < 5; i++)
        {
            await BenchmarkApp.PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "mauvais mot de passe" });
        }

        var response = await BenchmarkApp.PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "une phrase de passe solide" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ce compte est verrouillé après plusieurs essais infructueux.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/mot-de-passe-oublie\"", html, StringComparison.Ordinal);
    }
}
