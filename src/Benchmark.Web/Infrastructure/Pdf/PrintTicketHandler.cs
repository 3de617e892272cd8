using System.Text.Encodings.Web;
using Benchmark.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Infrastructure.Pdf;

/// <summary>
/// Authenticates a GET that carries a print ticket (<see cref="PrintTickets"/>) for its own path, as the ticket's user,
/// with the principal the cookie would carry (same claims factory), on the pages that accept the scheme only.
/// </summary>
internal sealed class PrintTicketHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PrintTickets tickets,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> claims)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PrintTicket";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HttpMethods.IsGet(Request.Method) || !Request.Query.TryGetValue(PrintTickets.QueryKey, out var ticket))
        {
            return AuthenticateResult.NoResult();
        }

        if (tickets.Redeem(ticket.ToString(), Request.Path.Value ?? "") is not { } userId)
        {
            return AuthenticateResult.Fail("Invalid, expired or used print ticket.");
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The print ticket's account is unavailable.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(await claims.CreateAsync(user), Scheme.Name));
    }
}
