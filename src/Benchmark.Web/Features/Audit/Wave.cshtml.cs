using Microsoft.AspNetCore.Mvc;

namespace Benchmark.Web.Features.Audit;

/// <summary>The trail of a whole wave, for the agency's ARS staff only (others: 404).</summary>
public sealed class WaveModel(AuditTrailQuery query) : AuditPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid waveId, CancellationToken cancellationToken)
    {
        if (await query.ForWaveAsync(waveId, Filter, cancellationToken) is not { } trail)
        {
            return NotFound();
        }

        Trail = trail;
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid waveId, string? format, CancellationToken cancellationToken) =>
        await query.ExportAsync(waveId, null, Filter, cancellationToken) is { } rows
            ? AuditExport.File(rows, format, "journal-vague") is { } file ? file : BadRequest()
            : NotFound();
}
