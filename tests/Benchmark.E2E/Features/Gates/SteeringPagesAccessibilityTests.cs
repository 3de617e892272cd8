using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Gates;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Gates;

/// <summary>
/// axe-core on the steering pages as each role sees them, blank and with their DSFR error state after a refused post:
/// the office-surgery candidature dossier and serious adverse events (team), the gate page with the ArsAdmin's forcing
/// form, the feuille de route before any version. (Roadmap versions and their comparison: RoadmapReviewJourneyTests.)
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
