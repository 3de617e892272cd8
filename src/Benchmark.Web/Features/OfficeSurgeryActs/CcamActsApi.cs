using Benchmark.Core.Common;
using Benchmark.Data;
using Benchmark.Web.Features.Indicators;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Benchmark.Web.Features.OfficeSurgeryActs;

/// <summary>A code's counts for one year.</summary>
public sealed record CcamActDto(string Code, int Patients, int Acts, int Contracted, decimal? Ratio, string EnteredBy, DateTimeOffset EnteredAt);

/// <summary>A year of the register: its lines and totals.</summary>
public sealed record CcamActYearDto(int Year, IReadOnlyList<CcamActDto> Acts, int Patients, int ActsTotal, int Contracted, decimal? Ratio);

/// <summary>The office-surgery act register, read-only, through the same access rule as the page.</summary>
internal static class CcamActsApi
{
    public static RouteGroupBuilder MapCcamActEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/enrolments/{enrolmentId:guid}/ccam-acts", ListAsync).WithTags("Office surgery").WithName("ListEnrolmentCcamActs")
            .WithSummary("Lister les patients et actes par code CCAM d'une participation")
            .WithDescription("Programme Office Surgery : par année, chaque code CCAM avec les patients pris en charge, les actes réalisés et le volume contractualisé, et les totaux. 404 pour une participation d'un autre programme ou hors de votre périmètre.");
        return api;
    }

    private static async Task<Results<Ok<List<CcamActYearDto>>, ProblemHttpResult>> ListAsync(
        Guid enrolmentId, IndicatorData data, PeriodReporting reporting, BenchmarkDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ledger = new CcamActLedger(data, reporting, db, clock);
        if (await ledger.EnrolmentAsync(enrolmentId, cancellationToken) is null)
        {
            return Error.NotFound("La participation").ToProblem();
        }

        var lines = await ledger.AllAsync(enrolmentId, cancellationToken);
        return TypedResults.Ok(Core.OfficeSurgery.CcamActSheet.ByYear(lines).Select(year => new CcamActYearDto(
            year.Year, [.. year.Lines.Select(l => new CcamActDto(l.Code, l.Patients, l.Acts, l.Contracted, l.Counts.Ratio, l.EnteredBy, l.EnteredAt))],
            year.Totals.Patients, year.Totals.Acts, year.Totals.Contracted, year.Totals.Ratio)).ToList());
    }
}
