using Benchmark.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Shared;

/// <summary>axe-core finds no violation on the sign-in page (empty and with an error) and on each role's dashboard.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task SignInPage_WhenOpened_ThenAxeFindsNoViolation()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/connexion");

        await Artifacts.ScreenshotAsync(page, "signin");
        await Accessibility.AssertNoViolationAsync(page);
    }

    [BrowserFact]
    public async Task SignInPage_WhenErrorShown_ThenAxeFindsNoViolation()
    {
        var page = await browser.NewPageAsync();

        await DemoUsers.SignInAsync(page, DemoUsers.Admin, "pas-le-bon-mot-de-passe");

        await Accessibility.AssertNoViolationAsync(page);
    }

    [BrowserTheory]
    [InlineData(DemoUsers.Admin)]
    [InlineData(DemoUsers.Referent)]
    [InlineData(DemoUsers.Consultant)]
    [InlineData(DemoUsers.Team)]
    public async Task QueueAndDashboard_WhenSignedIn_ThenAxeFindsNoViolation(string email)
    {
        var page = await browser.NewPageAsync();

        await DemoUsers.SignInAsync(page, email);

        Assert.Equal("/a-traiter", new Uri(page.Url).AbsolutePath);
        await Accessibility.AssertNoViolationAsync(page);
        await page.GotoAsync("/tableau-de-bord");
        await Accessibility.AssertNoViolationAsync(page);
    }

    [BrowserFact]
    public async Task Calendar_WhenTheConsultantBrowsesMonthWeekAndList_ThenSessionsShowAndAxeFindsNoViolation()
    {
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Consultant);

        await page.GetByRole(AriaRole.Link, new() { Name = "Calendrier", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mois suivant" }).ClickAsync();
        await Assertions.Expect(page.Locator("#calendrier-grille li[data-session]").First).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "calendrier-mois");
        await Accessibility.AssertNoViolationAsync(page);
        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 0, 1280);
        await page.GetByRole(AriaRole.Link, new() { Name = "Liste", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#calendrier-liste tr[data-session]").First).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "calendrier-liste");
        await Accessibility.AssertNoViolationAsync(page);
        await page.Locator("#calendrier-liste tr[data-session] a").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/seances/"));
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Semaine", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Calendrier des séances");
        await Accessibility.AssertNoViolationAsync(page);
    }
}
