using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.E2E.Features.Roadmap;
using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Gates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Gates;

/// <summary>
/// A whole programme walked through its five gates in Chromium, with nothing forced: « Gestion des flux patients » for
/// the second demo establishment. At each phase the team ticks the check-list, each deliverable is deposited by its
/// owner's side (a PDF on the deliverable page, the feuille de route in its editor) and approved by its approver; the
/// consultant closes the phase from the journey page when an approval has not already done it. axe-checked on the
/// first visit of each kind of page and at the end.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProgrammeWalkJourneyTests(BrowserFixture browser)
{
    private const string Programme = "gestion-flux-patients";
    private const string TeamEmail = "equipe2@demo.benchmark.test";

    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);

    [BrowserFact]
    public async Task Walk_WhenEachFluxPatientsGateIsMetInTheBrowser_ThenEachPhaseOpensInTurnAndTheProgrammeEnds()
    {
        var enrolment = await Steering.EnrolmentAsync(browser.App, 1, Programme);
        var definition = await Steering.DbAsync(browser.App, async db => (await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == Programme)).Parse());
        var team = await SignedInAsync(TeamEmail);
        var consultant = await SignedInAsync(await Steering.ConsultantOfAsync(browser.App, enrolment));
        var referent = await SignedInAsync(DemoUsers.Referent);
        IPage By(string role) => definition.FindRole(role)?.Side switch
        {
            RoleSide.Establishment => team,
            RoleSide.Consultant => consultant,
            _ => referent,
        };
        var journey = $"/parcours/{enrolment}";

        foreach (var phase in definition.Phases)
        {
            await team.GotoAsync(journey + "/check-list");
            await Assertions.Expect(team.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Check-list : {phase.Title}");
            foreach (var item in phase.Checklist.Where(i => !i.Optional))
            {
                var line = team.Locator($"#item-{item.Id}");
                await line.GetByRole(AriaRole.Button, new() { Name = "Cocher" }).ClickAsync();
                await Assertions.Expect(team.Locator($"#item-{item.Id}")).ToHaveAttributeAsync("data-status", "Done");
            }

            await CheckOnceAsync(team, "check-list");

            foreach (var d in phase.Gate.Deliverables.Select(id => definition.FindDeliverable(id)!))
            {
                await DepositAsync(By(d.Owner), journey, d);
                if (d.Approver is { } approver)
                {
                    var page = By(approver);
                    await page.GotoAsync($"{journey}/livrables/{d.Id}");
                    await CheckOnceAsync(page, "decision");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Valider la version 1" }).ClickAsync();
                    await Assertions.Expect(page.Locator("#statut-livrable")).ToHaveTextAsync("Validé");
                }
            }

            if ((await Steering.StateAsync(browser.App, enrolment)).Phase(phase.Id)!.Status == PhaseStatus.Open)
            {
                await consultant.GotoAsync(journey);
                await Assertions.Expect(consultant.Locator("#porte-ouverte")).ToBeVisibleAsync();
                await CheckOnceAsync(consultant, "porte");
                await consultant.GetByRole(AriaRole.Button, new() { Name = $"Clore la phase « {phase.Title} » et ouvrir la suivante" }).ClickAsync();
                await Assertions.Expect(consultant.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            }

            var state = await Steering.StateAsync(browser.App, enrolment);
            Assert.Equal(PhaseStatus.Closed, state.Phase(phase.Id)!.Status);
            Assert.Null(state.Phase(phase.Id)!.ForcedJustification);
        }

        Assert.Equal(EnrolmentStatus.Completed, (await Steering.StateAsync(browser.App, enrolment)).Status);
        await team.GotoAsync(journey);
        await Assertions.Expect(team.Locator(".fr-stepper, #phases").First).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(team, "parcours-flux-patients-termine");
        await Accessibility.AssertNoViolationAsync(team);
    }

    private async Task DepositAsync(IPage page, string journey, DeliverableDefinition d)
    {
        if (d.Kind == DeliverableKind.Roadmap)
        {
            await page.GotoAsync(journey + "/feuille-de-route");
            await RoadmapReviewJourneyTests.FillActionAsync(page, 0, "Cellule de gestion des lits", "2027-01-04", "2027-06-30");
            await RoadmapReviewJourneyTests.FillRiskAsync(page, "Faible adhésion des équipes de nuit");
            await page.GetByRole(AriaRole.Button, new() { Name = "Déposer pour le visa de l'ARS" }).ClickAsync();
            await Assertions.Expect(page.Locator(".fr-alert--success")).ToContainTextAsync("La version 1 de la feuille de route est déposée");
            return;
        }

        await page.GotoAsync($"{journey}/livrables/{d.Id}");
        await CheckOnceAsync(page, "depot");
        await page.Locator("#fichier").SetInputFilesAsync(new FilePayload
        {
            Name = d.Id + ".pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {d.Id}\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer et soumettre à la validation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#succes-livrable")).ToContainTextAsync("Version 1 déposée");
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, email);
        return page;
    }

    /// <summary>axe on the first visit of each kind of page (the walk visits each many times).</summary>
    private async Task CheckOnceAsync(IPage page, string kind)
    {
        if (_checked.Add(kind))
        {
            await Accessibility.AssertNoViolationAsync(page);
        }
    }
}
