using System.Net;
using System.Text.RegularExpressions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Tests.Features.Deliverables;
using Benchmark.Web.Tests.Features.Indicators;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Work;

/// <summary>« À traiter »: each person's queue, its decisions from the row, and its scope.</summary>
public sealed class WorkQueueTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Queue = "/a-traiter";

    [Fact]
    public async Task Queue_WhenThreeTeamsSubmitTheirLetters_ThenTheReferentSeesThemOldestFirstAndValidatesOneThenTheOthersTogether()
    {
        // Arrange: three establishments submit the « Lettre d'intention » that the ARS referent approves, one after the other.
        var wave = await new WaveBuilder(app.Services).Programme("office-surgery").Establishments(3).BuildAsync();
        foreach (var team in wave.Teams)
        {
            using var client = await app.SignedInAsync(team.Email);
            Assert.Equal(HttpStatusCode.Redirect, (await DeliverableScenario.UploadAsync(
                client, team.EnrolmentId, "lettre-intention", "lettre.pdf", DeliverableScenario.Pdf(team.Email))).StatusCode);
        }

        using var referent = await app.SignedInAsync(wave.Reviewer);

        // Act 1: the referent opens the queue and validates the oldest letter from its row.
        var html = await referent.GetStringAsync(new Uri(Queue, UriKind.Relative));
        var visas = Rows(html, "visa");
        var first = RenderedForm.From(html, Queue, f => f.Id == "form-visas");
        var validated = await first.SubmitAsync(referent, button: Key(visas[0]));

        // Assert 1: oldest first, one validated, the two others still waiting.
        Assert.Equal(wave.Teams.Select(t => t.EnrolmentId.ToString("N")).ToList(), visas.Select(r => Key(r).Split('|')[0]).ToList());
        Assert.All(visas, r => Assert.Contains("Lettre d'intention", WebUtility.HtmlDecode(r), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Equal(new[] { DeliverableStatus.Approved, DeliverableStatus.Submitted, DeliverableStatus.Submitted }, await StatusesAsync(wave));

        // Act 2: the two others, ticked together with one comment.
        html = await referent.GetStringAsync(new Uri(Queue, UriKind.Relative));
        var rest = Rows(html, "visa");
        var bulk = RenderedForm.From(html, Queue, f => f.Id == "form-visas");
        foreach (var name in wave.Teams.Skip(1).Select(t => t.EstablishmentId))
        {
            bulk.Check($"Sélectionner « Lettre d'intention » (version 1) pour {await NameAsync(name)}");
        }

        var together = await bulk.Fill("Commentaire joint au visa", "Lettres conformes.").SubmitAsync(referent, "Valider la sélection");

        // Assert 2
        Assert.Equal(2, rest.Count);
        Assert.Equal(HttpStatusCode.Redirect, together.StatusCode);
        Assert.Equal(new[] { DeliverableStatus.Approved, DeliverableStatus.Approved, DeliverableStatus.Approved }, await StatusesAsync(wave));
        var comments = await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Deliverables
            .Where(d => d.DeliverableId == "lettre-intention" && wave.Teams.Select(t => t.EnrolmentId).Contains(d.EnrolmentId))
            .SelectMany(d => d.Reviews).Select(r => r.Comment).ToListAsync());
        Assert.Equal(2, comments.Count(c => c == "Lettres conformes."));
        Assert.Empty(Rows(await referent.GetStringAsync(new Uri(Queue, UriKind.Relative)), "visa"));
    }

    [Fact]
    public async Task Queue_WhenAnotherAgencysReferentOrATeamPostsTheRowsKey_ThenNothingIsSeenNorApproved()
    {
        var wave = await new WaveBuilder(app.Services).Programme("office-surgery").BuildAsync();
        var team = wave.Teams[0];
        using (var client = await app.SignedInAsync(team.Email))
        {
            await DeliverableScenario.UploadAsync(client, team.EnrolmentId, "lettre-intention", "lettre.pdf", DeliverableScenario.Pdf());
        }

        using var mine = await app.SignedInAsync(wave.Reviewer);
        var key = Key(Rows(await mine.GetStringAsync(new Uri(Queue, UriKind.Relative)), "visa").Single());
        using var stranger = await app.SignedInAsync(IndicatorWorld.Reviewer);
        using var teamClient = await app.SignedInAsync(team.Email);

        var strangerPage = await stranger.GetStringAsync(new Uri(Queue, UriKind.Relative));
        var forged = await RenderedForm.From(await mine.GetStringAsync(new Uri(Queue, UriKind.Relative)), Queue, f => f.Id == "form-visas")
            .SubmitAsync(stranger, button: key);
        var byTeam = await BenchmarkApp.PostFormAsync(teamClient, $"{Queue}?handler=Viser", new Dictionary<string, string> { ["cle"] = key }, Queue);

        Assert.DoesNotContain(team.EnrolmentId.ToString("N"), strangerPage, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, byTeam.StatusCode);
        Assert.Equal(new[] { DeliverableStatus.Submitted }, await StatusesAsync(wave));
    }

    [Fact]
    public async Task Queue_WhenATeamSubmitsAPeriod_ThenItsConsultantValidatesItFromTheRowAndTheOtherConsultantNeverSeesIt()
    {
        var period = IndicatorWorld.FutureBimonth(3);
        var (enrolment, group, _) = await IndicatorWorld.EnrolmentAsync(app, 0);
        using var team = await app.SignedInAsync(IndicatorWorld.Team);
        var page = $"/participations/{enrolment}/indicateurs/saisie?periode={period}";
        Assert.Equal(HttpStatusCode.Redirect, (await BenchmarkApp.PostFormAsync(team, page + "&handler=Soumettre", IndicatorWorld.ValidFluxInputs(), page)).StatusCode);
        var consultantEmail = await IndicatorWorld.ConsultantOfAsync(app, group);
        var otherEmail = consultantEmail.StartsWith("consultant2", StringComparison.Ordinal) ? "consultant@demo.benchmark.test" : "consultant2@demo.benchmark.test";
        using var consultant = await app.SignedInAsync(consultantEmail);
        using var other = await app.SignedInAsync(otherEmail);

        var html = await consultant.GetStringAsync(new Uri(Queue, UriKind.Relative));
        var row = Rows(html, "periode").Single(r => Key(r).StartsWith(enrolment.ToString("N"), StringComparison.Ordinal) && r.Contains(period, StringComparison.Ordinal));
        var validated = await RenderedForm.From(html, Queue, f => f.Id == "form-periodes").SubmitAsync(consultant, button: Key(row));

        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Equal(IndicatorValueStatus.Validated, await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().IndicatorPeriodReports
            .Where(r => r.EnrolmentId == enrolment && r.Period == period).Select(r => r.Status).SingleAsync()));
        Assert.DoesNotContain(Key(row), await other.GetStringAsync(new Uri(Queue, UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(Key(row), await consultant.GetStringAsync(new Uri(Queue, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_WhenFilteredByAnotherWave_ThenOnlyThatWavesTasksAndTheMenuCountSaysHowManyWait()
    {
        // The consultant of the demo's first groups has work in several waves (periods to validate, sessions, items).
        var (_, fluxGroup, fluxWave) = await IndicatorWorld.EnrolmentAsync(app, 0);
        using var consultant = await app.SignedInAsync(await IndicatorWorld.ConsultantOfAsync(app, fluxGroup));
        var waveName = await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Waves.Where(w => w.Id == fluxWave).Select(w => w.Name).SingleAsync());

        var all = await consultant.GetStringAsync(new Uri(Queue, UriKind.Relative));
        var flux = await consultant.GetStringAsync(new Uri($"{Queue}?vague={fluxWave}", UriKind.Relative));
        var count = await consultant.GetStringAsync(new Uri($"{Queue}?handler=Compte", UriKind.Relative));
        var home = await consultant.GetAsync(new Uri("/", UriKind.Relative));

        var allRows = Regex.Count(all, "<tr data-task=");
        var fluxRows = Regex.Count(flux, "<tr data-task=");
        Assert.InRange(fluxRows, 1, allRows - 1);
        Assert.All(Regex.Matches(flux, "<tr data-task=.*?</tr>", RegexOptions.Singleline), r => Assert.Contains(waveName, WebUtility.HtmlDecode(r.Value), StringComparison.Ordinal));
        Assert.Contains($"({allRows})", count, StringComparison.Ordinal);
        Assert.Equal("/a-traiter", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Count_WhenTheSessionIsOverAndHtmxAsks_ThenNoSignInPageIsSwappedInButTheBrowserIsSentToSignIn()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"{Queue}?handler=Compte", UriKind.Relative));
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Current-URL", "http://localhost/parcours?onglet=1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/connexion?ReturnUrl=%2Fparcours%3Fonglet%3D1", response.Headers.GetValues("HX-Redirect").Single());
    }

    private static List<string> Rows(string html, string kind) =>
        [.. Regex.Matches(html, $"<tr data-task=\"{kind}\"[^>]*>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value)];

    private static string Key(string row) => WebUtility.HtmlDecode(Regex.Match(row, "data-key=\"([^\"]+)\"").Groups[1].Value);

    private Task<string> NameAsync(Guid establishment) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().Establishments.Where(x => x.Id == establishment).Select(x => x.Name).SingleAsync());

    private Task<List<DeliverableStatus>> StatusesAsync(BuiltWave wave) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var ids = wave.Teams.Select(t => t.EnrolmentId).ToList();
        var statuses = await db.Deliverables.Where(d => d.DeliverableId == "lettre-intention" && ids.Contains(d.EnrolmentId))
            .Select(d => new { d.EnrolmentId, d.Status }).ToListAsync();
        return ids.Select(id => statuses.Single(s => s.EnrolmentId == id).Status).ToList();
    });
}
