using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Waves;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Programmes;

/// <summary>The programme definitions and their versions, with the waves of the reader's scope that use each.</summary>
public sealed class IndexModel(ProgrammeScope programmes, AccessScope scope) : PageModel
{
    public sealed record VersionRow(Guid Id, int Version, DateTimeOffset RegisteredAt, bool Locked, int Waves);

    public sealed record ProgrammeRow(string ProgrammeId, string Title, IReadOnlyList<VersionRow> Versions);

    public IReadOnlyList<ProgrammeRow> Programmes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ArsEditing.CanRead(scope.User))
        {
            return NotFound();
        }

        var rows = await programmes.Definitions()
            .Select(d => new { d.Id, d.ProgrammeId, d.Title, d.Version, d.RegisteredAt, d.Locked, Waves = scope.Waves().Count(w => w.DefinitionId == d.Id) })
            .ToListAsync(cancellationToken);
        Programmes = [.. rows.GroupBy(r => r.ProgrammeId)
            .Select(g => new ProgrammeRow(g.Key, g.MaxBy(r => r.Version)!.Title,
                [.. g.OrderByDescending(r => r.Version).Select(r => new VersionRow(r.Id, r.Version, r.RegisteredAt, r.Locked, r.Waves))]))
            .OrderBy(p => p.Title, StringComparer.Ordinal)];
        return Page();
    }
}
