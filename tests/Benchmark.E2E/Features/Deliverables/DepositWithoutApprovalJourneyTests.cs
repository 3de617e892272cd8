using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Gates;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Deliverables;

/// <summary>
/// A deliverable « sans validation : le dépôt suffit »: the consultant deposits the bloc-uca methodological guide, the
/// page says « Déposé » with no decision form and offers a new version; nobody is asked to validate it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DepositWithoutApprovalJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Deposit_WhenTheDeliverableNeedsNoApproval_ThenItIsDepositedAndNoDecisionIsAsked()
    {
        var enrolment = await Steering.EnrolmentAsync(browser.App, 3, "benchmark-bloc-uca");
        var admin = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(admin, DemoUsers.Admin);
        await admin.GotoAsync($"/parcours/{enrolment}/porte");
        await admin.GetByText("Forcer le passage (administrateur ARS)").ClickAsync();
        await admin.GetByLabel("Justification écrite").FillAsync("Équipe projet constituée hors plateforme");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Forcer la clôture de « Structure projet interne »" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("La phase « Formations et lancement » est ouverte.");

        var consultant = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(consultant, await Steering.ConsultantOfAsync(browser.App, enrolment));
        await consultant.GotoAsync($"/parcours/{enrolment}/livrables/guide-methodologique");
        await Assertions.Expect(consultant.Locator("#approbateur")).ToHaveTextAsync("sans validation : le dépôt suffit");
        await consultant.Locator("#fichier").SetInputFilesAsync(new FilePayload
        {
            Name = "guide-methodologique.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n% guide\n%%EOF\n"),
        });
        await consultant.GetByRole(AriaRole.Button, new() { Name = "Déposer", Exact = true }).ClickAsync();

        await Assertions.Expect(consultant.Locator("#succes-livrable")).ToContainTextAsync("Version 1 déposée : le dépôt suffit, aucune validation n'est attendue.");
        await Assertions.Expect(consultant.Locator("#statut-livrable")).ToHaveTextAsync("Déposé");
        await Assertions.Expect(consultant.GetByRole(AriaRole.Heading, new() { Name = "Déposer une nouvelle version" })).ToBeVisibleAsync();
        await Assertions.Expect(consultant.GetByRole(AriaRole.Button, new() { Name = "Valider la version 1" })).ToHaveCountAsync(0);
        await Artifacts.ScreenshotAsync(consultant, "livrable-sans-validation-depose");
        await Accessibility.AssertNoViolationAsync(consultant);
    }
}
