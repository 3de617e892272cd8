using Benchmark.Core.Common;
using Benchmark.Core.Grid;
using Benchmark.Web.Features.Grid;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Benchmark.Web.Features.Api;

/// <summary>One line of grid summary: a period and (depending on the breakdown) an activity type and/or a provenance.</summary>
public sealed record GridSummaryDto(
    string Period, string PeriodTitle, string? Activity, string? Provenance,
    int ScheduledKept, int ScheduledMissed, int Unscheduled, int Total,
    decimal? ScheduledRate, decimal? MissedRate, decimal? MeanAppointmentDelay, decimal? MeanReportDelay,
    IReadOnlyList<int> ReportDelayDistribution);

/// <summary>The grid summaries of an enrolment, with the report-delay buckets they are counted in.</summary>
public sealed record GridSummariesDto(Guid EnrolmentId, string GridId, int RowCount, IReadOnlyList<string> ReportDelayBuckets, IReadOnlyList<GridSummaryDto> Summaries);

/// <summary>Collection grid (imaging coaching): the indicators computed from the imported rows.</summary>
internal static class GridEndpoints
{
    public static void MapGridEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/enrolments/{enrolmentId:guid}/grid/summaries", SummariesAsync).WithTags("Grille de recueil").WithName("GetGridSummaries")
            .WithSummary("Lire les synthèses de la grille de recueil")
            .WithDescription("Par période (mois) : taux de rendez-vous programmés, taux de rendez-vous programmés non honorés (en %), délais moyens de rendez-vous et de compte rendu (en jours), répartition des délais de compte rendu. Paramètre breakdown : period (défaut), activity, provenance, activity-provenance. Les types d'activité et provenances sont les identifiants du fichier de programme.");

    private static async Task<Results<Ok<GridSummariesDto>, ProblemHttpResult, BadRequest>> SummariesAsync(
        Guid enrolmentId, string? breakdown, GridTargets targets, GridResults results, CancellationToken cancellationToken)
    {
        if (await targets.FindAsync(enrolmentId, cancellationToken) is not { } target)
        {
            return Error.NotFound("La participation").ToProblem();
        }

        var view = await results.LoadAsync(enrolmentId, cancellationToken);
        IReadOnlyList<GridSummary>? rows = (breakdown ?? "period") switch
        {
            "period" => view.ByPeriod,
            "activity" => view.ByActivity,
            "provenance" => view.ByProvenance,
            "activity-provenance" => view.ByActivityAndProvenance,
            _ => null,
        };
        if (rows is null)
        {
            return TypedResults.BadRequest();
        }

        return TypedResults.Ok(new GridSummariesDto(
            enrolmentId, target.Schema.Definition.Id, view.RowCount, [.. GridDistribution.Buckets.Select(b => b.Label)],
            [.. rows.Select(s => new GridSummaryDto(s.Period.Key, s.Period.Title, s.Activity, s.Provenance, s.ScheduledKept, s.ScheduledMissed, s.Unscheduled, s.Total,
                s.ScheduledRate, s.MissedRate, s.MeanAppointmentDelay, s.MeanReportDelay, s.ReportDelayDistribution))]));
    }
}
