using Benchmark.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// Choosing a password from a link (invitation or reset): the link is checked when the page opens and again when the
/// form is sent; the password follows the account policy (12 characters, not a common password); success activates
/// the account, lifts a lockout and signs the person in. Both pages share this model and <c>_SetPasswordForm</c>.
/// </summary>
public abstract class SetPasswordPageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public const string LinkExpired = "Ce lien n'est plus valable : il a expiré ou a déjà servi.";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public bool LinkInvalid { get; private set; }

    public string? Email { get; private set; }

    public IReadOnlyList<string> PasswordErrors { get; private set; } = [];

    public string? ConfirmationError { get; private set; }

    public abstract string Heading { get; }

    public abstract string Introduction { get; }

    public abstract string SubmitLabel { get; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await PasswordLinks.FindValidAsync(users, UserId, Token);
        LinkInvalid = user is null;
        Email = user?.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await PasswordLinks.FindValidAsync(users, UserId, Token);
        if (user is null)
        {
            LinkInvalid = true;
            return Page();
        }

        Email = user.Email;
        if (string.IsNullOrEmpty(Password))
        {
            PasswordErrors = ["Saisissez un mot de passe."];
            return Page();
        }

        if (!string.Equals(Password, Confirmation, StringComparison.Ordinal))
        {
            ConfirmationError = "Les deux mots de passe ne sont pas identiques.";
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token!, Password);
        if (!result.Succeeded)
        {
            LinkInvalid = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            PasswordErrors = [.. result.Errors.Select(e => e.Description)];
            return Page();
        }

        // The link proved the address; a reset also lifts a lockout, as the sign-in page promises.
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }
}
