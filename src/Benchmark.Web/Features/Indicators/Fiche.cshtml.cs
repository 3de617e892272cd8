using Benchmark.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Indicators;

/// <summary>The « fiche de restitution » of an establishment: each indicator's latest value, evolution, group median, to print.</summary>
public sealed class FicheModel(IndicatorData data, BenchmarkDbContext db, ChartAnnotations notes) : PageModel
{
    public IndicatorEnrolment Context { get; private set; } = null!;

    public IReadOnlyList<RunChart> Charts { get; private set; } = [];

    public DateOnly Today => data.Today;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        Charts = await ChartsModel.LoadAsync(data, db, context, await notes.ForAsync(enrolmentId, cancellationToken), cancellationToken);
        return Page();
    }
}
