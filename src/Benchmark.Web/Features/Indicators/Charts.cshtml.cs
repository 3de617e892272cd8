using Benchmark.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>Run charts of an enrolment: each indicator over its periods with its median (and target), the data table beside.</summary>
public sealed class ChartsModel(IndicatorData data, BenchmarkDbContext db) : PageModel
{
    public IndicatorEnrolment Context { get; private set; } = null!;

    public IReadOnlyList<RunChart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        Charts = await LoadAsync(data, db, context, cancellationToken);
        return Page();
    }

    /// <summary>The enrolment's charts, with the group's median of the last period (the group's values are read for it, never shown).</summary>
    internal static async Task<IReadOnlyList<RunChart>> LoadAsync(IndicatorData data, BenchmarkDbContext db, IndicatorEnrolment context, CancellationToken cancellationToken)
    {
        var group = await db.Enrolments.IgnoreAutoIncludes().Where(e => e.GroupId == context.Group.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        // The team's own drafts are drawn for the team only; the consultant and the ARS see what was submitted.
        var values = await data.ComputedAsync(group, context.Definition, cancellationToken, submittedOnly: !data.Scope.User.IsTeamMember);
        return RunChart.For(context.Definition, context.Enrolment.Id, values, await TargetsAsync(db, context, cancellationToken));
    }

    /// <summary>Targets of the enrolment's latest submitted feuille de route (none before the first submission).</summary>
    private static async Task<IReadOnlyDictionary<string, decimal>> TargetsAsync(BenchmarkDbContext db, IndicatorEnrolment context, CancellationToken cancellationToken)
    {
        var roadmap = context.Definition.Deliverables.FirstOrDefault(d => d.Kind == Core.Definitions.DeliverableKind.Roadmap);
        if (roadmap is null)
        {
            return new Dictionary<string, decimal>();
        }

        var enrolment = await db.Enrolments.AsNoTracking().AsSplitQuery().SingleAsync(e => e.Id == context.Enrolment.Id, cancellationToken);
        var latest = enrolment.Deliverable(roadmap.Id)?.Submissions.OrderBy(s => s.Version).LastOrDefault();
        var document = Core.Roadmap.StructuredJson.Deserialize<Core.Roadmap.RoadmapDocument>(latest?.StructuredJson);
        return (document?.Targets ?? []).Where(t => t.Target is not null)
            .GroupBy(t => t.IndicatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Target!.Value, StringComparer.Ordinal);
    }
}
