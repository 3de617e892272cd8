using System.Net;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Benchmark.Web.Tests.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Account;

public sealed class MyAccountTests : IClassFixture<QuietBenchmarkApp>
{
    private const string Password = "une phrase de passe solide";
    private readonly QuietBenchmarkApp _app;

    public MyAccountTests(QuietBenchmarkApp app) => _app = app;

    [Theory]
    [InlineData("admin@demo.benchmark.test", "Alice Administratrice (ARS)", "Administrateur ARS")]
    [InlineData("consultant@demo.benchmark.test", "Coralie Consultante", "Consultant")]
    [InlineData("equipe@demo.benchmark.test", "Estelle Équipe (CH de Port-Lumière)", "Membre d'équipe projet")]
    public async Task MyAccount_WhenSignedIn_ThenShowsNameEmailAndFrenchRole(string email, string name, string role)
    {
        using var client = await _app.SignedInAsync(email);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/compte", UriKind.Relative)));

        Assert.Contains("<h1>Mon compte</h1>", html, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains(email, html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"fr-tag\">{role}</p>", html, StringComparison.Ordinal);
        Assert.Contains("Se déconnecter partout", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WhenCurrentPasswordWrong_ThenFrenchErrorAndUnchanged()
    {
        var user = await _app.NewUserAsync(Password);
        using var client = await _app.SignedInAsync(user.Email!, Password);

        var response = await ChangeAsync(client, "pas le bon mot de passe", "un nouveau secret bien long");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Mot de passe incorrect.", html, StringComparison.Ordinal);
        Assert.Contains("fr-input-group--error", html, StringComparison.Ordinal);
        (await _app.SignedInAsync(user.Email!, Password)).Dispose();
    }

    [Fact]
    public async Task ChangePassword_WhenCurrentPasswordWrongFiveTimes_ThenAccountLockedLikeSignIn()
    {
        // Security finding 5: twelve wrong current passwords in a row did not lock the account.
        var user = await _app.NewUserAsync(Password);
        using var client = await _app.SignedInAsync(user.Email!, Password);
        for (var i = 0; i < 5; i++)
        {
            (await ChangeThroughFormAsync(client, "pas le bon mot de passe", "un nouveau secret bien long")).Dispose();
        }

        using var response = await ChangeThroughFormAsync(client, Password, "un nouveau secret bien long");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ce compte est verrouillé après plusieurs essais infructueux.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mot de passe modifié", html, StringComparison.Ordinal);
        using var signIn = await RateLimitTests.SignInAsync(_app.Client(), user.Email!, Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Ce compte est verrouillé", WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WhenNewPasswordTooShort_ThenFrenchError()
    {
        var user = await _app.NewUserAsync(Password);
        using var client = await _app.SignedInAsync(user.Email!, Password);

        var response = await ChangeAsync(client, Password, "court");

        Assert.Contains("Le mot de passe doit comporter au moins 12 caractères.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WhenValid_ThenNewPasswordWorksAndThisSessionStays()
    {
        var user = await _app.NewUserAsync(Password);
        using var client = await _app.SignedInAsync(user.Email!, Password);

        var response = await ChangeAsync(client, Password, "un nouveau secret bien long");

        Assert.Contains("Mot de passe modifié", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/compte", UriKind.Relative))).StatusCode);
        (await _app.SignedInAsync(user.Email!, "un nouveau secret bien long")).Dispose();
    }

    [Theory]
    [InlineData("azertyuiopqsdfghjk", "touches voisines du clavier")]
    [InlineData("1qaz2wsx3edc4rfv", "touches voisines du clavier")]
    [InlineData("Azerty-Qsdfgh-2026", "touches voisines du clavier")]
    [InlineData("987654321abcdef", "touches voisines du clavier")]
    [InlineData(BenchmarkApp.Password, "comptes de démonstration")]
    [InlineData("benchmark-DEMO-2027!", "comptes de démonstration")]
    public async Task ChangePassword_WhenKeyboardWalkOrTheDemoPassword_ThenRefusedInFrench(string weak, string reason)
    {
        // Security finding 5: long keyboard walks and the README's demo password were accepted on any account.
        var user = await _app.NewUserAsync(Password);
        using var client = await _app.SignedInAsync(user.Email!, Password);

        using var response = await ChangeThroughFormAsync(client, Password, weak);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mot de passe modifié", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WhenAPassphraseWithAFewNeighbouringKeys_ThenAccepted()
    {
        var user = await _app.NewUserAsync(Password);
        using var client = await _app.SignedInAsync(user.Email!, Password);

        using var response = await ChangeThroughFormAsync(client, Password, "abc du jardin, 12 tulipes rouges");

        Assert.Contains("Mot de passe modifié", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_WhenPosted_ThenAnotherClientsCookieIsRejected()
    {
        var user = await _app.NewUserAsync(Password);
        using var here = await _app.SignedInAsync(user.Email!, Password);
        using var elsewhere = await _app.SignedInAsync(user.Email!, Password);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(new Uri("/compte", UriKind.Relative))).StatusCode);

        var response = await BenchmarkApp.PostFormAsync(here, "/compte?handler=SignOutEverywhere", new Dictionary<string, string>(), formPage: "/compte");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/connexion", response.Headers.Location!.OriginalString);
        var rejected = await elsewhere.GetAsync(new Uri("/compte", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.StartsWith("/connexion", rejected.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await here.GetAsync(new Uri("/compte", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_WhenTokensAreToBeRevokedToo_ThenTheApiTokenAndTheFeedStop()
    {
        // Security finding 5: signing out everywhere can also revoke what a stolen session may have created.
        var user = await _app.NewUserAsync(Password);
        using var here = await _app.SignedInAsync(user.Email!, Password);
        await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            db.PersonalAccessTokens.Add(new PersonalAccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "Intégration", Hash = "a", Prefix = "bm_a", CreatedAt = DateTimeOffset.UnixEpoch });
            db.CalendarFeeds.Add(new CalendarFeed { Id = Guid.NewGuid(), UserId = user.Id, TokenHash = "b", CreatedAt = DateTimeOffset.UnixEpoch });
            return await db.SaveChangesAsync();
        });
        var form = await RenderedForm.FromAsync(here, "/compte", f => f.Action.Contains("handler=SignOutEverywhere", StringComparison.Ordinal));

        var response = await form.Check("Révoquer aussi mes jetons d'accès à l'API et mon lien d'agenda").SubmitAsync(here);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var alive = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.PersonalAccessTokens.CountAsync(t => t.UserId == user.Id && t.RevokedAt == null),
                await db.CalendarFeeds.CountAsync(f => f.UserId == user.Id && f.RevokedAt == null));
        });
        Assert.Equal((0, 0), alive);
    }

    private static async Task<HttpResponseMessage> ChangeThroughFormAsync(HttpClient client, string current, string next)
    {
        var form = await RenderedForm.FromAsync(client, "/compte", f => f.Action.Contains("handler=ChangePassword", StringComparison.Ordinal));
        return await form.Fill("Mot de passe actuel", current).Fill("Nouveau mot de passe", next)
            .Fill("Confirmez le nouveau mot de passe", next).SubmitAsync(client);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next) =>
        BenchmarkApp.PostFormAsync(client, "/compte?handler=ChangePassword",
            new Dictionary<string, string> { ["CurrentPassword"] = current, ["NewPassword"] = next, ["Confirmation"] = next }, formPage: "/compte");
}
