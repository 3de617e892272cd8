using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>
/// Run charts read with the IHI rules, and the changes the team tested: noted through the form the page renders,
/// drawn on the chart, audited, removed; only the establishment's own team writes them, its consultant reads them.
/// </summary>
public sealed class RunChartReadingTests : IClassFixture<BenchmarkApp>
{
    private const string Indicator = "transferts-sau-faute-de-place";
    private readonly BenchmarkApp _app;

    public RunChartReadingTests(BenchmarkApp app) => _app = app;

    private static string ChartsPath(Guid enrolment) => $"/participations/{enrolment}/indicateurs/graphiques";

    /// <summary>The team's flux enrolment with a long history of transfers (once per fixture).</summary>
    private async Task<Guid> EnrolmentWithHistoryAsync()
    {
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        var has = await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().IndicatorValues
            .AnyAsync(v => v.EnrolmentId == enrolment && v.IndicatorId == Indicator && v.Period == RunChartHistory.Periods(RunChartHistory.ShiftThenDrop.Length)[0].Key));
        if (!has)
        {
            await RunChartHistory.AddAsync(_app, enrolment, Indicator, RunChartHistory.ShiftThenDrop);
        }

        return enrolment;
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Charts_WhenEighteenPointsStartHigh_ThenShiftFlaggedInWordsAndOnItsPoints()
    {
        // Arrange
        var enrolment = await EnrolmentWithHistoryAsync();
        var first = RunChartHistory.Periods(RunChartHistory.ShiftThenDrop.Length)[0];
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var html = await HtmlAsync(team, ChartsPath(enrolment));

        // Assert: the sentence, the marker named in the table, the shape in the chart's data; other charts say why not yet
        Assert.Matches(@"Déplacement \(losange sur le graphique\) : 7 points consécutifs au-dessus de la médiane \(de \S+ \d{4} à", html);
        Assert.Contains("signe d'un changement durable, pas du hasard.", html, StringComparison.Ordinal);
        Assert.Contains("dans le sens défavorable", html, StringComparison.Ordinal); // fewer transfers is better
        Assert.Contains("Trop peu de points pour appliquer les règles du graphique de suivi (4 sur 10).", html, StringComparison.Ordinal);
        var row = System.Text.RegularExpressions.Regex.Match(html, $"<tr data-periode=\"{first.Key}\">.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Contains("Déplacement (losange)", row.Value, StringComparison.Ordinal);
        var section = System.Text.RegularExpressions.Regex.Match(html, $"<section[^>]*id=\"graphique-{Indicator}\">.*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("\"styles\":[\"rectRot\"", section, StringComparison.Ordinal);
        Assert.Contains("\"fromZero\":true", section, StringComparison.Ordinal);
        Assert.DoesNotContain("axe ne partant pas de zéro", section, StringComparison.Ordinal);
    }

    [Fact]
    public void StartsAtZero_WhenValuesSitInAThinBandFarFromZero_ThenNotAndThePageSaysSo()
    {
        Assert.False(Web.Features.Indicators.RunChart.StartsAtZero([92m, 95m, 97m, 94m]));
        Assert.True(Web.Features.Indicators.RunChart.StartsAtZero([20m, 35m, 41m]));
        Assert.True(Web.Features.Indicators.RunChart.StartsAtZero([-3m, 4m]));
        Assert.True(Web.Features.Indicators.RunChart.StartsAtZero([50m, 50m]));
    }

    [Fact]
    public async Task Annotate_WhenTeamFillsTheRenderedForm_ThenDrawnListedAuditedThenRemoved()
    {
        // Arrange
        var enrolment = await EnrolmentWithHistoryAsync();
        var period = RunChartHistory.Periods(RunChartHistory.ShiftThenDrop.Length)[7];
        var date = period.Start.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        var form = await RenderedForm.FromAsync(team, ChartsPath(enrolment), f => f.Id == "noter-changement");

        // Act 1: note a change on the transfers chart
        var added = await form.Fill("Date du changement", date)
            .Choose("Indicateur concerné", "Transferts depuis le SAU faute de place disponible")
            .Fill("Changement testé", "Lits d'aval réservés chaque matin")
            .SubmitAsync(team);
        var html = await HtmlAsync(team, ChartsPath(enrolment));

        // Assert 1
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Le changement testé est noté sur les graphiques.", html, StringComparison.Ordinal);
        Assert.Contains($"{period.Start.AddDays(10):dd/MM/yyyy} — Lits d'aval réservés chaque matin", html, StringComparison.Ordinal);
        Assert.Contains("\"marks\":[{\"index\":7,\"number\":1}]", html, StringComparison.Ordinal);
        var audit = await AuditAsync(enrolment, "indicators.annotate");
        Assert.Equal("Graphique : Transferts depuis le SAU faute de place disponible", audit.Target);
        Assert.EndsWith("Lits d'aval réservés chaque matin", audit.After, StringComparison.Ordinal);

        // Act 2: remove it with the button the list renders
        var remove = RenderedForm.From(await team.GetStringAsync(new Uri(ChartsPath(enrolment), UriKind.Relative)), ChartsPath(enrolment),
            f => f.Action.Contains("handler=RemoveAnnotation", StringComparison.Ordinal));
        var removed = await remove.SubmitAsync(team);
        var after = await HtmlAsync(team, ChartsPath(enrolment));

        // Assert 2
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("Lits d'aval réservés chaque matin", after, StringComparison.Ordinal);
        Assert.Equal("Graphique : Transferts depuis le SAU faute de place disponible", (await AuditAsync(enrolment, "indicators.annotation-remove")).Target);
    }

    [Fact]
    public async Task Annotate_WhenTextMissing_Then422WithTheMessageAndTheDateKept()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        var form = await RenderedForm.FromAsync(team, ChartsPath(enrolment), f => f.Id == "noter-changement");

        // Act
        var response = await form.Fill("Date du changement", "2027-03-15").SubmitAsync(team);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Décrivez le changement testé.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-03-15\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Annotate_WhenConsultantOrAnotherEstablishmentsTeam_ThenReadOnlyOrNotFound()
    {
        // Arrange: an annotation of establishment 0's team
        var (mine, group, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        var (theirs, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 1);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        await (await RenderedForm.FromAsync(team, ChartsPath(mine), f => f.Id == "noter-changement"))
            .Fill("Date du changement", "2027-02-01").Fill("Changement testé", "Réunion de lits quotidienne").SubmitAsync(team);
        var id = await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().ChartAnnotations
            .Where(a => a.EnrolmentId == mine && a.Text == "Réunion de lits quotidienne").Select(a => a.Id).SingleAsync());
        using var consultant = await _app.SignedInAsync(await IndicatorWorld.ConsultantOfAsync(_app, group));
        using var other = await _app.SignedInAsync(IndicatorWorld.Team2);

        // Act
        var read = await HtmlAsync(consultant, ChartsPath(mine));
        var consultantPost = await BenchmarkApp.PostFormAsync(consultant, ChartsPath(mine) + "?handler=Annotate",
            new Dictionary<string, string> { ["Date"] = "2027-02-02", ["Texte"] = "Essai du consultant" }, ChartsPath(mine));
        var otherPost = await BenchmarkApp.PostFormAsync(other, ChartsPath(mine) + "?handler=RemoveAnnotation",
            new Dictionary<string, string> { ["annotationId"] = id.ToString() }, ChartsPath(theirs));
        var otherOwnPost = await BenchmarkApp.PostFormAsync(other, ChartsPath(theirs) + "?handler=RemoveAnnotation",
            new Dictionary<string, string> { ["annotationId"] = id.ToString() }, ChartsPath(theirs));
        var otherRead = await other.GetAsync(new Uri(ChartsPath(mine), UriKind.Relative));

        // Assert: the consultant reads it without a form; no one else writes; the annotation is still there
        Assert.Contains("Réunion de lits quotidienne", read, StringComparison.Ordinal);
        Assert.DoesNotContain("noter-changement", read, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=RemoveAnnotation", read, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, consultantPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherOwnPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherRead.StatusCode);
        Assert.True(await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().ChartAnnotations.AnyAsync(a => a.Id == id)));
    }

    private Task<AuditEvent> AuditAsync(Guid enrolment, string action) => _app.WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().AuditEvents.Where(a => a.EnrolmentId == enrolment && a.Action == action)
            .OrderByDescending(a => a.Id).FirstAsync());
}
