using Benchmark.Data;
using Benchmark.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Grid;

/// <summary>A team uploads a grid with two bad rows, sees both errors, uploads the corrected file, sees the indicators and chart.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class GridJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Grid_WhenTeamUploadsTwoBadRowsThenTheFixedFile_ThenErrorsThenIndicatorsAndChartWithoutAxeViolation()
    {
        // Arrange: the team's imaging enrolment
        var enrolment = await browser.App.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return await db.Enrolments.IgnoreAutoIncludes()
                .Where(e => db.TeamMembers.Any(m => m.EnrolmentId == e.Id && db.Users.Any(u => u.Id == m.UserId && u.Email == DemoUsers.Team))
                    && db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == "coaching-imagerie")))
                .Select(e => e.Id).FirstAsync();
        });
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Team);
        await page.GotoAsync($"/parcours/{enrolment}/grille");
        await Accessibility.AssertNoViolationAsync(page);

        // Act 1: a file with two bad rows
        await page.GetByLabel("Fichier de la grille").SetInputFilesAsync(Corpus("deux-lignes-fausses.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et importer" }).ClickAsync();

        // Assert 1: both errors, nothing imported
        await Assertions.Expect(page.Locator("#resultat-import")).ToContainTextAsync("2 lignes à corriger : rien n'a été importé");
        await Assertions.Expect(page.Locator("#erreurs tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#erreurs tr[data-ligne='3']")).ToContainTextAsync("date invalide");
        await Assertions.Expect(page.Locator("#erreurs tr[data-ligne='6']")).ToContainTextAsync("Programmé annulé");
        await Assertions.Expect(page.Locator("#aucune-ligne")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(page);
        await Artifacts.ScreenshotAsync(page, "grille-deux-erreurs");

        // Act 2: the six valid rows only; the page lands back on its own address
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer uniquement les 6 lignes valides" }).ClickAsync();
        await Assertions.Expect(page.Locator("#resultat-import")).ToContainTextAsync("6 lignes valides lues, 6 lignes ajoutées");
        Assert.EndsWith($"/parcours/{enrolment}/grille", page.Url, StringComparison.Ordinal);

        // Act 3: the corrected file, from there
        await page.GetByLabel("Fichier de la grille").SetInputFilesAsync(Corpus("francais.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et importer" }).ClickAsync();

        // Assert 3: only its two new rows added, the four indicators of September 2010, the report-delay chart
        await Assertions.Expect(page.Locator("#resultat-import")).ToContainTextAsync("Import réussi");
        await Assertions.Expect(page.Locator("#resultat-import")).ToContainTextAsync("8 lignes valides lues, 2 lignes ajoutées (6 lignes déjà importées)");
        var september = page.Locator("#synthese-periode tr[data-periode='2010-M09']");
        await Assertions.Expect(september.Locator("[data-indicateur='taux-rdv-programmes']")).ToHaveTextAsync("66,7 %");
        await Assertions.Expect(september.Locator("[data-indicateur='taux-rdv-non-honores']")).ToHaveTextAsync("25 %");
        await Assertions.Expect(september.Locator("[data-indicateur='delai-moyen-rdv']")).ToHaveTextAsync("12 j");
        await Assertions.Expect(september.Locator("[data-indicateur='delai-moyen-cr']")).ToHaveTextAsync("4 j");
        await Assertions.Expect(page.Locator("#graphique-repartition")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.getElementById('graphique-repartition'))"));
        await Accessibility.AssertNoViolationAsync(page);
        await Artifacts.ScreenshotAsync(page, "grille-indicateurs");
    }

    private static string Corpus(string file)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Benchmark.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "Benchmark.Web.Tests", "Features", "Grid", "corpus", file);
            }
        }

        throw new InvalidOperationException("No Benchmark.sln above the test binaries.");
    }
}
