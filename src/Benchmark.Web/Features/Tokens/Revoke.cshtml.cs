using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Tokens;

/// <summary>Revokes one of my tokens (confirmation page on GET, for use without JavaScript). Someone else's token is not found.</summary>
public sealed class RevokeModel(BenchmarkDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public PersonalAccessToken Token { get; private set; } = null!;

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
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/compte/jetons?revoque={token.Id}");
    }

    private Task<PersonalAccessToken?> MineAsync(Guid tokenId, CancellationToken cancellationToken) =>
        db.PersonalAccessTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == me.Id, cancellationToken);
}
