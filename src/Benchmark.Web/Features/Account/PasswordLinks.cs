using Benchmark.Data.Identity;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// The links that let someone choose a password: <c>/invitation?user={userId}&amp;token={token}</c> for a new account,
/// <c>/reinitialiser?user={userId}&amp;token={token}</c> after « mot de passe oublié ». The token is Identity's password
/// reset token: single use (setting the password changes the security stamp it is bound to) and valid
/// <c>DataProtectionTokenProviderOptions.TokenLifespan</c> (3 days, <c>IdentitySetup</c>).
/// </summary>
public static class PasswordLinks
{
    public const string InvitationPath = "invitation";

    public const string ResetPath = "reinitialiser";

    public const int ValidDays = 3;

    public static Task<string> InvitationAsync(UserManager<AppUser> users, MailOptions options, AppUser user) => LinkAsync(users, options, user, InvitationPath);

    public static Task<string> ResetAsync(UserManager<AppUser> users, MailOptions options, AppUser user) => LinkAsync(users, options, user, ResetPath);

    /// <summary>The account a link designates, if the link is still valid (right user, unexpired and unused token).</summary>
    public static async Task<AppUser?> FindValidAsync(UserManager<AppUser> users, string? userId, string? token)
    {
        if (!Guid.TryParse(userId, out var id) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            return null;
        }

        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    private static async Task<string> LinkAsync(UserManager<AppUser> users, MailOptions options, AppUser user, string path)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return options.Link($"{path}?user={user.Id}&token={Uri.EscapeDataString(token)}");
    }
}
