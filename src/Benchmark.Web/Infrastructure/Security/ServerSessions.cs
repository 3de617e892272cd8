using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Benchmark.Data;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Infrastructure.Security;

/// <summary>
/// Server-side sessions, so that a cookie stops working when its session ends rather than when it expires: each
/// sign-in opens one (a random id in the cookie's <see cref="ClaimType"/> claim and a row in Identity's user tokens
/// table, provider <see cref="Provider"/>), every request checks the row (one primary-key lookup), and signing out
/// deletes it — a copied cookie replayed afterwards is refused. « Se déconnecter partout » deletes them all.
/// </summary>
public sealed class ServerSessions(BenchmarkDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string ClaimType = "benchmark:session";

    public const string Provider = "Benchmark.Session";

    /// <summary>Rows older than this are purged at the account's next sign-in (a session slides 8 hours at a time).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

    public async Task<string> OpenAsync(Guid userId)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = clock.GetUtcNow();
        var opened = await db.UserTokens.AsNoTracking().Where(t => t.UserId == userId && t.LoginProvider == Provider)
            .Select(t => new { t.Name, t.Value }).ToListAsync();
        var stale = opened.Where(t => !DateTimeOffset.TryParse(t.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) || at < now - Kept)
            .Select(t => t.Name).ToList();
        if (stale.Count > 0)
        {
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && stale.Contains(t.Name)).ExecuteDeleteAsync();
        }

        // A context of its own: the caller's may hold changes that are not this one's to save.
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        own.UserTokens.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = Provider, Name = id, Value = Stamp(now) });
        var saved = await scope.ServiceProvider.GetRequiredService<UnitOfWork>()
            .SaveAsync(id, new CommandName("session.open", userId.ToString(), userId), null, CancellationToken.None);
        if (!saved.IsSuccess)
        {
            throw new InvalidOperationException("The sign-in session could not be recorded: " + saved.Error!.Message);
        }

        return id;
    }

    public Task CloseAsync(Guid userId, string sessionId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == sessionId).ExecuteDeleteAsync();

    /// <summary>Ends every session of the account but <paramref name="kept"/> (none when null).</summary>
    public Task CloseAllAsync(Guid userId, string? kept = null) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name != kept).ExecuteDeleteAsync();

    /// <summary>The cookie's check, after the security stamp's: a principal without a live session is signed out.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null)
        {
            return;
        }

        var live = principal.FindFirstValue(ClaimType) is { } session
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await context.HttpContext.RequestServices.GetRequiredService<BenchmarkDbContext>().UserTokens
                .AnyAsync(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == session, context.HttpContext.RequestAborted);
        if (!live)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>The stamp validator rebuilds the principal from the account: the session claim is carried over.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimType) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == ClaimType))
        {
            identity.AddClaim(new Claim(ClaimType, session.Value));
        }

        return Task.CompletedTask;
    }

    private static string Stamp(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
