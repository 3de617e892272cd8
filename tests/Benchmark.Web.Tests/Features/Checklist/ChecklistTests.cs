using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Web.Tests.Infrastructure;
using static Benchmark.Web.Tests.Features.Gates.Steering;

namespace Benchmark.Web.Tests.Features.Checklist;

/// <summary>
/// /parcours/{enrolmentId}/check-list over real HTTP: tick, untick, « non applicable » with a reason (htmx and plain
/// forms), derived progress, the audit trail (before/after) and the access rule (404 for someone else's enrolment).
/// Each test works on its own item of the bloc/UCA benchmark's first phase, so they share one database.
/// </summary>
public sealed class ChecklistTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Programme = "benchmark-bloc-uca";

    [Fact]
    public async Task Tick_WhenTeamMemberTicksAnItemOfTheOpenPhase_ThenDoneWithWhoWhenCommentAndAudited()
    {
        var enrolment = await EnrolmentAsync(app, 0, Programme);
        using var team = await app.SignedInAsync(Team);

        var response = await TickAsync(team, enrolment, "equipe-direction", "Mme Durand, DGA");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = (await StateAsync(app, enrolment)).Entry("equipe-direction")!;
        Assert.Equal((ChecklistStatus.Done, "Mme Durand, DGA"), (entry.Status, entry.Comment));
        Assert.False(string.IsNullOrEmpty(entry.By));
        Assert.NotNull(entry.At);
        var audit = (await AuditAsync(app, enrolment)).Last(a => a.Action == "checklist.tick");
        Assert.Equal(("Désigner un représentant de la direction dans l'équipe projet", "à faire", "fait", "Mme Durand, DGA", entry.By),
            (audit.Target, audit.Before, audit.After, audit.Justification, audit.Actor));
        var page = await TextAsync(await team.GetAsync(new Uri(ChecklistPath(enrolment), UriKind.Relative)));
        Assert.Contains($"Coché par {entry.By}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tick_WhenSentByHtmx_ThenOnlyTheItemAndTheProgressComeBack()
    {
        var enrolment = await EnrolmentAsync(app, 0, Programme);
        using var team = await app.SignedInAsync(Team);

        var response = await TickAsync(team, enrolment, "equipe-medical", htmx: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.StartsWith("<li id=\"item-equipe-medical\"", html.Trim(), StringComparison.Ordinal);
        Assert.Contains("data-status=\"Done\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"avancement\" class=\"fr-mb-4w\" hx-swap-oob=\"true\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        var state = await StateAsync(app, enrolment);
        var done = state.Checklist.Count(c => c.Status == ChecklistStatus.Done);
        Assert.Contains($"Phase « Structure projet interne » : {done} / ", html, StringComparison.Ordinal);

        // Every counter on the page says the same after the swap: the section heading and « Avancement par phase » too.
        Assert.Matches($"<span class=\"fr-text--sm\" id=\"compte-[a-z0-9-]+\" hx-swap-oob=\"true\">\\({done} / ", html);
        Assert.Contains("id=\"avancement-phases\" hx-swap-oob=\"true\"", html, StringComparison.Ordinal);
        Assert.Matches($"<strong>Structure projet interne</strong>\\s*<span[^>]*>[^<]*</span>\\s*{done} / ", html);
    }

    [Fact]
    public async Task NotApplicable_WhenNoReason_ThenRefusedWithFormErrorAndNothingSaved()
    {
        var enrolment = await EnrolmentAsync(app, 0, Programme);
        using var team = await app.SignedInAsync(Team);
        var auditBefore = (await AuditAsync(app, enrolment)).Count;

        var plain = await PostAsync(team, ChecklistPath(enrolment), "NotApplicable", new Dictionary<string, string> { ["item"] = "equipe-paramedical", ["reason"] = "  " });
        var htmx = await PostAsync(team, ChecklistPath(enrolment), "NotApplicable", new Dictionary<string, string> { ["item"] = "equipe-paramedical", ["reason"] = "" }, htmx: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, plain.StatusCode);
        Assert.Contains("Indiquez pourquoi cet élément ne s'applique pas.", await TextAsync(plain), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, htmx.StatusCode);
        var partial = await TextAsync(htmx);
        Assert.Contains("fr-input-group--error", partial, StringComparison.Ordinal);
        Assert.Contains("id=\"item-equipe-paramedical-raison-erreur\"", partial, StringComparison.Ordinal);
        Assert.Null((await StateAsync(app, enrolment)).Entry("equipe-paramedical"));
        Assert.Equal(auditBefore, (await AuditAsync(app, enrolment)).Count);
    }

    [Fact]
    public async Task NotApplicable_WhenReasonGiven_ThenItemLeavesTheProgressAndTheReasonIsShownAndAudited()
    {
        var enrolment = await EnrolmentAsync(app, 1, Programme);
        using var team = await app.SignedInAsync(OtherTeam);

        var response = await PostAsync(team, ChecklistPath(enrolment), "NotApplicable",
            new Dictionary<string, string> { ["item"] = "equipe-dim-dsi", ["reason"] = "Pas de DIM : prestation externalisée" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = (await StateAsync(app, enrolment)).Entry("equipe-dim-dsi")!;
        Assert.Equal((ChecklistStatus.NotApplicable, "Pas de DIM : prestation externalisée"), (entry.Status, entry.Comment));
        var audit = (await AuditAsync(app, enrolment)).Last();
        Assert.Equal(("checklist.not-applicable", "non applicable", "Pas de DIM : prestation externalisée"), (audit.Action, audit.After, audit.Justification));
        var page = await TextAsync(await team.GetAsync(new Uri(ChecklistPath(enrolment), UriKind.Relative)));
        Assert.Contains("Marqué non applicable par", page, StringComparison.Ordinal);
        Assert.Contains("Phase « Structure projet interne » : 0 / 4", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Untick_WhenTicked_ThenOpenAgainAndBothChangesAreInTheTrail()
    {
        var enrolment = await EnrolmentAsync(app, 0, Programme);
        using var team = await app.SignedInAsync(Team);
        Assert.Equal(HttpStatusCode.Redirect, (await TickAsync(team, enrolment, "interlocuteur-privilegie")).StatusCode);

        var response = await PostAsync(team, ChecklistPath(enrolment), "Untick", new Dictionary<string, string> { ["item"] = "interlocuteur-privilegie", ["comment"] = "Cochée par erreur" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ChecklistStatus.Open, (await StateAsync(app, enrolment)).Entry("interlocuteur-privilegie")!.Status);
        var trail = (await AuditAsync(app, enrolment)).Where(a => a.Target == "Désignation d'un interlocuteur privilégié").ToList();
        Assert.Equal(["checklist.tick", "checklist.untick"], trail.Select(a => a.Action));
        Assert.Equal(("fait", "à faire", "Cochée par erreur"), (trail[1].Before, trail[1].After, trail[1].Justification));
        var again = await PostAsync(team, ChecklistPath(enrolment), "Untick", new Dictionary<string, string> { ["item"] = "interlocuteur-privilegie" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Cet élément n'est pas coché.", await TextAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checklist_WhenTeamMemberOfAnotherEstablishment_ThenNotFoundOnGetAndPostAndNothingSaved()
    {
        var other = await EnrolmentAsync(app, 1, "gestion-flux-patients");
        using var team = await app.SignedInAsync(Team);

        var get = await team.GetAsync(new Uri(ChecklistPath(other), UriKind.Relative));
        var post = await TickAsync(team, other, "designation-trinome");
        var htmx = await TickAsync(team, other, "designation-trinome", htmx: true);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, htmx.StatusCode);
        Assert.Null((await StateAsync(app, other)).Entry("designation-trinome"));
    }

    [Fact]
    public async Task Tick_WhenArsReviewer_ThenNoFormAndThePostIsRefusedByTheEngine()
    {
        var enrolment = await EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var referent = await app.SignedInAsync(Referent);

        var page = await TextAsync(await referent.GetAsync(new Uri(ChecklistPath(enrolment), UriKind.Relative)));
        var post = await TickAsync(referent, enrolment, "designation-trinome");

        Assert.Contains("data-item=\"designation-trinome\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Tick", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, post.StatusCode);
        Assert.Contains("» est tenu par : ", await TextAsync(post), StringComparison.Ordinal);
        Assert.Null((await StateAsync(app, enrolment)).Entry("designation-trinome"));
    }

    [Fact]
    public async Task Tick_WhenTheTeamPostsAnItemTheConsultantOwns_ThenNoFormAndTheEngineRefusesIt()
    {
        // Security finding 4: an item is changed only by its owner's side.
        var enrolment = await EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var team = await app.SignedInAsync(Team);

        var page = await TextAsync(await team.GetAsync(new Uri(ChecklistPath(enrolment), UriKind.Relative)));
        var tick = await TickAsync(team, enrolment, "docs-anap");
        var notApplicable = await PostAsync(team, ChecklistPath(enrolment), "NotApplicable",
            new Dictionary<string, string> { ["item"] = "docs-anap", ["reason"] = "Déjà lus" });

        var item = page[page.IndexOf("data-item=\"docs-anap\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("handler=Tick", item[..item.IndexOf("</li>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity), (tick.StatusCode, notApplicable.StatusCode));
        Assert.Contains("est tenu par : Consultant", await TextAsync(tick), StringComparison.Ordinal);
        Assert.Null((await StateAsync(app, enrolment)).Entry("docs-anap"));
    }

    [Fact]
    public async Task Checklist_WhenImagingCoaching_ThenItemsAreGroupedPerActionWithTheirProgress()
    {
        var enrolment = await EnrolmentAsync(app, 0, "coaching-imagerie");
        using var team = await app.SignedInAsync(Team);

        var page = await TextAsync(await team.GetAsync(new Uri(ChecklistPath(enrolment) + "?phase=j1-j2", UriKind.Relative)));

        Assert.Contains("id=\"groupe-a1\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"groupe-a2\"", page, StringComparison.Ordinal);
        Assert.Contains("(0 / 5, 0 %)", page, StringComparison.Ordinal);
        Assert.Contains("Phase pas encore ouverte", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Tick", page, StringComparison.Ordinal);
    }
}
