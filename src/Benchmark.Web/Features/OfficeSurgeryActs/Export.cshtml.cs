using Benchmark.Data;
using Benchmark.Web.Features.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.OfficeSurgeryActs;

/// <summary>Downloads an office-surgery enrolment's per-CCAM table, every year (CSV français, CSV international or XLSX).</summary>
public sealed class ExportModel(IndicatorData data, PeriodReporting reporting, BenchmarkDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, string? format, CancellationToken cancellationToken)
    {
        var ledger = new CcamActLedger(data, reporting, db, clock);
        if (await ledger.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        var rows = CcamActsExport.Rows(await ledger.AllAsync(enrolmentId, cancellationToken));
        return CcamActsExport.File(format, rows, $"actes-ccam-{context.Finess}") is { } file ? file : BadRequest();
    }
}
