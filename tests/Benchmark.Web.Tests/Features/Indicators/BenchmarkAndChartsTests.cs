using System.Net;
using System.Text.Json;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>Run charts, the group benchmark (anonymised for teams), the fiche de restitution, completeness, and the API, on the seeded demo values.</summary>
public sealed class BenchmarkAndChartsTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public BenchmarkAndChartsTests(BenchmarkApp app) => _app = app;

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Names and FINESS of the other establishments of a group.</summary>
    private Task<List<(string Name, string Finess)>> OthersInGroupAsync(Guid group, Guid except) => _app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        return (await db.Enrolments.IgnoreAutoIncludes().Where(e => e.GroupId == group && e.Id != except)
            .Join(db.Establishments, e => e.EstablishmentId, x => x.Id, (e, x) => new { x.Name, x.Finess }).ToListAsync())
            .Select(x => (x.Name, x.Finess)).ToList();
    });

    [Fact]
    public async Task Demo_WhenSeeded_ThenFluxAndImagingEnrolmentsHavePastPeriods()
    {
        // Act
        var periods = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var (flux, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
            var (imaging, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0, "coaching-imagerie");
            return (
                Flux: await db.IndicatorPeriodReports.CountAsync(r => r.EnrolmentId == flux),
                Imaging: await db.IndicatorPeriodReports.CountAsync(r => r.EnrolmentId == imaging),
                Validated: await db.IndicatorValues.CountAsync(v => v.EnrolmentId == flux && v.Status == IndicatorValueStatus.Validated));
        });

        // Assert
        Assert.Equal(4, periods.Flux);
        Assert.Equal(6, periods.Imaging);
        Assert.True(periods.Validated > 0);
    }

    [Fact]
    public async Task Charts_WhenTeamOpensOwnRunCharts_ThenCanvasDataAndAccessibleTables()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var raw = await team.GetStringAsync(new Uri($"/participations/{enrolment}/indicateurs/graphiques", UriKind.Relative));
        var html = WebUtility.HtmlDecode(raw);

        // Assert
        Assert.Contains("data-chart=\"{&quot;kind&quot;:&quot;run&quot;", raw, StringComparison.Ordinal);
        Assert.Contains("<caption>Part des sorties le matin par période</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">", html, StringComparison.Ordinal);
        Assert.Contains("Médiane de la série", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cible :", html, StringComparison.Ordinal); // no feuille de route submitted: no target line
        Assert.Contains("&quot;target&quot;:null", raw, StringComparison.Ordinal);
        Assert.Contains("/js/charts.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Benchmark_WhenTeamMember_ThenAlwaysAnonymisedOwnNamedAndNoOtherNameOrFiness()
    {
        // Arrange
        var (enrolment, group, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        var others = await OthersInGroupAsync(group, enrolment);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var html = await HtmlAsync(team, $"/groupes/{group}/indicateurs?indicateur=sorties-matin&anonyme=false");
        var api = await team.GetStringAsync(new Uri($"/api/groups/{group}/indicator-benchmark?indicatorId=sorties-matin&anonymised=false", UriKind.Relative));

        // Assert
        Assert.Contains("Centre hospitalier de Port-Lumière", html, StringComparison.Ordinal);
        Assert.Contains("Établissement A", html, StringComparison.Ordinal);
        Assert.Contains("Mode anonymisé", html, StringComparison.Ordinal);
        Assert.NotEmpty(others);
        foreach (var (name, finess) in others)
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(finess, html, StringComparison.Ordinal);
            Assert.DoesNotContain(name, api, StringComparison.Ordinal);
            Assert.DoesNotContain(finess, api, StringComparison.Ordinal);
        }

        var dto = JsonDocument.Parse(api).RootElement;
        Assert.True(dto.GetProperty("anonymised").GetBoolean());
        Assert.Equal(1, dto.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("named").GetBoolean()));
        Assert.True(dto.GetProperty("entries").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task Benchmark_WhenConsultant_ThenNamesByDefaultAndLettersOnlyWhenAnonymised()
    {
        // Arrange
        var (enrolment, group, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var consultant = await _app.SignedInAsync(await IndicatorWorld.ConsultantOfAsync(_app, group));

        // Act
        var named = await HtmlAsync(consultant, $"/groupes/{group}/indicateurs?indicateur=ipdms");
        var anonymous = await HtmlAsync(consultant, $"/groupes/{group}/indicateurs?indicateur=ipdms&anonyme=true");

        // Assert
        Assert.Contains("Centre hospitalier de Port-Lumière", named, StringComparison.Ordinal);
        Assert.Contains("Médiane", named, StringComparison.Ordinal);
        Assert.Contains("<caption>Distribution du groupe</caption>", named, StringComparison.Ordinal);
        Assert.Contains("<caption>Nombre d'établissements par classe de valeurs</caption>", named, StringComparison.Ordinal);
        foreach (var (name, _) in await OthersInGroupAsync(group, Guid.Empty))
        {
            Assert.DoesNotContain(name, anonymous, StringComparison.Ordinal);
        }

        Assert.Contains("Établissement A", anonymous, StringComparison.Ordinal);
        Assert.Contains("Établissement B", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Benchmark_WhenTeamMemberAsksAnotherGroupOrTheWaveExport_ThenNotFound()
    {
        // Arrange
        var (_, otherGroup, wave) = await IndicatorWorld.EnrolmentAsync(_app, 1);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var page = await team.GetAsync(new Uri($"/groupes/{otherGroup}/indicateurs", UriKind.Relative));
        var api = await team.GetAsync(new Uri($"/api/groups/{otherGroup}/indicator-benchmark", UriKind.Relative));
        var export = await team.GetAsync(new Uri($"/vagues/{wave}/indicateurs/export?format=csv", UriKind.Relative));
        var suivi = await team.GetAsync(new Uri($"/vagues/{wave}/indicateurs/suivi", UriKind.Relative));
        var waveApi = await team.GetAsync(new Uri($"/api/waves/{wave}/indicators", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, suivi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, waveApi.StatusCode);
    }

    [Fact]
    public async Task WaveBenchmark_WhenTeamMember_ThenOnlyOwnNameAmongEightEstablishments()
    {
        // Arrange
        var (_, _, wave) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var html = await HtmlAsync(team, $"/vagues/{wave}/indicateurs?indicateur=avancement");

        // Assert
        Assert.Contains("Centre hospitalier de Port-Lumière", html, StringComparison.Ordinal);
        var everyone = await _app.WithServicesAsync(async sp =>
            await sp.GetRequiredService<BenchmarkDbContext>().Establishments.Where(x => DemoSeeder.DemoFiness.Contains(x.Finess)).Select(x => new { x.Name, x.Finess }).ToListAsync());
        Assert.Equal(8, everyone.Count);
        foreach (var x in everyone)
        {
            Assert.DoesNotContain(x.Finess, html, StringComparison.Ordinal);
            if (x.Name != "Centre hospitalier de Port-Lumière")
            {
                Assert.DoesNotContain(x.Name, html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Fiche_WhenPrinted_ThenSummaryTableWithGroupMedianAndPrintStyles()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var html = await HtmlAsync(team, $"/participations/{enrolment}/indicateurs/fiche");

        // Assert
        Assert.Contains("Fiche de restitution — Centre hospitalier de Port-Lumière", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Synthèse des indicateurs</caption>", html, StringComparison.Ordinal);
        Assert.Contains("Médiane du groupe", html, StringComparison.Ordinal);
        Assert.Contains("/css/indicators.css", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        var css = await team.GetStringAsync(new Uri("/css/indicators.css", UriKind.Relative));
        Assert.Contains("@media print", css, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completeness_WhenConsultant_ThenPerGroupAndPeriodCountsWithLateAndMissing()
    {
        // Arrange
        var (_, group, wave) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var consultant = await _app.SignedInAsync(await IndicatorWorld.ConsultantOfAsync(_app, group));

        // Act
        var html = await HtmlAsync(consultant, $"/vagues/{wave}/indicateurs/suivi");

        // Assert
        Assert.Contains("Complétude et ponctualité", html, StringComparison.Ordinal);
        Assert.Contains("4 / 4 (100 %)", html, StringComparison.Ordinal);
        Assert.Contains("3 / 4 (75 %)", html, StringComparison.Ordinal); // one establishment in four has not reported the last period
    }

    [Fact]
    public async Task Api_WhenTeamReadsOwnValues_ThenComputedPerPeriodAndOthersNotFound()
    {
        // Arrange
        var (mine, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        var (theirs, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 1);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var values = JsonDocument.Parse(await team.GetStringAsync(new Uri($"/api/enrolments/{mine}/indicators", UriKind.Relative))).RootElement;
        var inputs = JsonDocument.Parse(await team.GetStringAsync(new Uri($"/api/enrolments/{mine}/indicator-inputs", UriKind.Relative))).RootElement;
        var other = await team.GetAsync(new Uri($"/api/enrolments/{theirs}/indicators", UriKind.Relative));

        // Assert
        Assert.Contains(values.EnumerateArray(), v => v.GetProperty("indicatorId").GetString() == "ipdms" && v.GetProperty("value").ValueKind == JsonValueKind.Number);
        Assert.Contains(inputs.EnumerateArray(), v => v.GetProperty("inputId").GetString() == "journees_attendues");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }
}
