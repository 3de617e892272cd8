using System.Text.RegularExpressions;
using Benchmark.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Journey;

/// <summary>A team member goes from the dashboard to their establishment's journey page (/parcours/{enrolmentId}).</summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class EstablishmentJourneyTests(BrowserFixture browser)
{
    // PENDING: written against the URL pattern /parcours/{enrolmentId:guid}; the journey page (Features/Journey) and the
    // dashboard link to it are being built. Remove Skip when they land.
    [BrowserFact(Skip = "Pending: the journey page /parcours/{enrolmentId} and its dashboard link are not built yet")]
    public async Task Dashboard_WhenTeamMemberFollowsJourneyLink_ThenJourneyPageOpensWithoutAxeViolation()
    {
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Team);
        var link = page.Locator("main a[href^='/parcours/']").First;
        await Assertions.Expect(link).ToBeVisibleAsync();

        await link.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(JourneyUrl());
        var response = await page.ReloadAsync();
        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Tableau de bord");
        await Artifacts.ScreenshotAsync(page, "journey-equipe");
        await Accessibility.AssertNoViolationAsync(page);
    }

    [GeneratedRegex("/parcours/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex JourneyUrl();
}
