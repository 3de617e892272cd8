using Benchmark.Core.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>Downloads the indicator values of a wave's visible enrolments (ARS: all; consultant: their groups).</summary>
public sealed class ExportWaveModel(IndicatorData data, IndicatorExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid waveId, string? format, CancellationToken cancellationToken)
    {
        var user = data.Scope.User;
        var wave = await data.Scope.Waves().AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken);
        if (wave is null || !(user.IsArsStaff || user.IsConsultant))
        {
            return NotFound();
        }

        var ids = await data.Scope.Enrolments().IgnoreAutoIncludes().Where(e => e.WaveId == waveId && e.Status != EnrolmentStatus.Withdrawn)
            .Select(e => e.Id).ToListAsync(cancellationToken);
        var definition = (await data.ProgrammeAsync(wave, cancellationToken)).Definition;
        var rows = await export.RowsAsync(ids, definition, cancellationToken, submittedOnly: true);
        return IndicatorExport.File(format, rows, $"indicateurs-{definition.Id}") is { } file ? file : BadRequest();
    }
}
