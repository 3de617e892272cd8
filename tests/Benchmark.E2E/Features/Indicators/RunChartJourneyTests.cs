using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Indicators;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Indicators;

/// <summary>
/// A team reads its run chart with the IHI rules and notes a change it tested: the shift is drawn with its own marker
/// and said in words, the change is a numbered line at its period, every period label is drawn whole at 1,280 px.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RunChartJourneyTests(BrowserFixture browser)
{
    private const string Indicator = "transferts-sau-faute-de-place";

    [BrowserFact]
    public async Task RunChart_WhenTeamNotesAChangeOnAShiftedSeries_ThenSignalsMarkAndWholeLabelsWithoutAxeViolation()
    {
        // Arrange: Clinique des Calanques bleues (equipe2) with 14 more bimonths of transfers than the demo's four
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(browser.App, 1);
        var periods = await RunChartHistory.AddAsync(browser.App, enrolment, Indicator, RunChartHistory.ShiftThenDrop);
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, IndicatorWorld.Team2);
        await page.GotoAsync($"/participations/{enrolment}/indicateurs/graphiques");

        // Act: the team notes the change it tested, by the form's labels
        await page.GetByLabel("Date du changement").FillAsync(periods[7].Start.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Indicateur concerné").SelectOptionAsync(new SelectOptionValue { Label = "Transferts depuis le SAU faute de place disponible" });
        await page.GetByLabel("Changement testé").FillAsync("Lits d'aval réservés chaque matin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Noter le changement" }).ClickAsync();

        // Assert: listed, said, drawn
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le changement testé est noté");
        var section = page.Locator($"#graphique-{Indicator}");
        await Assertions.Expect(section.Locator(".bm-reading")).ToContainTextAsync("Déplacement (losange sur le graphique) : 7 points consécutifs au-dessus de la médiane");
        await Assertions.Expect(section.Locator(".bm-marks")).ToContainTextAsync("Lits d'aval réservés chaque matin");
        var drawn = await page.EvaluateAsync<string>(
            """
            (id) => {
              const chart = Chart.getChart(document.querySelector('#graphique-' + id + ' canvas'));
              const x = chart.scales.x;
              const whole = x.ticks.length === chart.data.labels.length && x.bottom <= chart.height + 0.5 && x.left >= 0 && x.right <= chart.width + 0.5;
              return [chart.data.datasets[0].pointStyle[0], whole, chart.options.scales.y.beginAtZero, x.labelRotation <= 90].join('|');
            }
            """, Indicator);
        Assert.Equal("rectRot|true|true|true", drawn);
        await section.ScrollIntoViewIfNeededAsync();
        await Artifacts.ScreenshotAsync(page, "graphiques-regles-et-changements-1280");
        await section.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.ScreenshotDirectory, "graphique-transferts-deplacement-1280.png") });
        await Accessibility.AssertNoViolationAsync(page);
    }
}
