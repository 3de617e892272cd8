using Microsoft.Playwright;

namespace Benchmark.E2E.Infrastructure;

/// <summary>The demo accounts (seeded by the application) and signing in through the real form.</summary>
public static class DemoUsers
{
    public const string Password = "Benchmark-demo-2026";

    public const string Admin = "admin@demo.benchmark.test";
    public const string Referent = "referent@demo.benchmark.test";
    public const string Consultant = "consultant@demo.benchmark.test";
    public const string Team = "equipe@demo.benchmark.test";
    public const string RoadmapTeam = "equipe3@demo.benchmark.test";

    /// <summary>Display names shown in the header (DemoAccounts).</summary>
    public static string NameOf(string email) => email switch
    {
        Admin => "Alice Administratrice (ARS)",
        Referent => "Rémi Référent (ARS)",
        Consultant => "Coralie Consultante",
        Team => "Estelle Équipe (CH de Port-Lumière)",
        RoadmapTeam => "Emma Équipe (Hôpital Saint-Roch-des-Vignes)",
        _ => throw new ArgumentOutOfRangeException(nameof(email), email, "Not a demo account of the browser tests"),
    };

    /// <summary>Short name for artifact files: "admin@demo…" → "admin".</summary>
    public static string ShortName(string email) => email[..email.IndexOf('@', StringComparison.Ordinal)];

    /// <summary>Opens /connexion, types the credentials and submits the form as a person would.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
