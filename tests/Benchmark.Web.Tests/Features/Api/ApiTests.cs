using System.Net;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Api;

public sealed class ApiTests : IClassFixture<BenchmarkApp>
{
    private const string PortLumiere = "Centre hospitalier de Port-Lumière";
    private const string Calanques = "Clinique des Calanques bleues";
    private readonly BenchmarkApp _app;

    public ApiTests(BenchmarkApp app) => _app = app;

    [Fact]
    public async Task Api_WhenAnonymous_Then401WithBearerChallengeAndNoRedirect()
    {
        using var client = _app.Client();

        var response = await client.GetAsync(new Uri("/api/waves", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Api_WhenSignedInWithCookie_ThenSameScopeAsPages()
    {
        using var admin = await _app.SignedInAsync("admin@demo.benchmark.test");
        using var team = await _app.SignedInAsync("equipe@demo.benchmark.test");

        var adminWaves = await ApiClient.GetJsonAsync(admin, "/api/waves");
        var teamEnrolments = await ApiClient.GetJsonAsync(team, "/api/enrolments");

        Assert.Equal(5, adminWaves.GetArrayLength());
        Assert.NotEmpty(ApiClient.Strings(teamEnrolments, "establishmentName"));
        Assert.All(ApiClient.Strings(teamEnrolments, "establishmentName"), n => Assert.Equal(PortLumiere, n));
    }

    [Fact]
    public async Task Token_WhenCreated_ThenBearerCallsSeeOnlyTheOwnersScopeAndLastUseIsRecorded()
    {
        using var owner = await _app.SignedInAsync("equipe@demo.benchmark.test");
        var token = await ApiClient.CreateTokenAsync(owner, "Tableur de suivi");
        using var api = ApiClient.WithToken(_app, token);
        var otherEnrolment = await EnrolmentOfAsync(Calanques);

        var enrolments = await ApiClient.GetJsonAsync(api, "/api/enrolments");
        var establishments = await ApiClient.GetJsonAsync(api, "/api/establishments");
        var forbidden = await api.GetAsync(new Uri($"/api/enrolments/{otherEnrolment}", UriKind.Relative));

        Assert.All(ApiClient.Strings(enrolments, "establishmentName"), n => Assert.Equal(PortLumiere, n));
        Assert.Equal([PortLumiere], ApiClient.Strings(establishments, "name"));
        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Calanques, await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await StoredTokenAsync(token);
        Assert.NotNull(stored.LastUsedAt);
    }

    [Fact]
    public async Task Token_WhenStored_ThenOnlyItsHashIsKeptAndThePageNeverShowsItAgain()
    {
        using var owner = await _app.SignedInAsync("consultant@demo.benchmark.test");
        var token = await ApiClient.CreateTokenAsync(owner, "Script d'export", days: "30");

        var stored = await StoredTokenAsync(token);
        var page = await owner.GetStringAsync(new Uri("/compte/jetons", UriKind.Relative));

        Assert.Equal(64, stored.Hash.Length);
        Assert.DoesNotContain(token, stored.Hash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.StartsWith("bm_", stored.Prefix, StringComparison.Ordinal);
        Assert.NotNull(stored.ExpiresAt);
        Assert.Contains("Script d&#x27;export", page.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(token, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WhenRevoked_ThenApiAnswers401()
    {
        using var owner = await _app.SignedInAsync("consultant2@demo.benchmark.test");
        var token = await ApiClient.CreateTokenAsync(owner, "À révoquer");
        using var api = ApiClient.WithToken(_app, token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/waves", UriKind.Relative))).StatusCode);
        var id = (await StoredTokenAsync(token)).Id;

        var revoke = await BenchmarkApp.PostFormAsync(owner, $"/compte/jetons/{id}/revoquer", new Dictionary<string, string>());
        var after = await api.GetAsync(new Uri("/api/waves", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.NotNull((await StoredTokenAsync(token)).RevokedAt);
        Assert.Contains("Révoqué", await owner.GetStringAsync(new Uri("/compte/jetons", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WhenExpired_ThenApiAnswers401()
    {
        using var owner = await _app.SignedInAsync("referent@demo.benchmark.test");
        var token = await ApiClient.CreateTokenAsync(owner, "Expire bientôt", days: "1");
        await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var hash = Web.Infrastructure.Api.TokenSecret.Hash(token);
            var stored = await db.PersonalAccessTokens.SingleAsync(t => t.Hash == hash);
            stored.ExpiresAt = sp.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        using var api = ApiClient.WithToken(_app, token);

        var response = await api.GetAsync(new Uri("/api/waves", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("bm_nimportequoi")]
    [InlineData("pas-un-jeton")]
    public async Task Token_WhenUnknown_ThenApiAnswers401(string token)
    {
        using var api = ApiClient.WithToken(_app, token);

        var response = await api.GetAsync(new Uri("/api/establishments", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_WhenPresentedToAPage_ThenThePageStillAsksToSignIn()
    {
        using var owner = await _app.SignedInAsync("admin@demo.benchmark.test");
        var token = await ApiClient.CreateTokenAsync(owner, "Intégration");
        using var api = ApiClient.WithToken(_app, token);

        var response = await api.GetAsync(new Uri("/compte/jetons", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "Donnez un nom au jeton")]
    [InlineData("Valide", "0", "entre 1 et 365")]
    [InlineData("Valide", "douze", "entre 1 et 365")]
    public async Task TokenPage_WhenInputInvalid_ThenFrenchErrorAndNothingSaved(string name, string days, string error)
    {
        using var owner = await _app.SignedInAsync("equipe2@demo.benchmark.test");
        var before = await CountTokensAsync();

        var response = await BenchmarkApp.PostFormAsync(owner, "/compte/jetons", new Dictionary<string, string> { ["Name"] = name, ["ExpiresInDays"] = days });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("fr-error-text", html, StringComparison.Ordinal);
        Assert.Contains(error, html, StringComparison.Ordinal);
        Assert.Equal(before, await CountTokensAsync());
    }

    [Fact]
    public async Task Enrolment_WhenRead_ThenPhasesChecklistProgressAndDeliverables()
    {
        using var consultant = await _app.SignedInAsync("consultant@demo.benchmark.test");
        var enrolments = await ApiClient.GetJsonAsync(consultant, "/api/enrolments");
        var id = enrolments[0].GetProperty("id").GetString();

        var detail = await ApiClient.GetJsonAsync(consultant, $"/api/enrolments/{id}");
        var sessions = await ApiClient.GetJsonAsync(consultant, $"/api/enrolments/{id}/sessions");

        Assert.NotEqual(0, detail.GetProperty("phases").GetArrayLength());
        Assert.Equal("Open", detail.GetProperty("phases")[0].GetProperty("status").GetString());
        Assert.True(detail.GetProperty("checklist").GetProperty("applicable").GetInt32() > 0);
        Assert.NotEqual(0, detail.GetProperty("deliverables").GetArrayLength());
        Assert.NotEqual(0, sessions.GetArrayLength());
        Assert.All(sessions.EnumerateArray(), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("title").GetString())));
    }

    [Fact]
    public async Task Enrolments_WhenFilteredByWave_ThenOnlyThatWave()
    {
        using var admin = await _app.SignedInAsync("admin@demo.benchmark.test");
        var waves = await ApiClient.GetJsonAsync(admin, "/api/waves");
        var waveId = waves[0].GetProperty("id").GetString()!;

        var all = await ApiClient.GetJsonAsync(admin, "/api/enrolments");
        var filtered = await ApiClient.GetJsonAsync(admin, $"/api/enrolments?waveId={waveId}");

        Assert.Equal(8, filtered.GetArrayLength());
        Assert.All(ApiClient.Strings(filtered, "waveId"), w => Assert.Equal(waveId, w));
        Assert.True(all.GetArrayLength() > filtered.GetArrayLength());
    }

    [Fact]
    public async Task Groups_WhenConsultant_ThenOnlyTheGroupsTheyFollow()
    {
        using var consultant = await _app.SignedInAsync("consultant@demo.benchmark.test");
        var waves = await ApiClient.GetJsonAsync(consultant, "/api/waves");
        var waveId = waves[0].GetProperty("id").GetString();

        var groups = await ApiClient.GetJsonAsync(consultant, $"/api/waves/{waveId}/groups");
        var group = await ApiClient.GetJsonAsync(consultant, $"/api/groups/{groups[0].GetProperty("id").GetString()}");

        Assert.All(ApiClient.Strings(groups, "consultantName"), n => Assert.Equal("Coralie Consultante", n));
        Assert.NotEqual(0, group.GetProperty("enrolments").GetArrayLength());
    }

    [Fact]
    public async Task Programmes_WhenTeamMember_ThenNoneAndDetail404()
    {
        using var admin = await _app.SignedInAsync("admin@demo.benchmark.test");
        using var team = await _app.SignedInAsync("equipe@demo.benchmark.test");
        var programmes = await ApiClient.GetJsonAsync(admin, "/api/programmes");
        var id = programmes[0].GetProperty("id").GetString();

        var teamList = await ApiClient.GetJsonAsync(team, "/api/programmes");
        var teamDetail = await team.GetAsync(new Uri($"/api/programmes/{id}", UriKind.Relative));
        var adminDetail = await ApiClient.GetJsonAsync(admin, $"/api/programmes/{id}");

        Assert.Equal(5, programmes.GetArrayLength());
        Assert.Equal(0, teamList.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, teamDetail.StatusCode);
        Assert.NotEqual(0, adminDetail.GetProperty("phases").GetArrayLength());
    }

    private Task<Guid> EnrolmentOfAsync(string establishment) => _app.WithServicesAsync(sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        return db.Enrolments.IgnoreAutoIncludes().Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Name == establishment)).Select(e => e.Id).FirstAsync();
    });

    private Task<PersonalAccessToken> StoredTokenAsync(string token) => _app.WithServicesAsync(sp =>
    {
        var hash = Web.Infrastructure.Api.TokenSecret.Hash(token);
        return sp.GetRequiredService<BenchmarkDbContext>().PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.Hash == hash);
    });

    private Task<int> CountTokensAsync() => _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().PersonalAccessTokens.CountAsync());
}
