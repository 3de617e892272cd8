using Benchmark.Core.Domain;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Waves;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Establishments;

/// <summary>The establishments of the reader's scope: the agency's for ARS staff, those of a consultant's groups.</summary>
public sealed class IndexModel(AccessScope scope) : PageModel
{
    public IReadOnlyList<Establishment> Establishments { get; private set; } = [];

    public bool CanCreate => ArsEditing.CanEdit(scope.User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ArsEditing.CanRead(scope.User))
        {
            return NotFound();
        }

        Establishments = [.. (await scope.Establishments().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(e => e.Name, StringComparer.Ordinal)];
        return Page();
    }
}
