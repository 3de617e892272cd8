using System.Text.RegularExpressions;
using Benchmark.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Account;

[Collection(BrowserTestGroup.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData(DemoUsers.Admin, "Suivi des vagues")]
    [InlineData(DemoUsers.Referent, "Suivi des vagues")]
    [InlineData(DemoUsers.Consultant, "Mes groupes")]
    [InlineData(DemoUsers.Team, "Mon équipe projet")]
    public async Task SignIn_WhenDemoAccountUsesTheForm_ThenLandsOnTheirQueueAndTheirDashboardFitsTheScreen(string email, string roleSection)
    {
        var page = await browser.NewPageAsync();

        await DemoUsers.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("#compte-a-traiter")).ToBeAttachedAsync();
        await Artifacts.ScreenshotAsync(page, $"a-traiter-{DemoUsers.ShortName(email)}");
        var queueUrl = new Uri(page.Url).AbsolutePath;
        var queueWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tableau de bord", Exact = true }).ClickAsync();
        await Artifacts.ScreenshotAsync(page, $"dashboard-{DemoUsers.ShortName(email)}");

        Assert.Equal("/a-traiter", queueUrl);
        Assert.InRange(queueWidth, 0, 1280);
        Assert.Equal("/tableau-de-bord", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");
        await Assertions.Expect(page.Locator("header[role=banner]")).ToContainTextAsync(DemoUsers.NameOf(email));
        await Assertions.Expect(page.Locator(".fr-alert--error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = roleSection, Exact = true })).ToBeVisibleAsync();
        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 0, 1280);
    }

    [BrowserFact]
    public async Task SignIn_WhenWrongPassword_ThenDsfrErrorAlertAndStaysOnSignIn()
    {
        var page = await browser.NewPageAsync();

        await DemoUsers.SignInAsync(page, DemoUsers.Consultant, "pas-le-bon-mot-de-passe");

        await Artifacts.ScreenshotAsync(page, "signin-wrong-password");
        Assert.Equal("/connexion", new Uri(page.Url).AbsolutePath);
        var alert = page.Locator(".fr-alert--error");
        await Assertions.Expect(alert).ToBeVisibleAsync();
        await Assertions.Expect(alert).ToContainTextAsync("Adresse électronique ou mot de passe incorrect.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToHaveCountAsync(0);
        // The address typed is kept, the password is not.
        await Assertions.Expect(page.GetByLabel("Adresse électronique")).ToHaveValueAsync(DemoUsers.Consultant);
        await Assertions.Expect(page.GetByLabel("Mot de passe", new() { Exact = true })).ToHaveValueAsync("");
    }

    [BrowserFact]
    public async Task SignOut_WhenSignedIn_ThenBackToSignInAndDashboardNeedsSignIn()
    {
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Team);

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.GotoAsync("/tableau-de-bord");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/connexion"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Se connecter à Benchmark");
    }
}
