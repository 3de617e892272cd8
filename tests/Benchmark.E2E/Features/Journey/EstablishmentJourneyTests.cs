using System.Text.RegularExpressions;
using Benchmark.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Journey;

/// <summary>A team member goes from the dashboard to their establishment's journey page (/parcours/{enrolmentId}).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class EstablishmentJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Dashboard_WhenTeamMemberFollowsJourneyLink_ThenJourneyPageOpensWithoutAxeViolation()
    {
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Team);
        await page.GotoAsync("/tableau-de-bord");
        var link = page.Locator("main a[href^='/parcours/']").First;
        await Assertions.Expect(link).ToBeVisibleAsync();

        await link.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(JourneyUrl());
        var response = await page.ReloadAsync();
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(JourneyTitle());
        await Artifacts.ScreenshotAsync(page, "journey-equipe");
        await Accessibility.AssertNoViolationAsync(page);
    }

    [GeneratedRegex("/parcours/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex JourneyUrl();

    // equipe@ is a team member of the first demo establishment, in Port-Lumière.
    [GeneratedRegex("^Parcours de .*Port-Lumière$")]
    private static partial Regex JourneyTitle();
}
