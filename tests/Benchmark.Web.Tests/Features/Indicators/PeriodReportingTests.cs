using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.Web.Features.Indicators;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>/participations/{enrolmentId}/indicateurs/saisie: entry, French validation, submit, validate, send back, lock, unlock, audit.</summary>
public sealed class PeriodReportingTests : IClassFixture<BenchmarkApp>
{
    // Bimonths a year and more ahead: clear of the demo's seeded values and inside its flux wave's window, which
    // runs to a year after J* + 18 months (IndicatorWindow), some 31 months from today.
    private static readonly string B1 = IndicatorWorld.FutureBimonth(7);
    private static readonly string B2 = IndicatorWorld.FutureBimonth(8);
    private static readonly string B3 = IndicatorWorld.FutureBimonth(9);
    private static readonly string B4 = IndicatorWorld.FutureBimonth(10);
    private static readonly string B5 = IndicatorWorld.FutureBimonth(11);
    private static readonly string B6 = IndicatorWorld.FutureBimonth(12);
    private static readonly string B7 = IndicatorWorld.FutureBimonth(13);
    private static readonly string B8 = IndicatorWorld.FutureBimonth(14);

    private readonly BenchmarkApp _app;

    public PeriodReportingTests(BenchmarkApp app) => _app = app;

    private static string Entry(Guid enrolment, string period, string handler) =>
        $"/participations/{enrolment}/indicateurs/saisie?periode={period}&handler={handler}";

    private static string Page(Guid enrolment, string period) => $"/participations/{enrolment}/indicateurs/saisie?periode={period}";

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid enrolment, string period, string handler, IDictionary<string, string> fields) =>
        await BenchmarkApp.PostFormAsync(client, Entry(enrolment, period, handler), fields, Page(enrolment, period));

    private Task<(IndicatorValueStatus? Report, List<(string Indicator, string Input, decimal? Value, IndicatorValueStatus Status)> Values, List<AuditEvent> Audit)> StateAsync(Guid enrolment, string period) =>
        _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var report = await db.IndicatorPeriodReports.Where(r => r.EnrolmentId == enrolment && r.Period == period).Select(r => (IndicatorValueStatus?)r.Status).SingleOrDefaultAsync();
            var values = (await db.IndicatorValues.Where(v => v.EnrolmentId == enrolment && v.Period == period).ToListAsync())
                .Select(v => (v.IndicatorId, v.InputId, v.Value, v.Status)).ToList();
            var target = PeriodReporting.Target(ReportingPeriod.TryParse(period)!);
            var audit = await db.AuditEvents.Where(a => a.EnrolmentId == enrolment && a.Target == target).OrderBy(a => a.Id).ToListAsync();
            return (report, values, audit);
        });

    [Fact]
    public async Task Submit_WhenTeamEntersValidFrenchNumbers_ThenValuesStoredSubmittedAndAudited()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var response = await PostAsync(team, enrolment, B1, "Soumettre", IndicatorWorld.ValidFluxInputs());

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (report, values, audit) = await StateAsync(enrolment, B1);
        Assert.Equal(IndicatorValueStatus.Submitted, report);
        Assert.Contains(("lits-vides-minuit", "lits_vides_cumules", (decimal?)305.5m, IndicatorValueStatus.Submitted), values);
        Assert.Contains(("ipdms", "journees_realisees", (decimal?)2950m, IndicatorValueStatus.Submitted), values);
        Assert.All(values, v => Assert.Equal(IndicatorValueStatus.Submitted, v.Status));
        var submit = Assert.Single(audit);
        Assert.Equal("indicators.submit", submit.Action);
        Assert.Contains("Nombre de lits vides à minuit — Somme des lits vides relevés à minuit sur la période : ∅ → 305,5", submit.After, StringComparison.Ordinal);
        Assert.StartsWith("soumise ; ", submit.After, StringComparison.Ordinal);
        Assert.Equal("brouillon", submit.Before);
        var page = WebUtility.HtmlDecode(await team.GetStringAsync(new Uri(Page(enrolment, B1), UriKind.Relative)));
        Assert.Contains("Soumise", page, StringComparison.Ordinal);
        Assert.Contains("0,98", page, StringComparison.Ordinal); // IPDMS: round(2950 / 3000, 2)
        Assert.Contains("88,3 %", page, StringComparison.Ordinal); // occupation: round(100 × 7000 / (130 × 61), 1)
        Assert.DoesNotContain("Soumettre la période", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WhenInputsBreakTheRules_Then422FrenchMessagesAndNothingSaved()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        var fields = IndicatorWorld.ValidFluxInputs();
        fields["v.part-sejours-longs.sejours_longs"] = "500";
        fields["v.sorties-matin.sorties"] = "quatre cents";
        fields["v.taux-occupation.jours_periode"] = "70";
        fields["v.ipdms.journees_attendues"] = "";

        // Act
        var response = await PostAsync(team, enrolment, B2, "Soumettre", fields);

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Le nombre de séjours longs ne peut pas dépasser le nombre total de séjours.", html, StringComparison.Ordinal);
        Assert.Contains("« Nombre total de sorties » : saisissez un nombre, par exemple 12,5.", html, StringComparison.Ordinal);
        Assert.Contains("« Nombre de jours de la période » doit être inférieur ou égal à 62.", html, StringComparison.Ordinal);
        Assert.Contains("est obligatoire pour soumettre la période.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"quatre cents\"", html, StringComparison.Ordinal);
        var (report, values, audit) = await StateAsync(enrolment, B2);
        Assert.Null(report);
        Assert.Empty(values);
        Assert.Empty(audit);
    }

    [Fact]
    public async Task Save_WhenDraftIsIncomplete_ThenSavedAsDraftAndEditable()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var response = await PostAsync(team, enrolment, B3, "Enregistrer", new Dictionary<string, string> { ["v.avancement"] = "20" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (report, values, _) = await StateAsync(enrolment, B3);
        Assert.Equal(IndicatorValueStatus.Draft, report);
        Assert.Contains(("avancement", "", (decimal?)20m, IndicatorValueStatus.Draft), values);
        Assert.Contains(values, v => v.Indicator == "ipdms" && v.Value is null);
    }

    [Fact]
    public async Task Preview_WhenHtmxPostsTheForm_ThenComputedValuesAtOnceAndNothingSaved()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        team.DefaultRequestHeaders.Add("HX-Request", "true");

        // Act
        var response = await PostAsync(team, enrolment, B4, "Apercu", new Dictionary<string, string>
        {
            ["v.sorties-matin.sorties_matin"] = "45",
            ["v.sorties-matin.sorties"] = "150",
            ["v.part-sejours-longs.sejours_longs"] = "0",
            ["v.part-sejours-longs.sejours"] = "0",
        });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("<div id=\"calculs\"", html.Trim(), StringComparison.Ordinal);
        Assert.Contains("30 %", html, StringComparison.Ordinal);
        Assert.Contains("non calculable (division par zéro)", html, StringComparison.Ordinal);
        Assert.Contains("Aucun séjour sur la période.", html, StringComparison.Ordinal);
        Assert.Null((await StateAsync(enrolment, B4)).Report);
    }

    [Fact]
    public async Task Review_WhenConsultantValidates_ThenLockedForTeamAndOnlyAdminUnlocksWithJustification()
    {
        // Arrange
        var (enrolment, group, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        using var consultant = await _app.SignedInAsync(await IndicatorWorld.ConsultantOfAsync(_app, group));
        using var admin = await _app.SignedInAsync(IndicatorWorld.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(team, enrolment, B5, "Soumettre", IndicatorWorld.ValidFluxInputs())).StatusCode);

        // Act
        var validated = await PostAsync(consultant, enrolment, B5, "Valider", new Dictionary<string, string> { ["Commentaire"] = "" });
        var teamEdit = await PostAsync(team, enrolment, B5, "Enregistrer", IndicatorWorld.ValidFluxInputs());
        var consultantUnlock = await PostAsync(consultant, enrolment, B5, "Deverrouiller", new Dictionary<string, string> { ["Commentaire"] = "erreur" });
        var unjustified = await PostAsync(admin, enrolment, B5, "Deverrouiller", new Dictionary<string, string> { ["Commentaire"] = " " });
        var afterRefusal = (await StateAsync(enrolment, B5)).Report;
        var unlocked = await PostAsync(admin, enrolment, B5, "Deverrouiller", new Dictionary<string, string> { ["Commentaire"] = "Erreur de saisie signalée par l'établissement" });

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, teamEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, consultantUnlock.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unjustified.StatusCode);
        Assert.Contains("Justifiez le déverrouillage", WebUtility.HtmlDecode(await unjustified.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(IndicatorValueStatus.Validated, afterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var (report, values, audit) = await StateAsync(enrolment, B5);
        Assert.Equal(IndicatorValueStatus.Draft, report);
        Assert.All(values, v => Assert.Equal(IndicatorValueStatus.Draft, v.Status));
        Assert.Equal(["indicators.submit", "indicators.validate", "indicators.unlock"], audit.Select(a => a.Action));
        Assert.Equal("Erreur de saisie signalée par l'établissement", audit[^1].Justification);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(team, enrolment, B5, "Enregistrer", IndicatorWorld.ValidFluxInputs())).StatusCode);
    }

    [Fact]
    public async Task Review_WhenConsultantSendsBack_ThenCommentRequiredAndTeamSeesItAndMayResubmit()
    {
        // Arrange
        var (enrolment, group, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        using var consultant = await _app.SignedInAsync(await IndicatorWorld.ConsultantOfAsync(_app, group));
        await PostAsync(team, enrolment, B6, "Soumettre", IndicatorWorld.ValidFluxInputs());

        // Act
        var silent = await PostAsync(consultant, enrolment, B6, "Renvoyer", new Dictionary<string, string> { ["Commentaire"] = "" });
        var sentBack = await PostAsync(consultant, enrolment, B6, "Renvoyer", new Dictionary<string, string> { ["Commentaire"] = "Le nombre de lits semble faux." });
        var teamPage = WebUtility.HtmlDecode(await team.GetStringAsync(new Uri(Page(enrolment, B6), UriKind.Relative)));
        var resubmitted = await PostAsync(team, enrolment, B6, "Soumettre", IndicatorWorld.ValidFluxInputs());

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, silent.StatusCode);
        Assert.Contains("Indiquez à l'équipe ce qu'il faut corriger.", WebUtility.HtmlDecode(await silent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Contains("Le nombre de lits semble faux.", teamPage, StringComparison.Ordinal);
        Assert.Contains("Renvoyée", teamPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(IndicatorValueStatus.Submitted, (await StateAsync(enrolment, B6)).Report);
    }

    [Fact]
    public async Task Review_WhenTeamMemberOrReviewerTriesToValidate_ThenNotFoundAndNothingChanges()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        using var reviewer = await _app.SignedInAsync(IndicatorWorld.Reviewer);
        await PostAsync(team, enrolment, B7, "Soumettre", IndicatorWorld.ValidFluxInputs());

        // Act
        var byTeam = await PostAsync(team, enrolment, B7, "Valider", new Dictionary<string, string>());
        var byReviewer = await PostAsync(reviewer, enrolment, B7, "Valider", new Dictionary<string, string>());

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, byTeam.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byReviewer.StatusCode);
        Assert.Equal(IndicatorValueStatus.Submitted, (await StateAsync(enrolment, B7)).Report);
    }

    [Fact]
    public async Task Save_WhenTwentyFirstEntriesOfOnePeriodRace_ThenEachIsSavedWholeOrRefused409InFrench()
    {
        // Arrange: one anti-forgery token, twenty first saves of one empty period at once (each creates the report and its values).
        const int count = 20;
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);
        var fields = IndicatorWorld.ValidFluxInputs();
        fields["__RequestVerificationToken"] = BenchmarkApp.AntiforgeryToken(await team.GetStringAsync(new Uri(Page(enrolment, B8), UriKind.Relative)));
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, count).Select(async _ =>
        {
            await start.WaitAsync();
            using var content = new FormUrlEncodedContent(fields);
            using var response = await team.PostAsync(new Uri(Entry(enrolment, B8, "Enregistrer"), UriKind.Relative), content);
            return (response.StatusCode, Text: WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }).ToList();

        // Act
        start.Release(count);
        var results = await Task.WhenAll(racers);

        // Assert: a loser of the unique key is told in French (409), never a 500; the winners' saves are whole.
        Assert.All(results, r => Assert.True(
            r.StatusCode == HttpStatusCode.Redirect
                || (r.StatusCode == HttpStatusCode.Conflict && r.Text.Contains(Web.Features.Indicators.PeriodReporting.Concurrent, StringComparison.Ordinal)),
            $"{(int)r.StatusCode} {r.Text[..Math.Min(400, r.Text.Length)]}"));
        // Whether the twenty requests overlap is the scheduler's choice: the outcome must hold either way, so no count of
        // losers is asserted (UnitOfWorkTests pins which failures are conflicts).
        Assert.Contains(results, r => r.StatusCode == HttpStatusCode.Redirect);
        var (report, values, audit) = await StateAsync(enrolment, B8);
        Assert.Equal(IndicatorValueStatus.Draft, report);
        Assert.Equal(values.Count, values.Select(v => (v.Indicator, v.Input)).Distinct().Count());
        Assert.Contains(("lits-vides-minuit", "lits_vides_cumules", (decimal?)305.5m, IndicatorValueStatus.Draft), values);
        Assert.Equal(results.Count(r => r.StatusCode == HttpStatusCode.Redirect), audit.Count(a => a.Action == "indicators.save"));
    }

    [Fact]
    public async Task Entry_WhenOtherEstablishmentOrUnknownPeriodType_ThenNotFound()
    {
        // Arrange
        var (neighbour, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 1);
        var (mine, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var theirs = await team.GetAsync(new Uri(Page(neighbour, B1), UriKind.Relative));
        var post = await BenchmarkApp.PostFormAsync(team, Entry(neighbour, B1, "Soumettre"), IndicatorWorld.ValidFluxInputs(), Page(mine, B1));
        var monthly = await team.GetAsync(new Uri(Page(mine, "2030-M01"), UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, monthly.StatusCode);
        Assert.Null((await StateAsync(neighbour, B1)).Report);
    }
}
