using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Indicators;

/// <summary>A group's benchmark for one indicator and period: each establishment against the median and quartiles.</summary>
public sealed class BenchmarkModel(GroupBenchmark benchmark) : PageModel
{
    public BenchmarkView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid groupId, string? indicateur, string? periode, bool anonyme, CancellationToken cancellationToken)
    {
        if (await benchmark.ForGroupAsync(groupId, indicateur, periode, anonyme, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
