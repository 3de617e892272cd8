using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Indicators;

/// <summary>Downloads an enrolment's indicator values (CSV français, CSV international or XLSX).</summary>
public sealed class ExportEnrolmentModel(IndicatorData data, IndicatorExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, string? format, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        // The team exports its drafts too (their state says so); the consultant and the ARS only what was submitted.
        var rows = await export.RowsAsync([enrolmentId], context.Definition, cancellationToken, submittedOnly: !data.Scope.User.IsTeamMember);
        return IndicatorExport.File(format, rows, $"indicateurs-{context.Finess}") is { } file ? file : BadRequest();
    }
}
