using System.Text;
using System.Text.RegularExpressions;
using Benchmark.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Deliverables;

/// <summary>
/// The deliverable review loop in Chromium: the project lead submits the office-surgery letter of intent (an uploaded
/// PDF), the ARS referent requests changes, the team resubmits, the referent approves; the approval meets the phase's
/// gate, so the next phase opens and the team's dashboard shows it. axe-core finds no violation on these pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class DeliverableReviewJourneyTests(BrowserFixture browser)
{
    private const string Programme = "Office Surgery";

    [BrowserFact]
    public async Task Deliverable_WhenSubmittedChangedResubmittedApproved_ThenNextPhaseOpensOnTheDashboard()
    {
        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, DemoUsers.Team);
        await team.GotoAsync("/tableau-de-bord");
        var programme = team.Locator("article[data-enrolment]").Filter(new() { HasText = Programme });
        await Assertions.Expect(programme).ToContainTextAsync("Phase en cours : Appel à manifestation d'intérêt");
        await programme.GetByRole(AriaRole.Link, new() { Name = "Voir notre parcours" }).ClickAsync();
        await Assertions.Expect(team).ToHaveURLAsync(JourneyUrl());
        var deliverables = team.Url + "/livrables";
        await team.GotoAsync(deliverables);
        await Accessibility.AssertNoViolationAsync(team);
        await team.GetByRole(AriaRole.Link, new() { Name = "Lettre d'intention", Exact = true }).ClickAsync();
        var deliverablePage = team.Url;

        await UploadAsync(team, "lettre-intention-v1.pdf");
        await Assertions.Expect(team.Locator("#succes-livrable")).ToContainTextAsync("Version 1 déposée");
        await Assertions.Expect(team.Locator("#statut-livrable")).ToHaveTextAsync("En attente de validation");
        await Accessibility.AssertNoViolationAsync(team);

        var referent = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(referent, DemoUsers.Referent);
        await referent.GotoAsync(deliverablePage);
        await Assertions.Expect(referent.GetByRole(AriaRole.Link, new() { NameRegex = FirstDownload() })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(referent);
        await referent.GetByLabel("Commentaire").FillAsync("Précisez le volume d'actes envisagé.");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Demander des modifications" }).ClickAsync();
        await Assertions.Expect(referent.Locator("#statut-livrable")).ToHaveTextAsync("Modifications demandées");

        await team.GotoAsync(deliverablePage);
        await Assertions.Expect(team.Locator("#versions")).ToContainTextAsync("Précisez le volume d'actes envisagé.");
        await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Name = "Déposer une nouvelle version" })).ToBeVisibleAsync();
        await UploadAsync(team, "lettre-intention-v2.pdf");
        await Assertions.Expect(team.Locator("#succes-livrable")).ToContainTextAsync("Version 2 déposée");

        await referent.GotoAsync(deliverablePage);
        await referent.GetByRole(AriaRole.Button, new() { Name = "Valider la version 2" }).ClickAsync();
        await Assertions.Expect(referent.Locator("#succes-livrable")).ToContainTextAsync("La phase suivante est ouverte");
        await Assertions.Expect(referent.Locator("#statut-livrable")).ToHaveTextAsync("Validé");
        await Artifacts.ScreenshotAsync(referent, "livrable-valide-ars");
        await Accessibility.AssertNoViolationAsync(referent);

        await team.GotoAsync("/tableau-de-bord");
        await Assertions.Expect(team.Locator("article[data-enrolment]").Filter(new() { HasText = Programme }))
            .ToContainTextAsync("Phase en cours : Dossier de candidature");
        await Artifacts.ScreenshotAsync(team, "tableau-de-bord-phase-ouverte");
        await Accessibility.AssertNoViolationAsync(team);
    }

    private static async Task UploadAsync(IPage page, string name)
    {
        await page.Locator("#fichier").SetInputFilesAsync(new FilePayload
        {
            Name = name,
            MimeType = "application/pdf",
            Buffer = Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name}\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer et soumettre à la validation" }).ClickAsync();
    }

    [GeneratedRegex("^Télécharger lettre-intention-v1\\.pdf")]
    private static partial Regex FirstDownload();

    [GeneratedRegex("/parcours/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex JourneyUrl();
}
