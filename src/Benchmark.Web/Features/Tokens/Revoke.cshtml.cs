using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Tokens;

/// <summary>
/// Revokes one of my tokens (confirmation page on GET, for use without JavaScript). Someone else's token is not found.
/// Saved through <see cref="UnitOfWork"/>: a revocation already made elsewhere is simply shown as done; a conflict leaves
/// the token as it was and says so on the confirmation page (409).
/// </summary>
public sealed class RevokeModel(BenchmarkDbContext db, CurrentUser me, UnitOfWork unit, TimeProvider clock) : PageModel
{
    public PersonalAccessToken Token { get; private set; } = null!;

    /// <summary>Why the token was not revoked (a conflict).</summary>
    public string? Alert { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await MineAsync(tokenId, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        if (token.RevokedAt is not null)
        {
            return Redirect($"/compte/jetons?revoque={token.Id}");
        }

        Token = token;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var token = await MineAsync(tokenId, cancellationToken);
        if (token is null)
        {
            return NotFound();
        }

        token.RevokedAt ??= clock.GetUtcNow();
        var saved = await unit.SaveAsync(true, new CommandName("token.revoke", me.Name, token.Id), null, cancellationToken);
        if (!saved.IsSuccess)
        {
            Token = token;
            Alert = this.Refuse(saved.Error!);
            return Page();
        }

        return Redirect($"/compte/jetons?revoque={token.Id}");
    }

    private Task<PersonalAccessToken?> MineAsync(Guid tokenId, CancellationToken cancellationToken) =>
        db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == me.Id, cancellationToken);
}
