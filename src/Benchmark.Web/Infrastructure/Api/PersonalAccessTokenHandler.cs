using System.Text.Encodings.Web;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Infrastructure.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer bm_…</c>: the token's SHA-256 must match a token that is neither revoked nor
/// expired, of an account that is not locked out; failures are counted per client address (<see cref="TokenFailures"/>).
/// The principal is built by the same claims factory as the cookie, so the access rule sees the same roles and agency
/// whichever way the user came in.
/// </summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BenchmarkDbContext db,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> claims,
    TokenFailures failures,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    private const string RetryAfterItem = "benchmark.token-failures.retry-after";

    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (failures.Blocked(address) is { } wait)
        {
            Context.Items[RetryAfterItem] = wait;
            return AuthenticateResult.Fail("Too many failed tokens from this address.");
        }

        var presented = header["Bearer ".Length..].Trim();
        if (!presented.StartsWith(TokenSecret.Marker, StringComparison.Ordinal))
        {
            failures.Failed(address);
            return AuthenticateResult.Fail("Not a Benchmark personal access token.");
        }

        var hash = TokenSecret.Hash(presented);
        var token = await db.PersonalAccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            failures.Failed(address);
            return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        }

        var user = await users.FindByIdAsync(token.UserId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's account is unavailable.");
        }

        // When the token was last used is worth knowing to the minute; one set-based write, nothing tracked.
        if (token.LastUsedAt is not { } last || now - last >= LastUseResolution)
        {
            await db.PersonalAccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var principal = await claims.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterItem] is TimeSpan wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"benchmark\"";
        return Task.CompletedTask;
    }
}
