using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Journey;

/// <summary>An establishment's journey: phases, dates, today's position and what the open gate still needs.</summary>
public sealed class IndexModel(JourneyQuery query) : PageModel
{
    public EnrolmentJourney Journey { get; private set; } = null!;

    /// <summary>What the last gate action did (set by the gate page before it redirects here).</summary>
    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await query.LoadAsync(enrolmentId, cancellationToken) is not { } journey)
        {
            return NotFound();
        }

        Journey = journey;
        return Page();
    }
}
