using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Roadmap;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Candidature;

/// <summary>One submitted version of the candidature dossier, read-only: what the ARS reviews.</summary>
public sealed class VersionModel(AccessScope scope, BenchmarkDbContext db) : PageModel
{
    public StructuredContext Context { get; private set; } = null!;

    public Submission Shown { get; private set; } = null!;

    public CandidatureDossier Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, int v, CancellationToken cancellationToken)
    {
        var context = await new StructuredDeliverables(scope, db).LoadAsync(enrolmentId, DeliverableKind.Candidature, cancellationToken);
        if (context?.Version(v) is not { } shown || StructuredJson.Deserialize<CandidatureDossier>(shown.StructuredJson) is not { } dossier)
        {
            return NotFound();
        }

        (Context, Shown, Dossier) = (context, shown, dossier);
        return Page();
    }
}
