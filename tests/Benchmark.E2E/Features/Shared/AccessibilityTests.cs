using Benchmark.E2E.Infrastructure;

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
}
