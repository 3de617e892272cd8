using System.Globalization;
using System.Net;
using Benchmark.Web.Infrastructure.Security;

namespace Benchmark.Web.Tests.Infrastructure.Security;

/// <summary>Security finding 5: credential attempts are limited per account and per client address (429, in French).</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task SignIn_WhenOneAccountIsTriedBeyondItsLimit_Then429FrenchPage_AndAnotherAccountStillSignsIn()
    {
        using var app = new BenchmarkApp();
        app.Settings["RateLimits:PerAccountPermits"] = "3";
        app.Settings["RateLimits:PerAddressPermits"] = "60";
        using var client = app.Client();
        for (var i = 0; i < 3; i++)
        {
            using var refused = await SignInAsync(client, " Equipe2@demo.benchmark.test", "pas le bon mot de passe");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using var limited = await SignInAsync(client, "equipe2@demo.benchmark.test", BenchmarkApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells when to try again");
        var html = WebUtility.HtmlDecode(await limited.Content.ReadAsStringAsync());
        Assert.Contains("<h1>Trop de tentatives</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Erreur 429", html, StringComparison.Ordinal);
        Assert.False(limited.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("benchmark.auth=", StringComparison.Ordinal)));

        using var colleague = await SignInAsync(app.Client(), "admin@demo.benchmark.test", BenchmarkApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, colleague.StatusCode);
    }

    [Fact]
    public async Task SignIn_WhenADozenColleaguesSignInFromOneAddress_ThenNoneIsRefusedByDefault()
    {
        using var app = new BenchmarkApp();
        var defaults = new RateLimitOptions();
        app.Settings["RateLimits:PerAddressPermits"] = defaults.PerAddressPermits.ToString(CultureInfo.InvariantCulture);
        app.Settings["RateLimits:PerAccountPermits"] = defaults.PerAccountPermits.ToString(CultureInfo.InvariantCulture);
        string[] accounts = ["admin", "referent", "consultant", "consultant2", "equipe", "equipe2", "equipe3"];

        foreach (var account in accounts.Concat(accounts))
        {
            using var response = await SignInAsync(app.Client(), $"{account}@demo.benchmark.test", BenchmarkApp.Password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task ApiToken_WhenOneAddressKeepsPresentingWrongTokens_Then429ProblemWithRetryAfter()
    {
        using var app = new BenchmarkApp();
        app.Settings["RateLimits:PerAddressPermits"] = "2";
        using var client = app.Client();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last?.Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/waves", UriKind.Relative));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", $"bm_devine{i}");
            last = await client.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        using var limited = last!;
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After tells when to try again");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("too_many_requests", problem.GetProperty("code").GetString());
        Assert.Equal("Trop de requêtes", problem.GetProperty("title").GetString());
    }

    internal static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await RenderedForm.FromAsync(client, "/connexion", f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase));
        return await form.Fill("Adresse électronique", email).Fill("Mot de passe", password).SubmitAsync(client);
    }
}
