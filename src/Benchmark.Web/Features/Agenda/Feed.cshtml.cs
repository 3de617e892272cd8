using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Agenda;

/// <summary>The private calendar feed: anonymous (calendar clients send no cookie), the secret token is the key; unknown or revoked → 404.</summary>
[AllowAnonymous]
public sealed class FeedModel(CalendarFeedIcs feeds) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var ics = await feeds.BuildAsync(token, cancellationToken);
        if (ics is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return Content(ics, "text/calendar; charset=utf-8");
    }
}
