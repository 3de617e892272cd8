using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Indicators;

/// <summary>A team enters and submits a bimonth's indicators, the group's consultant validates it, the run chart shows it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class IndicatorJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Indicators_WhenTeamSubmitsAndConsultantValidates_ThenRunChartShowsThePeriodWithoutAxeViolation()
    {
        // Arrange: the team's flux-patients enrolment, the consultant of its group, the current bimonth
        var (enrolment, consultant) = await browser.App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var e = await db.Enrolments.IgnoreAutoIncludes()
                .Where(e => db.TeamMembers.Any(m => m.EnrolmentId == e.Id && db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Team))
                    && db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == "gestion-flux-patients")))
                .FirstAsync();
            var consultantId = await db.Groups.Where(g => g.Id == e.GroupId).Select(g => g.ConsultantId).SingleAsync();
            return (e.Id, await db.Users.Where(u => u.Id == consultantId).Select(u => u.Email!).SingleAsync());
        });
        var period = ReportingPeriod.Containing(Core.Definitions.IndicatorPeriod.Bimonth, Core.Scheduling.ParisTime.Today(TimeProvider.System)).Key;
        var entry = $"/participations/{enrolment}/indicateurs/saisie?periode={period}";

        // Act 1: the team enters the inputs; the computed values appear while typing; it submits
        var team = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(team, DemoUsers.Team);
        await team.GotoAsync(entry);
        foreach (var (name, value) in Web.Tests.Features.Indicators.IndicatorWorld.ValidFluxInputs())
        {
            await team.Locator($"input[name='{name}']").FillAsync(value);
        }

        await Assertions.Expect(team.Locator("#calculs tr[data-indicateur='taux-occupation']")).ToContainTextAsync("88,3 %");
        await Accessibility.AssertNoViolationAsync(team);
        await Artifacts.ScreenshotAsync(team, "indicateurs-saisie-equipe");
        await team.GetByRole(AriaRole.Button, new() { Name = "Soumettre la période" }).ClickAsync();
        await Assertions.Expect(team.Locator("#statut-periode")).ToHaveTextAsync("Soumise");

        // Act 2: the consultant validates it
        var coach = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(coach, consultant);
        await coach.GotoAsync(entry);
        await Accessibility.AssertNoViolationAsync(coach);
        await coach.GetByRole(AriaRole.Button, new() { Name = "Valider la période" }).ClickAsync();
        await Assertions.Expect(coach.Locator("#statut-periode")).ToHaveTextAsync("Validée");

        // Assert: the team's run chart shows the validated period, drawn by Chart.js, with its data table
        await team.GotoAsync($"/participations/{enrolment}/indicateurs/graphiques");
        var row = team.Locator($"#graphique-taux-occupation tr[data-periode='{period}']");
        await Assertions.Expect(row).ToContainTextAsync("88,3 %");
        await Assertions.Expect(row).ToContainTextAsync("Validée");
        var drawn = await team.EvaluateAsync<bool>("() => !!Chart.getChart(document.querySelector('#graphique-taux-occupation canvas'))");
        Assert.True(drawn);
        await Artifacts.ScreenshotAsync(team, "indicateurs-graphiques-equipe");
        await Accessibility.AssertNoViolationAsync(team);
    }
}
