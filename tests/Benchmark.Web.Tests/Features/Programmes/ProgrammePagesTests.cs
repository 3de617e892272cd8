using System.Net;
using Benchmark.Web.Tests.Features.Waves;
using Benchmark.Web.Tests.Infrastructure;

namespace Benchmark.Web.Tests.Features.Programmes;

public sealed class ProgrammePagesTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public ProgrammePagesTests(BenchmarkApp app) => _app = app;

    [Theory]
    [InlineData(ArsData.Admin)]
    [InlineData(ArsData.Reviewer)]
    [InlineData(ArsData.Consultant)]
    public async Task Index_WhenArsStaffOrConsultant_ThenListsProgrammesWithVersions(string email)
    {
        using var client = await _app.SignedInAsync(email);
        var definition = await _app.DefinitionAsync("gestion-flux-patients");

        var html = await client.GetStringAsync(ArsData.Url("/programmes"));

        Assert.Contains("gestion-flux-patients", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/programmes/{definition.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("utilisée par 1 vague(s)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_WhenTeamMember_Then404()
    {
        using var client = await _app.SignedInAsync(ArsData.Team);

        var response = await client.GetAsync(ArsData.Url("/programmes"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Details_WhenAnchorsGiven_ThenShowsYamlSummaryAndCalendarPerPhase()
    {
        using var client = await _app.SignedInAsync(ArsData.Reviewer);
        var definition = await _app.DefinitionAsync("gestion-flux-patients");

        var html = await client.GetStringAsync(ArsData.Url($"/programmes/{definition.Id}?Anchors%5BJ%5D=2027-01-04&Anchors%5BJ*%5D=2027-01-18"));

        Assert.Contains("<pre", html, StringComparison.Ordinal);
        Assert.Contains("id: gestion-flux-patients", html, StringComparison.Ordinal);
        Assert.Contains("Calendrier de la phase", html, StringComparison.Ordinal);
        Assert.Contains("du mar. 02/02/2027", html.Replace("Du ", "du ", StringComparison.Ordinal), StringComparison.Ordinal); // Phase I due: J* + 15 days
        Assert.Contains("lun. 18/01/2027", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-01-18\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_WhenNoAnchorGiven_ThenEveryAnchorDefaultsToAMonday()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var definition = await _app.DefinitionAsync("gestion-flux-patients");

        var html = await client.GetStringAsync(ArsData.Url($"/programmes/{definition.Id}"));

        var values = System.Text.RegularExpressions.Regex.Matches(html, "name=\"Anchors\\[[^\\]]+\\]\"\\s+value=\"([0-9-]+)\"").Select(m => DateOnly.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, values.Count);
        Assert.All(values, v => Assert.Equal(DayOfWeek.Monday, v.DayOfWeek));
        Assert.Contains("Calendrier de la phase", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_WhenAnchorMalformed_ThenFrenchErrorUnderTheField()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var definition = await _app.DefinitionAsync("gestion-flux-patients");

        var html = await client.GetStringAsync(ArsData.Url($"/programmes/{definition.Id}?Anchors%5BJ%5D=demain"));

        Assert.Contains("fr-error-text", html, StringComparison.Ordinal);
        Assert.Contains("n'est pas valide", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_WhenUnknownId_Then404()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);

        var response = await client.GetAsync(ArsData.Url($"/programmes/{Guid.NewGuid()}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
