using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Roadmap;

/// <summary>/parcours/{enrolmentId}/feuille-de-route: draft, submission through the deliverables service, scope, bad input, live tracking.</summary>
public sealed class RoadmapPageTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Team = "equipe@demo.benchmark.test";
    private const string Programme = "gestion-flux-patients";
    private const string Deliverable = "feuille-de-route";

    internal static Dictionary<string, string> Action(string title, string start, string due, string progress = "0", string status = "NotStarted") => new()
    {
        ["Form.Actions[0].Title"] = title,
        ["Form.Actions[0].Lever"] = "Gestion opérationnelle",
        ["Form.Actions[0].Owner"] = "Cadre de santé",
        ["Form.Actions[0].Start"] = start,
        ["Form.Actions[0].Due"] = due,
        ["Form.Actions[0].Priority"] = "High",
        ["Form.Actions[0].Status"] = status,
        ["Form.Actions[0].Progress"] = progress,
        ["Form.Actions[0].ExpectedImpact"] = "Moins de patients hébergés",
        ["Form.Risks[0].Type"] = "Organisation",
        ["Form.Risks[0].Description"] = "Faible adhésion des équipes",
        ["Form.Risks[0].Gravity"] = "3",
        ["Form.Risks[0].Probability"] = "3",
        ["Form.Risks[0].Mitigation"] = "Présentation en CME",
        ["Form.Risks[0].Owner"] = "Directeur",
        ["Form.Risks[0].Due"] = "2027-02-01",
    };

    private static string PathOf(Guid enrolment) => $"/parcours/{enrolment}/feuille-de-route";

    [Fact]
    public async Task Save_WhenValidDraft_ThenStoredAndShownWithTheRiskMatrix()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        using var client = await app.SignedInAsync(Team);

        var response = await BenchmarkApp.PostFormAsync(client, PathOf(enrolment) + "?handler=Save", Action("Cellule de gestion des lits", "2027-01-04", "2027-03-31"), PathOf(enrolment));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var draft = await DraftAsync(enrolment);
        Assert.Equal("Cellule de gestion des lits", Assert.Single(draft!.Actions).Title);
        Assert.Equal(9, Assert.Single(draft.Risks).Criticity);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.Contains("Matrice de criticité", html, StringComparison.Ordinal);
        Assert.Contains("9 – rouge", html, StringComparison.Ordinal);
        Assert.Contains("Cartographie des risques", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Form.Actions[0].Due", "2026-12-01", "l'échéance doit suivre le début")]
    [InlineData("Form.Actions[0].Progress", "140", "l'avancement est un pourcentage entre 0 et 100")]
    [InlineData("Form.Risks[0].Gravity", "7", "la gravité se note de 1 à 4")]
    [InlineData("Form.Actions[0].Start", "31/02/2027", "n'est pas une date")]
    [InlineData("Form.Actions[0].Owner", "", "indiquez le responsable")]
    public async Task Save_WhenBadInput_ThenFrenchErrorAndNothingSaved(string field, string value, string message)
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, "hdj-medecine");
        using var client = await app.SignedInAsync(Team);
        var fields = Action("Action", "2027-01-04", "2027-03-31");
        fields[field] = value;

        var response = await BenchmarkApp.PostFormAsync(client, $"/parcours/{enrolment}/feuille-de-route?handler=Save", fields, $"/parcours/{enrolment}/feuille-de-route");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", html, StringComparison.Ordinal);
        Assert.Contains("fr-input-group--error", html.Replace("fr-select-group--error", "fr-input-group--error", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(await DraftAsync(enrolment));
    }

    [Fact]
    public async Task Page_WhenAnotherEstablishmentsTeam_ThenNotFoundOnReadAndWrite()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        using var other = await app.SignedInAsync("equipe2@demo.benchmark.test");
        using var own = await app.SignedInAsync(Team);
        var token = BenchmarkApp.AntiforgeryToken(await own.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        var ownOther = await StructuredData.EnrolmentAsync(app, 1, Programme);
        var otherToken = BenchmarkApp.AntiforgeryToken(await other.GetStringAsync(new Uri(PathOf(ownOther), UriKind.Relative)));

        var read = await other.GetAsync(new Uri(PathOf(enrolment), UriKind.Relative));
        var write = await other.PostAsync(new Uri(PathOf(enrolment) + "?handler=Save", UriKind.Relative),
            new FormUrlEncodedContent(Action("Intrusion", "2027-01-04", "2027-03-31").Append(new("__RequestVerificationToken", otherToken))));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.DoesNotContain("Intrusion", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(token);
        Assert.True((await DraftAsync(enrolment))?.Actions.All(a => a.Title != "Intrusion") ?? true);
    }

    [Fact]
    public async Task Page_WhenConsultantOrReviewer_ThenReadOnly()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        using var reviewer = await app.SignedInAsync("referent@demo.benchmark.test");

        var html = await reviewer.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative));
        var save = await reviewer.PostAsync(new Uri(PathOf(enrolment) + "?handler=Save", UriKind.Relative),
            new FormUrlEncodedContent(Action("Par l'ARS", "2027-01-04", "2027-03-31").Append(new("__RequestVerificationToken", BenchmarkApp.AntiforgeryToken(html)))));

        Assert.DoesNotContain("Enregistrer le brouillon", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
    }

    [Fact]
    public async Task Submit_WhenPhaseNotOpenYet_ThenEngineRefusalShownAndNothingSaved()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, "benchmark-bloc-uca");
        using var client = await app.SignedInAsync(Team);

        var response = await BenchmarkApp.PostFormAsync(client, PathOf(enrolment) + "?handler=Submit", Action("Action", "2027-01-04", "2027-03-31"), PathOf(enrolment));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("pas encore ouverte", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await DraftAsync(enrolment));
        Assert.Equal(0, await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Set<RoadmapActionState>().CountAsync(s => s.EnrolmentId == enrolment)));
    }

    [Fact]
    public async Task Submit_WhenPhaseOpen_ThenVersionWithJsonThenVisaThenLiveProgressAuditedAndLateShown()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        await StructuredData.OpenPhaseAsync(app, enrolment, "feuille-de-route");
        using var client = await app.SignedInAsync(Team);

        var submit = await BenchmarkApp.PostFormAsync(client, PathOf(enrolment) + "?handler=Submit", Action("Action déjà en retard", "2020-01-06", "2020-03-31"), PathOf(enrolment));

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var (status, json) = await app.WithServicesAsync(async sp =>
        {
            var d = await sp.GetRequiredService<BenchmarkDbContext>().Deliverables.SingleAsync(x => x.EnrolmentId == enrolment && x.DeliverableId == Deliverable);
            return (d.Status, d.Submissions.Single().StructuredJson);
        });
        Assert.Equal(DeliverableStatus.Submitted, status);
        Assert.Equal("Action déjà en retard", StructuredJson.Deserialize<RoadmapDocument>(json)!.Actions.Single().Title);
        var version = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(PathOf(enrolment) + "/version?v=1", UriKind.Relative)));
        Assert.Contains("Action déjà en retard", version, StringComparison.Ordinal);

        await StructuredData.ApproveAsync(app, enrolment, Deliverable);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.Contains("1 action en retard", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer le brouillon", page, StringComparison.Ordinal);
        using var consultant = await app.SignedInAsync(await ConsultantOfAsync(enrolment));
        var dashboard = WebUtility.HtmlDecode(await consultant.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative)));
        Assert.Contains("Actions des feuilles de route en retard : 1", dashboard, StringComparison.Ordinal);
        Assert.Contains("1 action en retard", WebUtility.HtmlDecode(await consultant.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative))), StringComparison.Ordinal);

        var progress = await ProgressFormAsync(client, enrolment, "Action déjà en retard");
        var started = await progress.Choose("Statut", "En cours").Fill("Avancement (%)", "25").Fill("Commentaire", "Cellule réunie deux fois").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        progress = await ProgressFormAsync(client, enrolment, "Action déjà en retard");
        var done = await progress.Choose("Statut", "Terminée").Fill("Avancement (%)", "60").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (state, audit, history) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var live = await db.Set<RoadmapActionState>().SingleAsync(s => s.EnrolmentId == enrolment);
            return (live,
                await db.AuditEvents.Where(a => a.EnrolmentId == enrolment && a.Action == "roadmap.action-progress").OrderBy(a => a.Id).ToListAsync(),
                await db.Set<RoadmapActionUpdate>().Where(u => u.ActionStateId == live.Id).OrderBy(u => u.At).ToListAsync());
        });
        Assert.Equal((ActionStatus.Done, 100), (state.Status, state.Progress));
        Assert.Equal([("À lancer, 0 %", "En cours, 25 % — Cellule réunie deux fois"), ("En cours, 25 %", "Terminée, 100 %")], audit.Select(a => (a.Before, a.After)));
        Assert.Equal([("Cellule réunie deux fois", 25), (null, 100)], history.Select(u => (u.Comment, u.Progress)));
        var shown = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.Contains("Aucune action en retard", shown, StringComparison.Ordinal);
        Assert.Contains("Historique (2 mises à jour)", shown, StringComparison.Ordinal);
        Assert.Contains("À lancer, 0 % → <strong>En cours, 25 %</strong> — « Cellule réunie deux fois »", shown, StringComparison.Ordinal);
        var seenByConsultant = WebUtility.HtmlDecode(await consultant.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.Contains("Historique (2 mises à jour)", seenByConsultant, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_WhenBadInput_ThenFrenchErrorOnTheFieldAndNothingChanged()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 1, Programme);
        await StructuredData.OpenPhaseAsync(app, enrolment, "feuille-de-route");
        using var client = await app.SignedInAsync("equipe2@demo.benchmark.test");
        await BenchmarkApp.PostFormAsync(client, PathOf(enrolment) + "?handler=Submit", Action("Cellule de gestion des lits", "2027-01-04", "2027-03-31"), PathOf(enrolment));
        await StructuredData.ApproveAsync(app, enrolment, Deliverable);

        foreach (var (percent, comment, message) in new[]
        {
            ("140", "", "L'avancement est un pourcentage entre 0 et 100."),
            ("dix", "", "L'avancement est un nombre entier entre 0 et 100."),
            ("10", new string('x', 2001), "Le commentaire dépasse 2000 caractères."),
        })
        {
            var form = await ProgressFormAsync(client, enrolment, "Cellule de gestion des lits");
            var response = await form.Choose("Statut", "En cours").Fill("Avancement (%)", percent).Fill("Commentaire", comment).SubmitAsync(client);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, html, StringComparison.Ordinal);
            Assert.Contains("Rien n'a été enregistré", html, StringComparison.Ordinal);
            var (status, updates) = await app.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<BenchmarkDbContext>();
                var states = db.Set<RoadmapActionState>().Where(s => s.EnrolmentId == enrolment);
                return (await states.Select(s => s.Status).SingleAsync(),
                    await db.Set<RoadmapActionUpdate>().CountAsync(u => states.Any(s => s.Id == u.ActionStateId)));
            });
            Assert.Equal((ActionStatus.NotStarted, 0), (status, updates));
        }
    }

    /// <summary>The « Mettre à jour » form of the live action titled <paramref name="title"/>, as the page renders it.</summary>
    private static Task<RenderedForm> ProgressFormAsync(HttpClient client, Guid enrolment, string title) =>
        RenderedForm.FromAsync(client, PathOf(enrolment),
            f => f.Closest("li.bm-action") is { } action && action.QuerySelector("h4")!.TextContent.Contains(title, StringComparison.Ordinal));

    private Task<string> ConsultantOfAsync(Guid enrolment) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        return await (from e in db.Enrolments
                      where e.Id == enrolment
                      join g in db.Groups on e.GroupId equals g.Id
                      join u in db.Users on g.ConsultantId equals u.Id
                      select u.Email!).SingleAsync();
    });

    private Task<RoadmapDocument?> DraftAsync(Guid enrolment) => app.WithServicesAsync(async sp =>
    {
        var json = await sp.GetRequiredService<BenchmarkDbContext>().Set<DraftDocument>().Where(d => d.EnrolmentId == enrolment).Select(d => d.Json).SingleOrDefaultAsync();
        return StructuredJson.Deserialize<RoadmapDocument>(json);
    });
}
