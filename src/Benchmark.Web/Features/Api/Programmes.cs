using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Api;

public sealed record ProgrammePhaseDto(string Id, string Title, IReadOnlyList<string> Deliverables, int ChecklistItems, IReadOnlyList<string> Sessions);

public sealed record ProgrammeDto(Guid Id, string ProgrammeId, int Version, string Title, string? Summary, bool Locked, DateTimeOffset RegisteredAt, IReadOnlyList<ProgrammePhaseDto> Phases);

/// <summary>
/// Programme definitions: shared reference data (no establishment data in them), readable by ARS staff and consultants.
/// A team member sees none (their journey is read through their enrolments).
/// </summary>
internal static class ProgrammeEndpoints
{
    public static void MapProgrammeEndpoints(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("Programmes");
        programmes.MapGet("", ListAsync).WithName("ListProgrammes")
            .WithSummary("Lister les définitions de programme").WithDescription("Chaque version enregistrée d'un programme (démarche), avec ses phases. Réservé aux agents ARS et aux consultants.");
        programmes.MapGet("/{definitionId:guid}", GetAsync).WithName("GetProgramme")
            .WithSummary("Lire une définition de programme").WithDescription("Une version de programme : phases, livrables, nombre d'éléments de check-list et séances.");
    }

    public static bool CanRead(CurrentUser user) => user.IsArsStaff || user.IsConsultant;

    private static async Task<Ok<List<ProgrammeDto>>> ListAsync(AccessScope scope, BenchmarkDbContext db, CancellationToken cancellationToken)
    {
        if (!CanRead(scope.User))
        {
            return TypedResults.Ok(new List<ProgrammeDto>());
        }

        var stored = await db.ProgrammeDefinitions.AsNoTracking().OrderBy(d => d.ProgrammeId).ThenBy(d => d.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(stored.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> GetAsync(
        Guid definitionId, AccessScope scope, BenchmarkDbContext db, CancellationToken cancellationToken)
    {
        var stored = CanRead(scope.User)
            ? await db.ProgrammeDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == definitionId, cancellationToken)
            : null;
        return stored is null ? Error.NotFound("Le programme").ToProblem() : TypedResults.Ok(ToDto(stored));
    }

    private static ProgrammeDto ToDto(ProgrammeDefinition stored)
    {
        var d = Definitions.Parse(stored);
        return new ProgrammeDto(stored.Id, stored.ProgrammeId, stored.Version, stored.Title, d.Summary, stored.Locked, stored.RegisteredAt,
            d.Phases.Select(p => new ProgrammePhaseDto(p.Id, p.Title, p.Deliverables.Select(x => x.Id).ToList(), p.Checklist.Count, p.Sessions.Select(s => s.Id).ToList())).ToList());
    }
}
