using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Gates;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Gates;

/// <summary>
/// The team ticks its checklist (one item « non applicable » with a reason) without reloading the page; the last tick
/// meets the gate, so the phase closes by itself and the team lands on the next checklist; the consultant's journey page
/// shows the next phase; axe-checked on the pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PhaseGateJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Checklist_WhenTheTeamTicksTheLastItem_ThenThePhaseClosesByItselfAndTheJourneyShowsTheNextPhase()
    {
        var enrolment = await Steering.EnrolmentAsync(browser.App, 0, "benchmark-bloc-uca");
        var consultantEmail = await Steering.ConsultantOfAsync(browser.App, enrolment);
        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, DemoUsers.Team);
        await team.GotoAsync($"/parcours/{enrolment}/check-list");
        await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check-list : Structure projet interne");

        var first = team.Locator("#item-equipe-direction");
        await first.GetByLabel("Commentaire (facultatif)").FillAsync("Mme Durand, DGA");
        await first.GetByRole(AriaRole.Button, new() { Name = "Cocher" }).ClickAsync();
        await Assertions.Expect(team.Locator("#item-equipe-direction")).ToHaveAttributeAsync("data-status", "Done");
        await Assertions.Expect(team.Locator("#item-equipe-direction")).ToContainTextAsync("« Mme Durand, DGA »");

        // Focus stays on the item just changed (its next action), and every counter agrees.
        await Assertions.Expect(team.Locator("#item-equipe-direction").GetByRole(AriaRole.Button, new() { Name = "Décocher" })).ToBeFocusedAsync();
        await Assertions.Expect(team.Locator("[data-progress='phase']")).ToContainTextAsync("1 / 5");
        await Assertions.Expect(team.Locator("#avancement-phases li[data-phase='structure-projet']")).ToContainTextAsync("1 / 5");

        var notApplicable = team.Locator("#item-equipe-dim-dsi");
        await notApplicable.GetByText("Cet élément ne s'applique pas à l'établissement").ClickAsync();
        await notApplicable.GetByLabel("Raison (obligatoire)").FillAsync("Pas de DIM : prestation externalisée");
        await notApplicable.GetByRole(AriaRole.Button, new() { Name = "Marquer non applicable" }).ClickAsync();
        await Assertions.Expect(team.Locator("#item-equipe-dim-dsi")).ToHaveAttributeAsync("data-status", "NotApplicable");
        await Assertions.Expect(team.Locator("[data-progress='phase']")).ToContainTextAsync("1 / 4");

        foreach (var item in new[] { "equipe-medical", "equipe-paramedical" })
        {
            await team.Locator($"#item-{item}").GetByRole(AriaRole.Button, new() { Name = "Cocher" }).ClickAsync();
            await Assertions.Expect(team.Locator($"#item-{item}")).ToHaveAttributeAsync("data-status", "Done");
        }

        await Assertions.Expect(team.Locator("[data-progress='phase']")).ToContainTextAsync("3 / 4");
        await Artifacts.ScreenshotAsync(team, "checklist-equipe");
        await Accessibility.AssertNoViolationAsync(team);

        // The last item meets the gate: the phase closes in the same command and the team lands on the next checklist.
        await team.Locator("#item-interlocuteur-privilegie").GetByRole(AriaRole.Button, new() { Name = "Cocher" }).ClickAsync();
        await Assertions.Expect(team.Locator("#succes-check-list"))
            .ToContainTextAsync("Tout ce que demandait « Structure projet interne » est fait : la phase est close et « Formations et lancement » est ouverte.");
        await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check-list : Formations et lancement");
        await Artifacts.ScreenshotAsync(team, "checklist-phase-suivante");
        await Accessibility.AssertNoViolationAsync(team);

        // The last tick met the gate: the phase closed in the same command, nobody had to press « clore ».
        var consultant = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(consultant, consultantEmail);
        await consultant.GotoAsync($"/parcours/{enrolment}");
        await Assertions.Expect(consultant.Locator(".fr-stepper__title")).ToContainTextAsync("Formations et lancement");
        await Assertions.Expect(consultant.Locator("#porte-automatique")).ToBeVisibleAsync();
        await Assertions.Expect(consultant.Locator("#porte h3")).ToHaveTextAsync("Pour clore « Formations et lancement »");
        await Artifacts.ScreenshotAsync(consultant, "journey-phase-suivante");
        await Accessibility.AssertNoViolationAsync(consultant);
    }
}
