using System.Net;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Benchmark.Web.Tests.Hosting;

/// <summary>Security finding 5: behind a TLS proxy (ForwardedHeaders:Enabled), the client's scheme and address count.</summary>
public sealed class ForwardedHeadersTests
{
    private static readonly Uri Public = new("http://benchmark.ars.example/");

    [Fact]
    public async Task Request_WhenProxyForwardsHttps_ThenHttpsLinksHstsAndSecureCookies()
    {
        using var app = new BenchmarkApp();
        app.Settings["ForwardedHeaders:Enabled"] = "true";
        using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Public });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var redirect = await client.GetAsync(new Uri("/tableau-de-bord", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("https://benchmark.ars.example/connexion", redirect.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);

        using var page = await client.GetAsync(new Uri("/connexion", UriKind.Relative));
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "HSTS is sent to the proxy's https clients");
        var csrf = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("benchmark.csrf=", StringComparison.Ordinal));
        Assert.Contains("secure", csrf, StringComparison.OrdinalIgnoreCase);

        using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri("/connexion", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "equipe@demo.benchmark.test", ["Password"] = BenchmarkApp.Password,
                ["__RequestVerificationToken"] = BenchmarkApp.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        signIn.Headers.Add("Cookie", csrf.Split(';')[0]);
        using var signedIn = await client.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("benchmark.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RateLimit_WhenProxyForwardsClientAddresses_ThenEachClientHasItsOwnAllowance()
    {
        using var app = new BenchmarkApp();
        app.Settings["ForwardedHeaders:Enabled"] = "true";
        app.Settings["RateLimits:PerAddressPermits"] = "2";

        Assert.Equal(HttpStatusCode.OK, await ForgotAsync(app, "203.0.113.7", "un@exemple.test"));
        Assert.Equal(HttpStatusCode.OK, await ForgotAsync(app, "203.0.113.7", "deux@exemple.test"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ForgotAsync(app, "203.0.113.7", "trois@exemple.test"));
        Assert.Equal(HttpStatusCode.OK, await ForgotAsync(app, "203.0.113.8", "trois@exemple.test"));
    }

    private static async Task<HttpStatusCode> ForgotAsync(BenchmarkApp app, string clientAddress, string email)
    {
        using var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        var form = await RenderedForm.FromAsync(client, "/mot-de-passe-oublie", f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        using var response = await form.Fill("Adresse électronique", email).SubmitAsync(client);
        return response.StatusCode;
    }
}
