using System.Net;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Security;

namespace Benchmark.Web.Tests.Features.Account;

/// <summary>Security finding 5: a session ends on the server when its person signs out, not when its cookie expires.</summary>
public sealed class SignOutTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task SignOut_WhenTheCookieIsReplayedAfterwards_ThenPagesAskToSignInAndTheApiAnswers401()
    {
        using var client = app.Client();
        using var signedIn = await RateLimitTests.SignInAsync(client, "consultant@demo.benchmark.test", BenchmarkApp.Password);
        var stolen = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("benchmark.auth=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(stolen, "/tableau-de-bord")).StatusCode);

        var form = await RenderedForm.FromAsync(client, "/tableau-de-bord", f => f.Action.EndsWith("/deconnexion", StringComparison.Ordinal));
        using var signedOut = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var page = await ReplayAsync(stolen, "/tableau-de-bord");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/connexion", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var api = await ReplayAsync(stolen, "/api/waves");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SignOut_WhenAnotherBrowserOfTheSamePersonIsSignedIn_ThenThatOneStays()
    {
        using var here = await app.SignedInAsync("referent@demo.benchmark.test");
        using var elsewhere = await app.SignedInAsync("referent@demo.benchmark.test");

        var form = await RenderedForm.FromAsync(here, "/tableau-de-bord", f => f.Action.EndsWith("/deconnexion", StringComparison.Ordinal));
        (await form.SubmitAsync(here)).Dispose();

        using var still = await elsewhere.GetAsync(new Uri("/tableau-de-bord", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    private async Task<HttpResponseMessage> ReplayAsync(string cookie, string path)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
