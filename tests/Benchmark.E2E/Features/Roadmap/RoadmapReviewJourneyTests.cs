using System.Text.RegularExpressions;
using Benchmark.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Roadmap;

/// <summary>
/// The feuille de route review loop in Chromium, on the demo as seeded: the chef de projet of the flux-patients team at
/// the roadmap stage (equipe3@) writes and submits the roadmap, the ARS referent requests changes, the team resubmits, the
/// referent approves (after comparing the two versions); the visa meets the phase's gate, so the implementation phase
/// opens and the team's dashboard shows it. axe-core finds no violation on these pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class RoadmapReviewJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Roadmap_WhenSubmittedChangedResubmittedApproved_ThenImplementationPhaseOpensOnTheDashboard()
    {
        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, DemoUsers.RoadmapTeam);
        await team.GotoAsync("/tableau-de-bord");
        var card = team.Locator("article[data-enrolment]").Filter(new() { HasText = "Gestion des flux patients" });
        await Assertions.Expect(card).ToContainTextAsync("Phase en cours : Phase III - Feuille de route et contractualisation du plan d'actions");
        await Accessibility.AssertNoViolationAsync(team);
        await card.GetByRole(AriaRole.Link, new() { Name = "Voir notre parcours" }).ClickAsync();
        await Assertions.Expect(team).ToHaveURLAsync(JourneyUrl());
        var journey = team.Url;
        await Assertions.Expect(team.Locator("#conditions-restantes")).ToContainTextAsync("Feuille de route : plan d'actions");
        await Assertions.Expect(team.Locator("#conditions-restantes li")).ToHaveCountAsync(1);
        var roadmap = journey + "/feuille-de-route";

        await team.GotoAsync(roadmap);
        await Assertions.Expect(team.Locator("#statut-feuille-de-route")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(team);
        await FillActionAsync(team, 0, "Cellule de gestion des lits", "2027-01-04", "2027-06-30");
        await FillRiskAsync(team, "Faible adhésion des équipes de nuit");
        await team.GetByRole(AriaRole.Button, new() { Name = "Déposer pour le visa de l'ARS" }).ClickAsync();
        await Assertions.Expect(team.Locator(".fr-alert--success")).ToContainTextAsync("La version 1 de la feuille de route est déposée");
        await Accessibility.AssertNoViolationAsync(team);

        var referent = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(referent, DemoUsers.Referent);
        var deliverable = journey + "/livrables/feuille-de-route";
        // The referent starts from « À traiter »: the roadmap waits for their visa there, and its row opens it.
        var row = referent.Locator("tr[data-task='visa']").Filter(new() { HasText = "Saint-Roch-des-Vignes" });
        await Assertions.Expect(row).ToContainTextAsync("(version 1)");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(referent).ToHaveURLAsync(deliverable);
        await Assertions.Expect(referent.Locator("#statut-livrable")).ToHaveTextAsync("En attente de validation");
        await Accessibility.AssertNoViolationAsync(referent);
        await referent.GetByLabel("Commentaire").FillAsync("Ajoutez une action sur les sorties avant midi.");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Demander des modifications" }).ClickAsync();
        await Assertions.Expect(referent.Locator("#statut-livrable")).ToHaveTextAsync("Modifications demandées");

        await team.GotoAsync(roadmap);
        await Assertions.Expect(team.Locator("#versions")).ToBeVisibleAsync();
        await Assertions.Expect(team.Locator("section[aria-labelledby='versions']")).ToContainTextAsync("Ajoutez une action sur les sorties avant midi.");
        await FillActionAsync(team, 1, "Sorties avant midi", "2027-02-01", "2027-09-30");
        await team.GetByRole(AriaRole.Button, new() { Name = "Déposer pour le visa de l'ARS" }).ClickAsync();
        await Assertions.Expect(team.Locator(".fr-alert--success")).ToContainTextAsync("La version 2 de la feuille de route est déposée");
        await Artifacts.ScreenshotAsync(team, "feuille-de-route-v2-deposee");
        await Accessibility.AssertNoViolationAsync(team);

        await referent.GotoAsync(roadmap);
        await referent.GetByRole(AriaRole.Link, new() { Name = "Comparer la version 2 à la version 1" }).ClickAsync();
        await Assertions.Expect(referent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("version 2");
        await Assertions.Expect(referent.Locator("main")).ToContainTextAsync("Sorties avant midi");
        await Artifacts.ScreenshotAsync(referent, "feuille-de-route-comparaison");
        await Accessibility.AssertNoViolationAsync(referent);

        // Read and compared: the referent validates version 2 from its row in « À traiter ».
        await referent.GotoAsync("/a-traiter");
        row = referent.Locator("tr[data-task='visa']").Filter(new() { HasText = "Saint-Roch-des-Vignes" });
        await Assertions.Expect(row).ToContainTextAsync("(version 2)");
        await Accessibility.AssertNoViolationAsync(referent);
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Valider") }).ClickAsync();
        await Assertions.Expect(referent.Locator(".fr-alert--success")).ToContainTextAsync("La phase suivante est ouverte");
        await Assertions.Expect(referent.Locator("tr[data-task='visa']").Filter(new() { HasText = "Saint-Roch-des-Vignes" })).ToHaveCountAsync(0);
        await Artifacts.ScreenshotAsync(referent, "a-traiter-visa-donne");
        await referent.GotoAsync(deliverable);
        await Assertions.Expect(referent.Locator("#statut-livrable")).ToHaveTextAsync("Validé");

        await team.GotoAsync("/tableau-de-bord");
        await Assertions.Expect(team.Locator("article[data-enrolment]").Filter(new() { HasText = "Gestion des flux patients" }))
            .ToContainTextAsync("Phase en cours : Phase IV - Mise en œuvre du plan d'actions");
        await Artifacts.ScreenshotAsync(team, "tableau-de-bord-mise-en-oeuvre");
        await Accessibility.AssertNoViolationAsync(team);

        await team.GotoAsync(roadmap);
        await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Name = "Mise en œuvre (version 2, visée)" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(team);

        // Phase IV: the team records the progress of an action twice; each update is kept in its history.
        var action = team.Locator("li[data-action]").Filter(new() { HasText = "Cellule de gestion des lits" });
        await action.GetByText("Mettre à jour l'avancement").ClickAsync();
        await action.GetByLabel("Statut").SelectOptionAsync(new SelectOptionValue { Label = "En cours" });
        await action.GetByLabel("Avancement (%)").FillAsync("25");
        await action.GetByLabel("Commentaire").FillAsync("Cellule réunie chaque matin depuis le 4 janvier");
        await action.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(team.Locator(".fr-alert--success")).ToContainTextAsync("L'action « Cellule de gestion des lits » est à jour : En cours, 25 %");
        action = team.Locator("li[data-action]").Filter(new() { HasText = "Cellule de gestion des lits" });
        await Assertions.Expect(action.Locator(".bm-action__statut")).ToHaveTextAsync("En cours");
        await action.GetByText("Mettre à jour l'avancement").ClickAsync();
        await action.GetByLabel("Avancement (%)").FillAsync("40");
        await action.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(team.Locator(".fr-alert--success")).ToContainTextAsync("En cours, 40 %");
        action = team.Locator("li[data-action]").Filter(new() { HasText = "Cellule de gestion des lits" });
        await action.Locator(".bm-action__historique summary").ClickAsync();
        var history = action.Locator(".bm-action__historique li");
        await Assertions.Expect(history).ToHaveCountAsync(2);
        await Assertions.Expect(history.Nth(0)).ToContainTextAsync("En cours, 25 % → En cours, 40 %");
        await Assertions.Expect(history.Nth(1)).ToContainTextAsync("À lancer, 0 % → En cours, 25 % — « Cellule réunie chaque matin depuis le 4 janvier »");
        await action.GetByText("Mettre à jour l'avancement").ClickAsync();
        await Artifacts.ScreenshotAsync(team, "feuille-de-route-avancement");
        await Accessibility.AssertNoViolationAsync(team);
    }

    internal static async Task FillActionAsync(IPage page, int index, string title, string start, string due)
    {
        var p = $"#f-actions-{index}-";
        await page.Locator(p + "-title").FillAsync(title);
        await page.Locator(p + "-lever").FillAsync("Gestion opérationnelle");
        await page.Locator(p + "-owner").FillAsync("Cadre supérieur de santé");
        await page.Locator(p + "-start").FillAsync(start);
        await page.Locator(p + "-due").FillAsync(due);
        await page.Locator(p + "-priority").SelectOptionAsync("High");
        await page.Locator(p + "-status").SelectOptionAsync("NotStarted");
        await page.Locator(p + "-progress").FillAsync("0");
        await page.Locator(p + "-expectedimpact").FillAsync("Moins de patients hébergés hors de leur service");
    }

    internal static async Task FillRiskAsync(IPage page, string description)
    {
        await page.Locator("#f-risks-0--type").FillAsync("Organisation");
        await page.Locator("#f-risks-0--description").FillAsync(description);
        await page.Locator("#f-risks-0--gravity").SelectOptionAsync("3");
        await page.Locator("#f-risks-0--probability").SelectOptionAsync("2");
        await page.Locator("#f-risks-0--owner").FillAsync("Directeur des soins");
        await page.Locator("#f-risks-0--due").FillAsync("2027-03-31");
        await page.Locator("#f-risks-0--mitigation").FillAsync("Présentation en CME et en réunion de cadres");
    }

    [GeneratedRegex("/parcours/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex JourneyUrl();
}
