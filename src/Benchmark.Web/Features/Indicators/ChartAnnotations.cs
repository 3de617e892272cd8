using System.Globalization;
using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>What the form « Noter un changement testé » posts.</summary>
public sealed record AnnotationForm(DateOnly? Date, string? IndicatorId, string? Text);

/// <summary>
/// The changes a team tested, noted on its run charts: the establishment's team adds and removes them (its consultant
/// and the ARS read them). The enrolment comes through the access rule (<see cref="IndicatorData.EnrolmentAsync"/>);
/// an annotation is looked for within that enrolment only, so another establishment's is never found. Each change
/// writes its audit row and is saved once through <see cref="UnitOfWork"/>.
/// </summary>
public sealed class ChartAnnotations(BenchmarkDbContext db, UnitOfWork unit, TimeProvider clock)
{
    public const string Added = "indicators.annotate";
    public const string Removed = "indicators.annotation-remove";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Only the establishment's own team notes its changes.</summary>
    public static bool CanWrite(CurrentUser user) => (user ?? throw new ArgumentNullException(nameof(user))).IsTeamMember;

    public async Task<IReadOnlyList<ChartAnnotation>> ForAsync(Guid enrolmentId, CancellationToken cancellationToken) =>
        await db.ChartAnnotations.AsNoTracking().Where(a => a.EnrolmentId == enrolmentId)
            .OrderBy(a => a.Date).ThenBy(a => a.At).ToListAsync(cancellationToken);

    public async Task<Result<ChartAnnotation>> AddAsync(IndicatorEnrolment context, AnnotationForm form, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(form);
        if (!string.IsNullOrEmpty(form.IndicatorId) && context.Find(form.IndicatorId) is null)
        {
            return Error.Invalid("Choisissez un indicateur du programme, ou tous les indicateurs.", "Indicateur");
        }

        var now = clock.GetUtcNow();
        var created = ChartAnnotation.Create(Guid.CreateVersion7(), context.Enrolment.Id, form.IndicatorId, form.Date, form.Text, actor, now);
        if (!created.IsSuccess)
        {
            return created;
        }

        db.ChartAnnotations.Add(created.Value);
        db.AuditEvents.Add(new AuditEvent(now, actor, context.Wave.Id, context.Enrolment.Id, Added, Target(context, created.Value), null, Describe(created.Value)));
        return await unit.SaveAsync(created.Value, new CommandName(Added, actor, context.Enrolment.Id), conflict: null, cancellationToken);
    }

    public async Task<Result<ChartAnnotation>> RemoveAsync(IndicatorEnrolment context, Guid annotationId, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var annotation = await db.ChartAnnotations.SingleOrDefaultAsync(a => a.Id == annotationId && a.EnrolmentId == context.Enrolment.Id, cancellationToken);
        if (annotation is null)
        {
            return Error.NotFound("Le changement noté");
        }

        db.ChartAnnotations.Remove(annotation);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), actor, context.Wave.Id, context.Enrolment.Id, Removed, Target(context, annotation), Describe(annotation), null));
        return await unit.SaveAsync(annotation, new CommandName(Removed, actor, context.Enrolment.Id), conflict: null, cancellationToken);
    }

    /// <summary>« Graphique : Taux d'occupation des lits » or « Graphiques : tous les indicateurs ».</summary>
    public static string Scope(IndicatorEnrolment context, ChartAnnotation annotation) =>
        annotation?.IndicatorId is { } id
            ? (context ?? throw new ArgumentNullException(nameof(context))).Find(id)?.Title ?? id
            : "tous les indicateurs";

    private static string Target(IndicatorEnrolment context, ChartAnnotation annotation) =>
        annotation.IndicatorId is null ? "Graphiques : tous les indicateurs" : $"Graphique : {Scope(context, annotation)}";

    /// <summary>« 15/03/2027 — Sorties avant midi : nouveau circuit ».</summary>
    public static string Describe(ChartAnnotation annotation) =>
        $"{(annotation ?? throw new ArgumentNullException(nameof(annotation))).Date.ToString("dd/MM/yyyy", French)} — {annotation.Text}";
}
