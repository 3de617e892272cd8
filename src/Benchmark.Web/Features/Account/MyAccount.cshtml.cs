using System.Security.Claims;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// « Mon compte » : who I am (name, address, roles), change my password (the current one is required), and sign out
/// everywhere: every server-side session of the account ends at once (<see cref="ServerSessions"/>) and the security
/// stamp is rotated, then this browser is signed out.
/// </summary>
public sealed class MyAccountModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, ServerSessions sessions, BenchmarkDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public IReadOnlyList<string> CurrentPasswordErrors { get; private set; } = [];

    public IReadOnlyList<string> NewPasswordErrors { get; private set; } = [];

    public string? ConfirmationError { get; private set; }

    public bool PasswordChanged { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(CurrentPassword))
        {
            CurrentPasswordErrors = ["Saisissez votre mot de passe actuel."];
        }

        if (string.IsNullOrEmpty(NewPassword))
        {
            NewPasswordErrors = ["Saisissez un nouveau mot de passe."];
        }
        else if (!string.Equals(NewPassword, Confirmation, StringComparison.Ordinal))
        {
            ConfirmationError = "Les deux mots de passe ne sont pas identiques.";
        }

        if (CurrentPasswordErrors.Count > 0 || NewPasswordErrors.Count > 0 || ConfirmationError is not null)
        {
            return Page();
        }

        // A wrong current password is a failed sign-in attempt: it counts towards the same lockout, so a session left
        // open cannot be used to guess the password and take the account over.
        if (await users.IsLockedOutAsync(user))
        {
            CurrentPasswordErrors = [SignInModel.LockedOut];
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user))
                {
                    CurrentPasswordErrors = [SignInModel.LockedOut];
                    return Page();
                }
            }

            CurrentPasswordErrors = [.. result.Errors.Where(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)).Select(e => e.Description)];
            NewPasswordErrors = [.. result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)).Select(e => e.Description)];
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);

        // The password change rotated the security stamp: renew this session's cookie so only the others end, at once.
        await signIn.RefreshSignInAsync(user);
        await sessions.CloseAllAsync(user.Id, kept: User.FindFirstValue(ServerSessions.ClaimType));
        PasswordChanged = true;
        return Page();
    }

    /// <summary>« Révoquer aussi mes jetons d'API et mon lien d'agenda »: what a stolen session may have created survives a sign-out.</summary>
    [BindProperty]
    public bool AlsoRevokeTokens { get; set; }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.CloseAllAsync(user.Id);
            if (AlsoRevokeTokens)
            {
                var now = clock.GetUtcNow();
                await db.PersonalAccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
                await db.CalendarFeeds.Where(f => f.UserId == user.Id && f.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now), cancellationToken);
            }
        }

        await signIn.SignOutAsync();
        return Redirect("/connexion");
    }

    private async Task<AppUser?> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Name = user.FullName;
        Email = user.Email ?? "";
        Roles = [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).Select(AppRoles.French)];
        return user;
    }
}
