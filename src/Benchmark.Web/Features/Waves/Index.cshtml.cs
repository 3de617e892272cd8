using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Waves;

/// <summary>The waves of the reader's scope: an agency's for ARS staff, those where a consultant follows a group.</summary>
public sealed class IndexModel(AccessScope scope, BenchmarkDbContext db) : PageModel
{
    public sealed record WaveRow(Guid Id, string Name, string Programme, int Version, int Groups, int Enrolments, IReadOnlyList<(string Name, DateOnly Date)> Anchors);

    public IReadOnlyList<WaveRow> Waves { get; private set; } = [];

    public bool CanCreate => ArsEditing.CanEdit(scope.User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ArsEditing.CanRead(scope.User))
        {
            return NotFound();
        }

        var waves = await scope.Waves().AsNoTracking()
            .Select(w => new
            {
                Wave = w,
                Definition = db.ProgrammeDefinitions.Where(d => d.Id == w.DefinitionId).Select(d => new { d.Title, d.Version }).First(),
                Groups = scope.Groups().Count(g => g.WaveId == w.Id),
                Enrolments = scope.Enrolments().Count(e => e.WaveId == w.Id),
            })
            .ToListAsync(cancellationToken);
        Waves = [.. waves.OrderByDescending(w => w.Wave.CreatedAt).ThenBy(w => w.Wave.Name, StringComparer.Ordinal)
            .Select(w => new WaveRow(w.Wave.Id, w.Wave.Name, w.Definition.Title, w.Definition.Version, w.Groups, w.Enrolments,
                [.. w.Wave.Anchors.Select(a => (a.Name, a.Date))]))];
        return Page();
    }
}
