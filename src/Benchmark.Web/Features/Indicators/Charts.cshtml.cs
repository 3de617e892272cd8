using Benchmark.Core.Common;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>
/// Run charts of an enrolment: each indicator over its periods with its median (and target), what the run-chart rules
/// read in it, the changes the team tested, and the data table beside. The team notes and removes its tested changes
/// here; a refused note answers through <see cref="PageResults"/> (422, the field marked), what was typed kept.
/// </summary>
public sealed class ChartsModel(IndicatorData data, BenchmarkDbContext db, ChartAnnotations notes) : PageModel
{
    public IndicatorEnrolment Context { get; private set; } = null!;

    public IReadOnlyList<RunChart> Charts { get; private set; } = [];

    public IReadOnlyList<ChartAnnotation> Annotations { get; private set; } = [];

    public bool CanWrite => ChartAnnotations.CanWrite(data.Scope.User);

    public string? Alert { get; private set; }

    [BindProperty]
    public DateOnly? Date { get; set; }

    [BindProperty]
    public string? Indicateur { get; set; }

    [BindProperty]
    public string? Texte { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken) =>
        await LoadAsync(enrolmentId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnnotateAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !CanWrite)
        {
            return NotFound();
        }

        var result = await notes.AddAsync(Context, new AnnotationForm(Date, Indicateur, Texte), data.Scope.User.Name, cancellationToken);
        return await AnswerAsync(enrolmentId, result, "Le changement testé est noté sur les graphiques.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAnnotationAsync(Guid enrolmentId, Guid annotationId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !CanWrite)
        {
            return NotFound();
        }

        var result = await notes.RemoveAsync(Context, annotationId, data.Scope.User.Name, cancellationToken);
        return await AnswerAsync(enrolmentId, result, "Le changement testé est retiré des graphiques.", cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(Guid enrolmentId, Result<ChartAnnotation> result, string success, CancellationToken cancellationToken)
    {
        if (!result.IsSuccess)
        {
            Alert = this.Refuse(result.Error!);
            await LoadAsync(enrolmentId, cancellationToken);
            return Page();
        }

        TempData["Succes"] = success;
        return Redirect($"/participations/{enrolmentId}/indicateurs/graphiques#changements");
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return false;
        }

        Context = context;
        Annotations = await notes.ForAsync(enrolmentId, cancellationToken);
        Charts = await LoadAsync(data, db, context, Annotations, cancellationToken);
        return true;
    }

    /// <summary>The enrolment's charts, with the group's median of the last period (the group's values are read for it, never shown).</summary>
    internal static async Task<IReadOnlyList<RunChart>> LoadAsync(
        IndicatorData data, BenchmarkDbContext db, IndicatorEnrolment context, IReadOnlyList<ChartAnnotation> annotations, CancellationToken cancellationToken)
    {
        var group = await db.Enrolments.IgnoreAutoIncludes().Where(e => e.GroupId == context.Group.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        // The team's own drafts are drawn for the team only; the consultant and the ARS see what was submitted.
        var values = await data.ComputedAsync(group, context.Definition, cancellationToken, submittedOnly: !data.Scope.User.IsTeamMember);
        return RunChart.For(context.Definition, context.Enrolment.Id, values, await TargetsAsync(db, context, cancellationToken), annotations);
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
