using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Candidature;
using Benchmark.Web.Tests.Features.Gates;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Gates;

/// <summary>
/// axe-core on the steering pages as each role sees them, blank and with their DSFR error state after a refused post:
/// the office-surgery candidature dossier and serious adverse events (team), the gate page with the ArsAdmin's forcing
/// form, the feuille de route before any version, a submitted candidature version. (Roadmap versions and their comparison: RoadmapReviewJourneyTests.)
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SteeringPagesAccessibilityTests(BrowserFixture browser)
{
    private const string OtherTeam = "equipe2@demo.benchmark.test";

    [BrowserFact]
    public async Task Candidature_WhenBlankThenSubmittedEmpty_ThenErrorsShownAndNoViolation() => await BlankThenRefusedAsync(
        "candidature", "Dossier de candidature de Clinique des Calanques bleues", "Déposer le dossier",
        ".fr-input-group--error, .fr-select-group--error, .fr-fieldset--error", "candidature-erreurs");

    [BrowserFact]
    public async Task AdverseEvents_WhenBlankThenReportedEmpty_ThenErrorsShownAndNoViolation() => await BlankThenRefusedAsync(
        "evenements-indesirables", "Événements indésirables graves", "Signaler à l'ARS", ".fr-error-text, .fr-message--error", "evenements-indesirables-erreurs");

    [BrowserFact]
    public async Task Gate_WhenArsAdminForcesWithoutJustification_ThenErrorShownAndNoViolation()
    {
        var enrolment = await Steering.EnrolmentAsync(browser.App, 2, "office-surgery");
        var admin = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(admin, DemoUsers.Admin);

        await admin.GotoAsync($"/parcours/{enrolment}/porte");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Passage de phase");
        await Assertions.Expect(admin.Locator("#conditions-restantes li").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(admin);
        await admin.GetByText("Forcer le passage (administrateur ARS)").ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Forcer la clôture") }).ClickAsync();

        await Assertions.Expect(admin.Locator("#justification-erreur")).ToHaveTextAsync("Le passage forcé exige une justification écrite.");
        await Artifacts.ScreenshotAsync(admin, "porte-justification-manquante");
        await Accessibility.AssertNoViolationAsync(admin);
    }

    [BrowserFact]
    public async Task Roadmap_WhenNoVersionYet_ThenEditorHasNoViolation()
    {
        var enrolment = await Steering.EnrolmentAsync(browser.App, 1, "hdj-medecine");
        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, OtherTeam);

        await team.GotoAsync($"/parcours/{enrolment}/feuille-de-route");
        await Assertions.Expect(team.Locator("#versions")).ToBeVisibleAsync();
        await Assertions.Expect(team.GetByRole(AriaRole.Button, new() { Name = "Déposer pour le visa de l'ARS" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = "Déposer pour le visa de l'ARS" }).ClickAsync();

        await Assertions.Expect(team.Locator("#erreur-feuille-de-route")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(team);
    }

    [BrowserFact]
    public async Task Candidature_WhenSubmittedComplete_ThenVersionPageShowsTheDossierWithNoViolation()
    {
        // The third establishment (no demo login; the gate test above only posts a refused forcing there) gets its own
        // team account (porteur de projet among its roles: TeamAccounts), so this journey depends on no other test's
        // order. It is still answering the call for interest: the ArsAdmin forces that phase closed (written
        // justification), which opens the candidature.
        var enrolment = await Steering.EnrolmentAsync(browser.App, 2, "office-surgery");
        var email = await TeamAccounts.CreateAsync(browser.App, enrolment, "Paul Porteur");
        var admin = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(admin, DemoUsers.Admin);
        await admin.GotoAsync($"/parcours/{enrolment}/porte");
        await admin.GetByText("Forcer le passage (administrateur ARS)").ClickAsync();
        await admin.Locator("#justification").FillAsync("Candidature reçue hors délai, acceptée par le comité.");
        await admin.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Forcer la clôture") }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("La phase « Dossier de candidature » est ouverte.");

        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, email);
        await team.GotoAsync($"/parcours/{enrolment}/candidature");

        // Every field of the complete dossier the HTTP tests submit, typed into the form as the team would.
        foreach (var (name, value) in CandidaturePageTests.Complete())
        {
            var field = team.Locator($"[name='{name}']");
            await Assertions.Expect(field).ToHaveCountAsync(1);
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await field.SelectOptionAsync(value);
            }
            else
            {
                await field.FillAsync(value);
            }
        }

        await team.GetByRole(AriaRole.Button, new() { Name = "Déposer le dossier" }).ClickAsync();
        await Assertions.Expect(team.Locator("main")).ToContainTextAsync("La version 1 du dossier de candidature est déposée : elle attend la validation de l'ARS.");
        await Accessibility.AssertNoViolationAsync(team);
        await team.GetByRole(AriaRole.Link, new() { Name = "Version 1" }).ClickAsync();

        await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dossier de candidature");
        await Assertions.Expect(team.Locator("main")).ToContainTextAsync("Libération du nerf médian au canal carpien");
        await Assertions.Expect(team.Locator("main")).ToContainTextAsync("Matrice de criticité");
        await Artifacts.ScreenshotAsync(team, "candidature-version-1");
        await Accessibility.AssertNoViolationAsync(team);
    }

    /// <summary>The team of the second establishment opens an office-surgery page, posts its form blank: both states axe-clean.</summary>
    private async Task BlankThenRefusedAsync(string page, string heading, string button, string errors, string screenshot)
    {
        var enrolment = await Steering.EnrolmentAsync(browser.App, 1, "office-surgery");
        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, OtherTeam);

        await team.GotoAsync($"/parcours/{enrolment}/{page}");
        await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        await Accessibility.AssertNoViolationAsync(team);
        await team.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

        await Assertions.Expect(team.Locator(errors).First).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(team, screenshot);
        await Accessibility.AssertNoViolationAsync(team);
    }
}
