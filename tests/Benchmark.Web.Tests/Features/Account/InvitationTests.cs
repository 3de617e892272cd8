using System.Net;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Tests.Features.Account;

public sealed class InvitationTests : IClassFixture<QuietBenchmarkApp>
{
    private const string NewPassword = "une phrase de passe solide";
    private readonly QuietBenchmarkApp _app;

    public InvitationTests(QuietBenchmarkApp app) => _app = app;

    [Fact]
    public async Task Invitation_WhenValidLink_ThenSetsPasswordAndSignsIn()
    {
        var (user, link) = await InvitedAsync();
        using var client = _app.Client();

        var page = await client.GetStringAsync(new Uri(link, UriKind.Relative));
        var response = await SetPasswordAsync(client, link, NewPassword, NewPassword);

        Assert.Contains("Activer votre compte", page, StringComparison.Ordinal);
        Assert.Contains(user.Email!, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var account = await client.GetStringAsync(new Uri("/compte", UriKind.Relative));
        Assert.Contains(user.Email!, account, StringComparison.Ordinal);
        Assert.True(await CheckPasswordAsync(user.Id, NewPassword));
    }

    [Fact]
    public async Task Invitation_WhenLinkUsedTwice_ThenRefusedAndPasswordKept()
    {
        var (user, link) = await InvitedAsync();
        using var first = _app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(first, link, NewPassword, NewPassword)).StatusCode);
        using var second = _app.Client();

        var page = WebUtility.HtmlDecode(await second.GetStringAsync(new Uri(link, UriKind.Relative)));
        var response = await SetPasswordAsync(second, link, "une autre phrase de passe", "une autre phrase de passe");

        Assert.Contains("n'est plus valable", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/mot-de-passe-oublie\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("n'est plus valable", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(await CheckPasswordAsync(user.Id, NewPassword));
    }

    [Fact]
    public async Task Invitation_WhenTokenTampered_ThenRefused()
    {
        var (user, link) = await InvitedAsync();
        var tampered = link.Replace("token=", "token=A", StringComparison.Ordinal);
        using var client = _app.Client();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(tampered, UriKind.Relative)));
        var response = await SetPasswordAsync(client, tampered, NewPassword, NewPassword);

        Assert.Contains("n'est plus valable", page, StringComparison.Ordinal);
        Assert.DoesNotContain("benchmark.auth=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);
        Assert.False(await CheckPasswordAsync(user.Id, NewPassword));
    }

    [Fact]
    public async Task Invitation_WhenTokenExpired_ThenRefused()
    {
        // Identity's token provider reads the system clock: a one-tick lifespan makes any token expired when checked.
        using var expiring = _app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromTicks(1))));
        await using var scope = expiring.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await _app.NewUserAsync();
        var link = Local(await PasswordLinks.InvitationAsync(users, scope.ServiceProvider.GetRequiredService<IOptions<MailOptions>>().Value, (await users.FindByIdAsync(user.Id.ToString()))!));
        using var client = expiring.CreateClient(new() { AllowAutoRedirect = false });
        await Task.Delay(10);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(link, UriKind.Relative)));

        Assert.Contains("n'est plus valable", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("court", "Le mot de passe doit comporter au moins 12 caractères.")]
    [InlineData("Motdepasse2024!", "Ce mot de passe figure parmi les mots de passe les plus courants")]
    public async Task Invitation_WhenPasswordRefusedByPolicy_ThenFrenchErrorAndLinkStillValid(string password, string expected)
    {
        var (user, link) = await InvitedAsync();
        using var client = _app.Client();

        var response = await SetPasswordAsync(client, link, password, password);
        var retry = await SetPasswordAsync(client, link, NewPassword, NewPassword);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("fr-input-group--error", html, StringComparison.Ordinal);
        Assert.Contains("fr-error-text", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.True(await CheckPasswordAsync(user.Id, NewPassword));
    }

    [Fact]
    public async Task Invitation_WhenConfirmationDiffers_ThenFrenchErrorAndNothingSaved()
    {
        var (user, link) = await InvitedAsync();
        using var client = _app.Client();

        var response = await SetPasswordAsync(client, link, NewPassword, NewPassword + "x");

        Assert.Contains("Les deux mots de passe ne sont pas identiques.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await CheckPasswordAsync(user.Id, NewPassword));
    }

    private async Task<(AppUser User, string Link)> InvitedAsync()
    {
        var user = await _app.NewUserAsync();
        var link = await _app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await PasswordLinks.InvitationAsync(users, sp.GetRequiredService<IOptions<MailOptions>>().Value, (await users.FindByIdAsync(user.Id.ToString()))!);
        });
        Assert.StartsWith($"http://localhost:5000/invitation?user={user.Id}&token=", link, StringComparison.Ordinal);
        return (user, Local(link));
    }

    private static string Local(string link) => new Uri(link).PathAndQuery;

    private static Task<HttpResponseMessage> SetPasswordAsync(HttpClient client, string link, string password, string confirmation) =>
        BenchmarkApp.PostFormAsync(client, link, new Dictionary<string, string> { ["Password"] = password, ["Confirmation"] = confirmation });

    private Task<bool> CheckPasswordAsync(Guid userId, string password) => _app.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        return await users.CheckPasswordAsync((await users.FindByIdAsync(userId.ToString()))!, password);
    });
}
