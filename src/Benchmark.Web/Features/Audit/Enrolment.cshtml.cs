using Microsoft.AspNetCore.Mvc;

namespace Benchmark.Web.Features.Audit;

/// <summary>The trail of one enrolment, for whoever sees the enrolment (its team, its consultant, ARS staff).</summary>
public sealed class EnrolmentModel(AuditTrailQuery query) : AuditPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await query.ForEnrolmentAsync(enrolmentId, Filter, cancellationToken) is not { } trail)
        {
            return NotFound();
        }

        Trail = trail;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid enrolmentId, string? format, CancellationToken cancellationToken) =>
        await query.ExportAsync(null, enrolmentId, Filter, cancellationToken) is { } rows
            ? AuditExport.File(rows, format, "journal-parcours") is { } file ? file : BadRequest()
            : NotFound();
}
