using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Api;

public sealed record EstablishmentDto(Guid Id, string Finess, string Name, string City, EstablishmentType Type);

public sealed record EstablishmentDetailDto(Guid Id, string Finess, string Name, string City, EstablishmentType Type, IReadOnlyList<EnrolmentSummaryDto> Enrolments);

/// <summary>Establishments (identified by FINESS) and their visible enrolments.</summary>
internal static class EstablishmentEndpoints
{
    public static void MapEstablishmentEndpoints(this RouteGroupBuilder api)
    {
        var establishments = api.MapGroup("/establishments").WithTags("Établissements");
        establishments.MapGet("", ListAsync).WithName("ListEstablishments")
            .WithSummary("Lister les établissements").WithDescription("Les établissements de votre ARS, ou ceux dont vous suivez ou portez une participation.");
        establishments.MapGet("/{establishmentId:guid}", GetAsync).WithName("GetEstablishment")
            .WithSummary("Lire un établissement").WithDescription("Un établissement et celles de ses participations qui vous sont visibles.");
    }

    private static async Task<Ok<List<EstablishmentDto>>> ListAsync(AccessScope scope, CancellationToken cancellationToken) =>
        TypedResults.Ok(await scope.Establishments().AsNoTracking().OrderBy(x => x.Name)
            .Select(x => new EstablishmentDto(x.Id, x.Finess, x.Name, x.City, x.Type)).ToListAsync(cancellationToken));

    private static async Task<Results<Ok<EstablishmentDetailDto>, ProblemHttpResult>> GetAsync(
        Guid establishmentId, AccessScope scope, BenchmarkDbContext db, CancellationToken cancellationToken)
    {
        var x = await scope.Establishments().AsNoTracking().SingleOrDefaultAsync(e => e.Id == establishmentId, cancellationToken);
        if (x is null)
        {
            return Error.NotFound("L'établissement").ToProblem();
        }

        var enrolments = await EnrolmentEndpoints.SummariesAsync(scope.Enrolments().IgnoreAutoIncludes().Where(e => e.EstablishmentId == establishmentId), db, cancellationToken);
        return TypedResults.Ok(new EstablishmentDetailDto(x.Id, x.Finess, x.Name, x.City, x.Type, enrolments));
    }
}
