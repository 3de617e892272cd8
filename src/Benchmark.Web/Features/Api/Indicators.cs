using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Web.Features.Indicators;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Api;

/// <summary>An indicator's computed value for one enrolment and period; <c>value</c> is null when it is not computable.</summary>
public sealed record IndicatorValueDto(
    Guid EnrolmentId, string IndicatorId, string Title, string Unit, string Period, DateOnly Start, DateOnly End,
    decimal? Value, string? NotComputable, IndicatorValueStatus Status);

/// <summary>One entered (or imported) input of an indicator.</summary>
public sealed record IndicatorInputDto(string IndicatorId, string Period, string InputId, decimal? Value, IndicatorValueStatus Status, string EnteredBy, DateTimeOffset EnteredAt);

public sealed record BenchmarkEntryDto(string Label, bool Named, decimal Value);

/// <summary>
/// A group's benchmark: labels are letters except establishments the caller may see (a team member: their own); only
/// submitted or validated periods; <c>Withheld</c> when an anonymised comparison would have fewer than 3 establishments
/// (no entry is given then).
/// </summary>
public sealed record BenchmarkDto(
    string IndicatorId, string Title, string Unit, string Period, bool Anonymised, int Compared,
    decimal? Median, decimal? FirstQuartile, decimal? ThirdQuartile, IReadOnlyList<BenchmarkEntryDto> Entries, bool Withheld);

/// <summary>Indicators: computed values, entered inputs, and a group's benchmark.</summary>
internal static class IndicatorEndpoints
{
    public static void MapIndicatorEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/enrolments/{enrolmentId:guid}/indicators", ValuesAsync).WithTags("Indicateurs").WithName("ListEnrolmentIndicatorValues")
            .WithSummary("Lister les valeurs d'indicateurs d'une participation")
            .WithDescription("Chaque indicateur calculé par période à partir des données saisies ou importées, avec l'état de la période (brouillon, soumise, validée, renvoyée).");
        api.MapGet("/enrolments/{enrolmentId:guid}/indicator-inputs", InputsAsync).WithTags("Indicateurs").WithName("ListEnrolmentIndicatorInputs")
            .WithSummary("Lister les données saisies d'une participation").WithDescription("Les données brutes (numérateurs, dénominateurs…) par indicateur et période.");
        api.MapGet("/waves/{waveId:guid}/indicators", WaveValuesAsync).WithTags("Indicateurs").WithName("ListWaveIndicatorValues")
            .WithSummary("Lister les valeurs d'indicateurs d'une vague")
            .WithDescription("Les valeurs des participations visibles de la vague (ARS : toutes ; consultant : ses groupes). 404 pour une équipe d'établissement.");
        api.MapGet("/groups/{groupId:guid}/indicator-benchmark", BenchmarkAsync).WithTags("Indicateurs").WithName("GetGroupIndicatorBenchmark")
            .WithSummary("Comparer les établissements d'un groupe")
            .WithDescription("Pour un indicateur (indicatorId) et une période (period, par défaut la dernière renseignée) : médiane, quartiles et valeur de chaque établissement. " +
                "Une équipe d'établissement reçoit toujours le mode anonymisé (lettres), son établissement seul nommé ; anonymised=true l'impose aux autres.");
    }

    private static async Task<Results<Ok<List<IndicatorValueDto>>, ProblemHttpResult>> ValuesAsync(
        Guid enrolmentId, IndicatorData data, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return Error.NotFound("La participation").ToProblem();
        }

        // The team sees its own drafts (marked as such); anyone else only what was submitted.
        return TypedResults.Ok(await DtosAsync(data, [enrolmentId], context.Definition, !data.Scope.User.IsTeamMember, cancellationToken));
    }

    private static async Task<Results<Ok<List<IndicatorInputDto>>, ProblemHttpResult>> InputsAsync(
        Guid enrolmentId, IndicatorData data, Data.BenchmarkDbContext db, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is null)
        {
            return Error.NotFound("La participation").ToProblem();
        }

        var values = db.IndicatorValues.AsNoTracking().Where(v => v.EnrolmentId == enrolmentId);
        if (!data.Scope.User.IsTeamMember)
        {
            values = values.Where(v => v.Status == IndicatorValueStatus.Submitted || v.Status == IndicatorValueStatus.Validated);
        }

        var rows = await values
            .OrderBy(v => v.Period).ThenBy(v => v.IndicatorId).ThenBy(v => v.InputId)
            .Select(v => new IndicatorInputDto(v.IndicatorId, v.Period, v.InputId, v.Value, v.Status, v.EnteredBy, v.EnteredAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<List<IndicatorValueDto>>, ProblemHttpResult>> WaveValuesAsync(
        Guid waveId, IndicatorData data, CancellationToken cancellationToken)
    {
        var user = data.Scope.User;
        var wave = await data.Scope.Waves().AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken);
        if (wave is null || !(user.IsArsStaff || user.IsConsultant))
        {
            return Error.NotFound("La vague").ToProblem();
        }

        var ids = await data.Scope.Enrolments().IgnoreAutoIncludes().Where(e => e.WaveId == waveId).Select(e => e.Id).ToListAsync(cancellationToken);
        var definition = (await data.ProgrammeAsync(wave, cancellationToken)).Definition;
        return TypedResults.Ok(await DtosAsync(data, ids, definition, submittedOnly: true, cancellationToken));
    }

    private static async Task<Results<Ok<BenchmarkDto>, ProblemHttpResult>> BenchmarkAsync(
        Guid groupId, string? indicatorId, string? period, bool? anonymised, GroupBenchmark benchmark, CancellationToken cancellationToken)
    {
        if (await benchmark.ForGroupAsync(groupId, indicatorId, period, anonymised ?? false, cancellationToken) is not { } view)
        {
            return Error.NotFound("La comparaison").ToProblem();
        }

        var d = view.Distribution;
        return TypedResults.Ok(new BenchmarkDto(view.Indicator.Id, view.Indicator.Title, view.Indicator.Unit, view.Period.Key, view.Anonymised, view.Compared,
            d?.Median, d?.FirstQuartile, d?.ThirdQuartile, [.. view.Entries.Select(e => new BenchmarkEntryDto(e.Label, e.Named, e.Value))], view.Withheld));
    }

    private static async Task<List<IndicatorValueDto>> DtosAsync(
        IndicatorData data, IReadOnlyCollection<Guid> ids, Core.Definitions.WorkflowDefinition definition, bool submittedOnly, CancellationToken cancellationToken)
    {
        var titles = definition.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return [.. (await data.ComputedAsync(ids, definition, cancellationToken, submittedOnly))
            .OrderBy(v => v.EnrolmentId).ThenBy(v => v.Period.Year).ThenBy(v => v.Period.Index).ThenBy(v => v.IndicatorId, StringComparer.Ordinal)
            .Select(v => new IndicatorValueDto(v.EnrolmentId, v.IndicatorId, titles[v.IndicatorId].Title, titles[v.IndicatorId].Unit, v.Period.Key,
                v.Period.Start, v.Period.End, v.Value, v.NotComputable, v.Status))];
    }
}
