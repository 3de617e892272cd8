using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Indicators;

/// <summary>A wave's benchmark: every establishment of the wave, under a letter unless the viewer may see it.</summary>
public sealed class WaveBenchmarkModel(GroupBenchmark benchmark) : PageModel
{
    public BenchmarkView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid waveId, string? indicateur, string? periode, bool anonyme, CancellationToken cancellationToken)
    {
        if (await benchmark.ForWaveAsync(waveId, indicateur, periode, anonyme, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
