using Benchmark.Core.Common;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Features.Agenda;

/// <summary>
/// « Mon agenda » : the signed-in person's private calendar feed. The URL is shown once, on the response to its
/// creation; creating a new one revokes the previous one. Both changes save through <see cref="UnitOfWork"/>: when another
/// tab changed the feeds at the same moment, nothing is saved and the page says so (409).
/// </summary>
public sealed class IndexModel(BenchmarkDbContext db, CurrentUser me, UnitOfWork unit, TimeProvider clock, IOptions<MailOptions> options) : PageModel
{
    public const string Conflict = "Votre lien d'agenda vient d'être modifié depuis une autre fenêtre : rechargez la page pour voir son état, puis recommencez.";

    public CalendarFeed? Active { get; private set; }

    /// <summary>The feed URL just created: shown in this response only.</summary>
    public string? CreatedUrl { get; private set; }

    public bool Revoked { get; private set; }

    /// <summary>Why nothing was saved (a conflict).</summary>
    public string? Alert { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await RevokeAllAsync(now, cancellationToken);
        var token = CalendarFeedIcs.NewToken();
        db.CalendarFeeds.Add(new CalendarFeed { Id = Guid.CreateVersion7(), UserId = me.Id, TokenHash = TokenSecret.Hash(token), CreatedAt = now });
        var saved = await SaveAsync("calendar-feed.create", cancellationToken);
        if (saved.IsSuccess)
        {
            CreatedUrl = options.Value.Link($"/agenda/{token}.ics");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await RevokeAllAsync(clock.GetUtcNow(), cancellationToken);
        Revoked = (await SaveAsync("calendar-feed.revoke", cancellationToken)).IsSuccess;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Saves the change; on a conflict sets the status and <see cref="Alert"/>.</summary>
    private async Task<Result<bool>> SaveAsync(string command, CancellationToken cancellationToken)
    {
        var saved = await unit.SaveAsync(true, new CommandName(command, me.Name, me.Id), _ => Task.FromResult(Error.Conflict(Conflict)), cancellationToken);
        if (!saved.IsSuccess)
        {
            Alert = this.Refuse(saved.Error!);
        }

        return saved;
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
