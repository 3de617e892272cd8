using System.Security.Claims;
using Benchmark.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Infrastructure.Security;

/// <summary>
/// Identity's sign-in with a server-side session (<see cref="ServerSessions"/>): every way in (password, link,
/// refresh after a password change) goes through <see cref="SignInWithClaimsAsync"/>, which opens a session unless the
/// same person's current one is being renewed; signing out closes it.
/// </summary>
internal sealed class SessionSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    ServerSessions sessions)
    : SignInManager<AppUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.Where(c => c.Type != ServerSessions.ClaimType).ToList();
        var current = Context.User;
        var session = current.FindFirstValue(ServerSessions.ClaimType) is { } same && UserManager.GetUserId(current) == user.Id.ToString()
            ? same
            : await sessions.OpenAsync(user.Id);
        claims.Add(new Claim(ServerSessions.ClaimType, session));
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    public override async Task SignOutAsync()
    {
        if (Context.User.FindFirstValue(ServerSessions.ClaimType) is { } session && Guid.TryParse(UserManager.GetUserId(Context.User), out var userId))
        {
            await sessions.CloseAsync(userId, session);
        }

        await base.SignOutAsync();
    }
}
