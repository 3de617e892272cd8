using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Gates;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.OfficeSurgeryActs;

/// <summary>
/// An office-surgery team fills its yearly act register: totals computed while typing (htmx), a duplicate code refused
/// with its DSFR error, then saved with the totals table; axe clean at each step.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CcamActsJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Register_WhenTypedRefusedThenCorrected_ThenTotalsSavedAndNoViolation()
    {
        var enrolment = await Steering.EnrolmentAsync(browser.App, 0, "office-surgery");
        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, DemoUsers.Team);

        await team.GotoAsync($"/parcours/{enrolment}");
        await team.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Patients et actes par code CCAM") }).ClickAsync();
        await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Patients et actes par code CCAM");
        await Accessibility.AssertNoViolationAsync(team);
        await Fill(team, 0, "BJMA002", "40", "45", "60");
        await Fill(team, 1, "bjma002", "10", "10", "0");
        await Assertions.Expect(team.Locator("#totaux-saisie")).ToContainTextAsync("1 point à revoir");
        await team.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Enregistrer les actes") }).ClickAsync();

        await Assertions.Expect(team.Locator("#f-rows-1--code-erreur")).ToContainTextAsync("figure déjà à la ligne 1");
        await Artifacts.ScreenshotAsync(team, "actes-ccam-erreur");
        await Accessibility.AssertNoViolationAsync(team);
        await team.Locator("input[name='Rows[1].Code']").FillAsync("QZFA001");
        await Assertions.Expect(team.Locator("#totaux-saisie")).ToContainTextAsync("50 patients pris en charge, 55 actes réalisés pour 60 contractualisés");
        await team.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Enregistrer les actes") }).ClickAsync();

        await Assertions.Expect(team.Locator("#total-actes")).ToContainTextAsync("Total");
        await Assertions.Expect(team.Locator(".fr-alert--success")).ToContainTextAsync("50 patients, 55 actes réalisés pour 60 contractualisés");
        await Artifacts.ScreenshotAsync(team, "actes-ccam-enregistres");
        await Accessibility.AssertNoViolationAsync(team);
    }

    private static async Task Fill(IPage page, int line, string code, string patients, string acts, string contracted)
    {
        await page.Locator($"input[name='Rows[{line}].Code']").FillAsync(code);
        await page.Locator($"input[name='Rows[{line}].Patients']").FillAsync(patients);
        await page.Locator($"input[name='Rows[{line}].Acts']").FillAsync(acts);
        await page.Locator($"input[name='Rows[{line}].Contracted']").FillAsync(contracted);
    }
}
