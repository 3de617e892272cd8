using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Waves;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Establishments;

/// <summary>An establishment and its enrolments (the ones in the reader's scope).</summary>
public sealed class DetailsModel(AccessScope scope, BenchmarkDbContext db) : PageModel
{
    public sealed record EnrolmentRow(Guid WaveId, string Wave, Guid GroupId, string Group, string Programme, string Phase, string Status);

    public Establishment Establishment { get; private set; } = null!;

    public IReadOnlyList<EnrolmentRow> Enrolments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid establishmentId, CancellationToken cancellationToken)
    {
        var establishment = ArsEditing.CanRead(scope.User)
            ? await scope.Establishments().AsNoTracking().SingleOrDefaultAsync(e => e.Id == establishmentId, cancellationToken)
            : null;
        if (establishment is null)
        {
            return NotFound();
        }

        Establishment = establishment;
        var rows = await (from e in scope.Enrolments().Where(e => e.EstablishmentId == establishmentId)
                          join w in scope.Waves() on e.WaveId equals w.Id
                          join g in scope.Groups() on e.GroupId equals g.Id
                          join d in db.ProgrammeDefinitions on w.DefinitionId equals d.Id
                          select new { e.WaveId, Wave = w.Name, e.GroupId, Group = g.Name, d.Id, e.CurrentPhaseId, e.Status }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).Distinct().ToList();
        var definitions = (await db.ProgrammeDefinitions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken)).ToDictionary(d => d.Id, d => d.Parse());
        Enrolments = [.. rows.OrderBy(r => r.Wave, StringComparer.Ordinal).Select(r => new EnrolmentRow(
            r.WaveId, r.Wave, r.GroupId, r.Group, definitions[r.Id].Title, definitions[r.Id].FindPhase(r.CurrentPhaseId)?.Title ?? "—", Display.Status(r.Status)))];
        return Page();
    }
}
