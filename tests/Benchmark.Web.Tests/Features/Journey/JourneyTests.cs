using System.Net;
using System.Text.RegularExpressions;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Journey;

/// <summary>/parcours/{enrolmentId}: access through the scope, the phases, today's position and the open gate.</summary>
public sealed class JourneyTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public JourneyTests(BenchmarkApp app) => _app = app;

    [Fact]
    public async Task Journey_WhenEnrolmentOfAnotherEstablishment_ThenNotFoundForTeamMemberAndShownToAdmin()
    {
        var other = await EnrolmentOfAsync(DemoSeeder.DemoFiness[1], "gestion-flux-patients");
        using var team = await _app.SignedInAsync("equipe@demo.benchmark.test");
        using var admin = await _app.SignedInAsync("admin@demo.benchmark.test");

        var forTeam = await team.GetAsync(new Uri($"/parcours/{other}", UriKind.Relative));
        var forAdmin = await admin.GetAsync(new Uri($"/parcours/{other}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, forTeam.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forAdmin.StatusCode);
        Assert.Contains("Clinique des Calanques bleues", WebUtility.HtmlDecode(await forAdmin.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journey_WhenGroupHasSessions_ThenEachLinksToItsSessionPage()
    {
        var mine = await EnrolmentOfAsync(DemoSeeder.DemoFiness[0], "gestion-flux-patients");
        using var client = await _app.SignedInAsync("equipe@demo.benchmark.test");

        var html = await client.GetStringAsync(new Uri($"/parcours/{mine}", UriKind.Relative));
        var links = Regex.Matches(html, "href=\"(/seances/[0-9a-f-]{36})\"").Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task Journey_WhenEnrolmentOfAGroupTheConsultantDoesNotFollow_ThenNotFound()
    {
        var ids = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.Identity.AppUser>>();
            var consultant = (await users.FindByEmailAsync("consultant@demo.benchmark.test"))!.Id;
            return (
                Mine: await db.Enrolments.Where(e => db.Groups.Any(g => g.Id == e.GroupId && g.ConsultantId == consultant)).Select(e => e.Id).FirstAsync(),
                Theirs: await db.Enrolments.Where(e => db.Groups.Any(g => g.Id == e.GroupId && g.ConsultantId != consultant)).Select(e => e.Id).FirstAsync());
        });
        using var client = await _app.SignedInAsync("consultant@demo.benchmark.test");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/parcours/{ids.Mine}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/parcours/{ids.Theirs}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/parcours/{Guid.NewGuid()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Journey_WhenOwnEnrolment_ThenPhasesStepperTodayAndWhatTheGateNeeds()
    {
        var mine = await EnrolmentOfAsync(DemoSeeder.DemoFiness[0], "gestion-flux-patients");
        var phases = await _app.WithServicesAsync(async sp =>
            (await sp.GetRequiredService<BenchmarkDbContext>().ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == "gestion-flux-patients")).Parse().Phases);
        using var client = await _app.SignedInAsync("equipe@demo.benchmark.test");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/parcours/{mine}", UriKind.Relative)));

        Assert.Contains("class=\"fr-stepper\"", html, StringComparison.Ordinal);
        Assert.Contains($"Étape 1 sur {phases.Count}", html, StringComparison.Ordinal);
        Assert.All(phases, p => Assert.Contains(p.Title, html, StringComparison.Ordinal));
        Assert.Contains("En cours", html, StringComparison.Ordinal);
        Assert.Contains("Aujourd'hui", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"date\"", html, StringComparison.Ordinal);
        Assert.Contains("Engagement écrit du Directoire de l'établissement", html[html.IndexOf("conditions-restantes", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journey_WhenWaveStartsLater_ThenTodayComesFirstAndDatesAreInOrder()
    {
        var mine = await EnrolmentOfAsync(DemoSeeder.DemoFiness[0], "gestion-flux-patients");
        using var client = await _app.SignedInAsync("equipe@demo.benchmark.test");

        var html = await client.GetStringAsync(new Uri($"/parcours/{mine}", UriKind.Relative));

        var timeline = html[html.IndexOf("id=\"calendrier\"", StringComparison.Ordinal)..];
        var items = Regex.Matches(timeline, "<li[^>]*>(.*?)</li>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Contains("Aujourd'hui", items[0], StringComparison.Ordinal);
        var dates = items.Select(i => Regex.Match(i, "datetime=\"(\\d{4}-\\d{2}-\\d{2})").Groups[1].Value).ToList();
        Assert.True(items.Count > 10);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    private Task<Guid> EnrolmentOfAsync(string finess, string programme) => _app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        return await db.Enrolments
            .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == finess)
                && db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == programme)))
            .Select(e => e.Id).SingleAsync();
    });
}
