using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Deliverables;

/// <summary>Every deliverable of an enrolment, phase by phase: state, due date, who submits, who approves.</summary>
public sealed class IndexModel(DeliverableQuery query) : PageModel
{
    public DeliverablesPage View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await query.LoadAsync(enrolmentId, null, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        View = page;
        return Page();
    }
}
