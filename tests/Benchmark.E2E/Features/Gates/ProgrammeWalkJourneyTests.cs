using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.E2E.Features.Roadmap;
using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Gates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Gates;

/// <summary>
/// A whole programme walked through its gates in Chromium, with nothing forced: « Gestion des flux patients » for the
/// second demo establishment (its demo login equipe2@), « Benchmark bloc / UCA », « HDJ médecine » and « Coaching
/// imagerie » for the third, whose own team account holds every establishment role (TeamAccounts). At each phase the
/// team ticks the check-list; each session of the gate, set to have begun two hours ago (the one step done in the
/// database: the planning form refuses a past slot), gets its attendance and minutes from the consultant on its page;
/// each deliverable is deposited by its owner's side (a PDF on the deliverable page, the feuille de route in its
/// editor) and approved by its approver; the ARS referent takes the go / no-go on the gate page; the consultant closes
/// the phase from the journey page when an approval has not already done it. axe-checked on the first visit of each
/// kind of page and at the end. (The same walk over HTTP, office-surgery included: ProgrammeHttpWalkTests.)
/// </summary>
[Collection(WalkBrowserTestGroup.Name)]
public sealed class ProgrammeWalkJourneyTests(WalkBrowserFixture browser)
{
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);

    [BrowserTheory]
    [InlineData("gestion-flux-patients", 1, "equipe2@demo.benchmark.test")]
    [InlineData("benchmark-bloc-uca", 2, null)]
    [InlineData("hdj-medecine", 2, null)]
    [InlineData("coaching-imagerie", 2, null)]
    public async Task Walk_WhenEachGateIsMetInTheBrowser_ThenEachPhaseOpensInTurnAndTheProgrammeEnds(string programme, int establishment, string? teamEmail)
    {
        var enrolment = await Steering.EnrolmentAsync(browser.App, establishment, programme);
        var definition = await Steering.DbAsync(browser.App, async db => (await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == programme)).Parse());
        var team = await SignedInAsync(teamEmail ?? await TeamAccounts.CreateAsync(browser.App, enrolment, "Théo Trinôme"));
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
            // Each item is ticked by its owner's side (the team's by the team, the consultant's by the consultant…), the
            // items the gate does not name first: the gate's own items would close the phase with the last one.
            var gated = (phase.Gate.AllChecklist ? phase.Checklist.Select(i => i.Id) : phase.Gate.Checklist).ToHashSet(StringComparer.Ordinal);
            var items = phase.Checklist.Where(i => !i.Optional).OrderBy(i => gated.Contains(i.Id)).ToList();
            foreach (var other in items.Select(i => By(i.Owner)).Distinct().Where(p => p != team))
            {
                await other.GotoAsync(journey + "/check-list");
            }

            foreach (var item in items)
            {
                var line = By(item.Owner).Locator($"#item-{item.Id}");
                await line.GetByRole(AriaRole.Button, new() { Name = "Cocher" }).ClickAsync();

                // Ticked, or — the last thing the gate asked for — the phase closed and the next checklist is shown.
                await Assertions.Expect(By(item.Owner).Locator($"#item-{item.Id}[data-status='Done'], #succes-check-list").First).ToBeVisibleAsync();
            }

            await CheckOnceAsync(team, "check-list");

            foreach (var session in phase.Gate.Sessions.Select(id => definition.FindSession(id)!))
            {
                await HoldAsync(consultant, enrolment, session);
            }

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

            if (phase.Gate.Decision is { } decision)
            {
                await DecideAsync(By(decision.By), journey, phase);
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
        await Artifacts.ScreenshotAsync(team, $"parcours-{programme}-termine");
        await Accessibility.AssertNoViolationAsync(team);
    }

    /// <summary>
    /// The session took place: a row of this enrolment set to have begun two hours ago (the planning form refuses a
    /// past slot), then the consultant records everyone present and the minutes on its page, which marks it held.
    /// </summary>
    private async Task HoldAsync(IPage consultant, Guid enrolment, SessionDefinition definition)
    {
        var id = await Steering.DbAsync(browser.App, async db =>
        {
            var waveId = await db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.WaveId).SingleAsync();
            var start = TimeProvider.System.GetUtcNow().AddHours(-2);
            var session = new Session(Guid.NewGuid(), waveId, null, enrolment, definition.Id, definition.Kind, start, start.AddHours(2));
            var scheduled = session.Schedule(new SessionSlot(start, start.AddHours(2), "Salle de l'établissement", null, null), start.AddDays(-1));
            Assert.True(scheduled.IsSuccess, scheduled.Error?.Message);
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

        await consultant.GotoAsync($"/seances/{id}/compte-rendu");
        await Assertions.Expect(consultant.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Compte rendu : {definition.Title}");
        foreach (var person in await consultant.Locator("fieldset").AllAsync())
        {
            await person.Locator("label", new() { HasText = "Présent(e)" }).ClickAsync();
        }

        await consultant.GetByLabel("Compte rendu").FillAsync($"{definition.Title} : séance tenue, décisions partagées.");
        await CheckOnceAsync(consultant, "compte-rendu");
        await consultant.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        await Assertions.Expect(consultant.GetByText("Le compte rendu et les présences sont enregistrés")).ToBeVisibleAsync();
    }

    /// <summary>The go / no-go of a gate, taken on the gate page by the role the definition names.</summary>
    private async Task DecideAsync(IPage page, string journey, PhaseDefinition phase)
    {
        await page.GotoAsync(journey + "/porte");
        await Assertions.Expect(page.Locator("#decision")).ToBeVisibleAsync();
        await page.Locator("label", new() { HasText = "Go (favorable)" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Go (favorable)")).ToBeCheckedAsync();
        await page.GetByLabel("Commentaire").FillAsync($"Favorable à la clôture de « {phase.Title} ».");
        await CheckOnceAsync(page, "go-no-go");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Décision enregistrée.");
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
        await page.GetByRole(AriaRole.Button, new() { Name = d.Approver is null ? "Déposer" : "Déposer et soumettre à la validation", Exact = true }).ClickAsync();
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
