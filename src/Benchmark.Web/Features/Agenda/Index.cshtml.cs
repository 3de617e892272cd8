using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Features.Agenda;

/// <summary>
/// « Mon agenda » : the signed-in person's private calendar feed. The URL is shown once, on the response to its
/// creation; creating a new one revokes the previous one.
/// </summary>
public sealed class IndexModel(BenchmarkDbContext db, CurrentUser me, TimeProvider clock, IOptions<MailOptions> options) : PageModel
{
    public CalendarFeed? Active { get; private set; }

    /// <summary>The feed URL just created: shown in this response only.</summary>
    public string? CreatedUrl { get; private set; }

    public bool Revoked { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await RevokeAllAsync(now, cancellationToken);
        var token = CalendarFeedIcs.NewToken();
        db.CalendarFeeds.Add(new CalendarFeed { Id = Guid.CreateVersion7(), UserId = me.Id, TokenHash = TokenSecret.Hash(token), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        CreatedUrl = options.Value.Link($"/agenda/{token}.ics");
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await RevokeAllAsync(clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Revoked = true;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task RevokeAllAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var active = await db.CalendarFeeds.Where(f => f.UserId == me.Id && f.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var feed in active)
        {
            feed.RevokedAt = now;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var mine = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == me.Id && f.RevokedAt == null).ToListAsync(cancellationToken);
        Active = mine.OrderByDescending(f => f.CreatedAt).FirstOrDefault();
    }
}
