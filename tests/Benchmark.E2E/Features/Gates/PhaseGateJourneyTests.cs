using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Gates;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Gates;

/// <summary>
/// The team ticks its checklist (one item « non applicable » with a reason) without reloading the page, the consultant
/// closes the phase from the journey page, and the journey shows the next phase; axe-checked on both pages.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PhaseGateJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Checklist_WhenTeamTicksAndConsultantCloses_ThenTheJourneyShowsTheNextPhase()
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

        var notApplicable = team.Locator("#item-equipe-dim-dsi");
        await notApplicable.GetByText("Cet élément ne s'applique pas à l'établissement").ClickAsync();
        await notApplicable.GetByLabel("Raison (obligatoire)").FillAsync("Pas de DIM : prestation externalisée");
        await notApplicable.GetByRole(AriaRole.Button, new() { Name = "Marquer non applicable" }).ClickAsync();
        await Assertions.Expect(team.Locator("#item-equipe-dim-dsi")).ToHaveAttributeAsync("data-status", "NotApplicable");
        await Assertions.Expect(team.Locator("[data-progress='phase']")).ToContainTextAsync("1 / 4");

        foreach (var item in new[] { "equipe-medical", "equipe-paramedical", "interlocuteur-privilegie" })
        {
            await team.Locator($"#item-{item}").GetByRole(AriaRole.Button, new() { Name = "Cocher" }).ClickAsync();
            await Assertions.Expect(team.Locator($"#item-{item}")).ToHaveAttributeAsync("data-status", "Done");
        }

        await Assertions.Expect(team.Locator("[data-progress='phase']")).ToContainTextAsync("4 / 4 (100 %)");
        await Artifacts.ScreenshotAsync(team, "checklist-equipe");
        await Accessibility.AssertNoViolationAsync(team);

        var consultant = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(consultant, consultantEmail);
        await consultant.GotoAsync($"/parcours/{enrolment}");
        await Assertions.Expect(consultant.Locator("#porte-ouverte")).ToBeVisibleAsync();
        await consultant.GetByRole(AriaRole.Button, new() { Name = "Clore la phase « Structure projet interne » et ouvrir la suivante" }).ClickAsync();

        await Assertions.Expect(consultant.GetByRole(AriaRole.Status)).ToContainTextAsync("La phase « Formations et lancement » est ouverte.");
        await Assertions.Expect(consultant.Locator(".fr-stepper__title")).ToContainTextAsync("Formations et lancement");
        await Assertions.Expect(consultant.Locator("#porte h3")).ToHaveTextAsync("Pour clore « Formations et lancement »");
        await Artifacts.ScreenshotAsync(consultant, "journey-phase-suivante");
        await Accessibility.AssertNoViolationAsync(consultant);
    }
}
