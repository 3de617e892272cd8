using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Roadmap;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Roadmap;

/// <summary>One submitted version of the feuille de route, read-only (what the reviewer approves), optionally compared with another.</summary>
public sealed class VersionModel(AccessScope scope, BenchmarkDbContext db, TimeProvider clock) : PageModel
{
    public StructuredContext Context { get; private set; } = null!;

    public Submission Shown { get; private set; } = null!;

    public RoadmapView View { get; private set; } = null!;

    public Submission? Other { get; private set; }

    public IReadOnlyList<LineChange>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, int v, int? comparer, CancellationToken cancellationToken)
    {
        var context = await new StructuredDeliverables(scope, db).LoadAsync(enrolmentId, DeliverableKind.Roadmap, cancellationToken);
        if (context?.Version(v) is not { } shown || StructuredJson.Deserialize<RoadmapDocument>(shown.StructuredJson) is not { } document)
        {
            return NotFound();
        }

        (Context, Shown) = (context, shown);
        var indicators = context.Definition.Indicators.Select(i => new IndicatorChoice(i.Id, i.Title, i.Unit, i.Min, i.Max)).ToList();
        View = new RoadmapView(document, indicators, ParisTime.Today(clock), "v-");
        if (comparer is { } c && context.Version(c) is { } other && StructuredJson.Deserialize<RoadmapDocument>(other.StructuredJson) is { } older)
        {
            Other = other;
            Changes = other.Version < shown.Version ? RoadmapComparison.Compare(older, document) : RoadmapComparison.Compare(document, older);
        }

        return Page();
    }
}
