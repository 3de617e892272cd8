using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Sessions;

/// <summary>After a session: the consultant records attendance and minutes, the team reads them; the report to the ARS form (axe-checked).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SessionRecordsPageTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Minutes_WhenConsultantRecordsThem_ThenTeamReadsThemOnTheSessionPage()
    {
        var sessionId = await StartedSessionAsync(programmeId: null, withReport: false);
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Consultant);
        await page.GotoAsync($"/seances/{sessionId}");
        await Accessibility.AssertNoViolationAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Saisir le compte rendu et les présences" }).ClickAsync();
        await Accessibility.AssertNoViolationAsync(page);
        foreach (var group in await page.Locator("fieldset").AllAsync())
        {
            await group.Locator("label", new() { HasText = "Présent(e)" }).ClickAsync();
        }

        await page.GetByLabel("Compte rendu").FillAsync("Tour de table des établissements.\n\nDécision : diagnostic partagé pour la prochaine séance.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le compte rendu" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Le compte rendu et les présences sont enregistrés")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Présences" })).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "seance-compte-rendu");
        await Accessibility.AssertNoViolationAsync(page);

        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, DemoUsers.Team);
        await team.GotoAsync($"/seances/{sessionId}");
        await Assertions.Expect(team.GetByText("Décision : diagnostic partagé pour la prochaine séance.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(team);

        // The ARS reads it in the wave's journal in words: the session by its title, never an id.
        Guid wave;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            wave = await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().Sessions.Where(s => s.Id == sessionId).Select(s => s.WaveId).SingleAsync();
        }

        var admin = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(admin, DemoUsers.Admin);
        await admin.GotoAsync($"/vagues/{wave}/journal");
        var minutes = admin.Locator("tr", new() { HasText = "Tour de table des établissements" });
        await Assertions.Expect(minutes.First).ToContainTextAsync("Compte rendu de séance : Séance « ");
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", await admin.Locator("main").InnerTextAsync());
        await Artifacts.ScreenshotAsync(admin, "journal-vague-seance");
        await Accessibility.AssertNoViolationAsync(admin);
    }

    [BrowserFact]
    public async Task Report_WhenConsultantOpensIt_ThenFiguresPerEstablishmentAndFormWithoutAxeViolation()
    {
        var sessionId = await StartedSessionAsync(programmeId: "gestion-flux-patients", withReport: true);
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Consultant);

        await page.GotoAsync($"/seances/{sessionId}/rapport-ars");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remettre le compte rendu à l'ARS" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Avancement (check-list)").First).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "seance-rapport-ars");
        await Accessibility.AssertNoViolationAsync(page);
    }

    /// <summary>A collective session of the consultant's group (where equipe@ takes part) scheduled to have started two hours ago.</summary>
    private async Task<Guid> StartedSessionAsync(string? programmeId, bool withReport)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        var consultant = await db.Users.Where(u => u.Email == DemoUsers.Consultant).Select(u => u.Id).SingleAsync();
        var team = await db.Users.Where(u => u.Email == DemoUsers.Team).Select(u => u.Id).SingleAsync();
        var groups = await db.Enrolments.Where(e => db.TeamMembers.Any(m => m.EnrolmentId == e.Id && m.UserId == team)
            && db.Groups.Any(g => g.Id == e.GroupId && g.ConsultantId == consultant)).Select(e => e.GroupId).ToListAsync();
        var definitions = (await db.ProgrammeDefinitions.AsNoTracking().ToListAsync()).ToDictionary(d => d.Id);
        var waves = await db.Waves.AsNoTracking().ToDictionaryAsync(w => w.Id, w => definitions[w.DefinitionId]);
        var session = (await db.Sessions.Where(s => s.Status == SessionStatus.Planned && s.Kind == SessionKind.Collective && groups.Contains(s.GroupId!.Value)).ToListAsync())
            .Where(s => programmeId is null || waves[s.WaveId].ProgrammeId == programmeId)
            .Where(s => !withReport || waves[s.WaveId].Parse().FindSession(s.SessionId)?.Report is not null)
            .OrderBy(s => s.Id).First();
        var start = TimeProvider.System.GetUtcNow().AddHours(-2);
        var scheduled = session.Schedule(new SessionSlot(start, start.AddHours(3), "Salle Ravel, Lyon", null, "Accueil"), start.AddDays(-1));
        Assert.True(scheduled.IsSuccess, scheduled.Error?.Message);
        if (withReport)
        {
            // The report to the ARS follows the session's own minutes.
            var held = session.RecordMinutes("Compte rendu de la séance.", TimeProvider.System.GetUtcNow());
            Assert.True(held.IsSuccess, held.Error?.Message);
        }

        await db.SaveChangesAsync();
        return session.Id;
    }
}
