using Benchmark.Data.Identity;
using Benchmark.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// Sign-in with email and password; five failures lock the account for 15 minutes. An unknown address costs the same
/// password hashing as a known one, so the answer's timing does not tell which addresses have an account.
/// </summary>
[AllowAnonymous]
[CredentialAttempts("Email")]
public sealed class SignInModel(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher) : PageModel
{
    public const string LockedOut =
        "Ce compte est verrouillé après plusieurs essais infructueux. Réessayez dans 15 minutes ou réinitialisez votre mot de passe.";

    private static readonly AppUser Nobody = new() { UserName = "personne", Email = "personne@invalid" };
    private static string? _nobodyHash;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public string? EmailError { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            EmailError = string.IsNullOrWhiteSpace(Email) ? "Saisissez votre adresse électronique." : null;
            Error = "Saisissez votre adresse électronique et votre mot de passe.";
            return Page();
        }

        if (await signIn.UserManager.FindByNameAsync(Email.Trim()) is null)
        {
            _nobodyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
            _ = hasher.VerifyHashedPassword(Nobody, _nobodyHash, Password);
            Error = "Adresse électronique ou mot de passe incorrect.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        Error = result.IsLockedOut
            ? LockedOut
            : "Adresse électronique ou mot de passe incorrect.";
        return Page();
    }
}
