using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Grid;

/// <summary>Downloads the grid summaries of an enrolment (CSV français, CSV international or XLSX).</summary>
internal sealed class ExportModel(GridTargets targets, GridResults results) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, string? format, CancellationToken cancellationToken)
    {
        if (await targets.FindAsync(enrolmentId, cancellationToken) is not { } target)
        {
            return NotFound();
        }

        var view = await results.LoadAsync(enrolmentId, cancellationToken);
        return GridExport.File(format, target.Schema, view, $"grille-synthese-{enrolmentId:N}") is { } file ? file : BadRequest();
    }
}
