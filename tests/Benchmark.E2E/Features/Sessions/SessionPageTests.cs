using Benchmark.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Sessions;

/// <summary>A consultant opens a session from their dashboard: details, participants and the scheduling forms.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SessionPageTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Dashboard_WhenConsultantFollowsSessionLink_ThenSessionPageWithFormsWithoutAxeViolation()
    {
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Consultant);
        await page.GotoAsync("/tableau-de-bord");
        var link = page.Locator("main a[href^='/seances/']:not([href$='/rapport-ars'])").First;
        await Assertions.Expect(link).ToBeVisibleAsync();

        await link.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Participants" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Participants de la séance" })).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "seance-consultant");
        await Accessibility.AssertNoViolationAsync(page);
    }
}
