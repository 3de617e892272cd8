using Benchmark.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Shared;

/// <summary>The DSFR skip link "Contenu" is the first thing the Tab key reaches, and it moves focus to the main content.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData(null)]
    [InlineData(DemoUsers.Consultant)]
    public async Task Tab_WhenPageJustLoaded_ThenSkipLinkContenuIsFocusedFirst(string? email)
    {
        var page = await browser.NewPageAsync();
        if (email is null)
        {
            await page.GotoAsync("/connexion");
        }
        else
        {
            await DemoUsers.SignInAsync(page, email);
            await page.ReloadAsync();
        }

        await page.Keyboard.PressAsync("Tab");

        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("Contenu");
        await Assertions.Expect(focused).ToHaveAttributeAsync("href", "#contenu");

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#contenu")).ToBeFocusedAsync();
    }
}
