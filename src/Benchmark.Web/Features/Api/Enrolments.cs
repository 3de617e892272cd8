using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Api;

public sealed record EnrolmentSummaryDto(
    Guid Id, Guid WaveId, Guid GroupId, Guid EstablishmentId, string EstablishmentName, string Finess, EnrolmentStatus Status, string CurrentPhaseId);

public sealed record ProgressDto(int Done, int Applicable, decimal? Percent)
{
    public static ProgressDto From(ProgressFigure figure) => new(figure.Done, figure.Applicable, figure.Percent);
}

public sealed record PhaseDto(string PhaseId, string Title, PhaseStatus Status, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, ProgressDto Checklist);

/// <summary>A deliverable of the programme; <c>status</c> is null while nothing was started for it.</summary>
public sealed record DeliverableDto(string DeliverableId, string Title, string PhaseId, DeliverableStatus? Status, int CurrentVersion);

public sealed record EnrolmentDetailDto(
    EnrolmentSummaryDto Enrolment, string ProgrammeId, int ProgrammeVersion, ProgressDto Checklist, IReadOnlyList<PhaseDto> Phases, IReadOnlyList<DeliverableDto> Deliverables);

/// <summary>Enrolments: one establishment's journey through a wave, with phases, check-list progress and deliverables.</summary>
internal static class EnrolmentEndpoints
{
    public static void MapEnrolmentEndpoints(this RouteGroupBuilder api)
    {
        var enrolments = api.MapGroup("/enrolments").WithTags("Participations");
        enrolments.MapGet("", ListAsync).WithName("ListEnrolments")
            .WithSummary("Lister les participations").WithDescription("Les participations visibles, éventuellement filtrées par vague (paramètre waveId).");
        enrolments.MapGet("/{enrolmentId:guid}", GetAsync).WithName("GetEnrolment")
            .WithSummary("Lire une participation")
            .WithDescription("L'état de chaque phase, l'avancement de la check-list (éléments faits / applicables) et les livrables avec leur statut.");
        enrolments.MapGet("/{enrolmentId:guid}/sessions", SessionsAsync).WithName("ListEnrolmentSessions")
            .WithSummary("Lister les séances d'une participation").WithDescription("Les séances collectives de son groupe et ses séances individuelles, par date.");
    }

    internal static async Task<List<EnrolmentSummaryDto>> SummariesAsync(IQueryable<Enrolment> enrolments, BenchmarkDbContext db, CancellationToken cancellationToken) =>
        await enrolments.AsNoTracking()
            .Join(db.Establishments, e => e.EstablishmentId, x => x.Id, (e, x) => new { e, x })
            .OrderBy(p => p.x.Name)
            .Select(p => new EnrolmentSummaryDto(p.e.Id, p.e.WaveId, p.e.GroupId, p.e.EstablishmentId, p.x.Name, p.x.Finess, p.e.Status, p.e.CurrentPhaseId))
            .ToListAsync(cancellationToken);

    private static async Task<Ok<List<EnrolmentSummaryDto>>> ListAsync(Guid? waveId, AccessScope scope, BenchmarkDbContext db, CancellationToken cancellationToken)
    {
        var query = scope.Enrolments().IgnoreAutoIncludes();
        if (waveId is { } wave)
        {
            query = query.Where(e => e.WaveId == wave);
        }

        return TypedResults.Ok(await SummariesAsync(query, db, cancellationToken));
    }

    private static async Task<Results<Ok<EnrolmentDetailDto>, ProblemHttpResult>> GetAsync(
        Guid enrolmentId, AccessScope scope, BenchmarkDbContext db, Definitions definitions, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return Error.NotFound("La participation").ToProblem();
        }

        var summary = (await SummariesAsync(db.Enrolments.Where(e => e.Id == enrolmentId).IgnoreAutoIncludes(), db, cancellationToken)).Single();
        var definitionId = await db.Waves.Where(w => w.Id == enrolment.WaveId).Select(w => w.DefinitionId).SingleAsync(cancellationToken);
        var stored = (await definitions.StoredAsync([definitionId], cancellationToken))[definitionId];
        var definition = Definitions.Parse(stored);
        var phases = definition.Phases.Select(p =>
        {
            var state = enrolment.Phase(p.Id);
            return new PhaseDto(p.Id, p.Title, state?.Status ?? PhaseStatus.Pending, state?.OpenedAt, state?.ClosedAt, ProgressDto.From(Progress.OfPhase(definition, enrolment, p.Id)));
        }).ToList();
        var deliverables = definition.Phases.SelectMany(p => p.Deliverables.Select(d =>
        {
            var record = enrolment.Deliverable(d.Id);
            return new DeliverableDto(d.Id, d.Title, p.Id, record?.Status, record?.CurrentVersion ?? 0);
        })).ToList();
        return TypedResults.Ok(new EnrolmentDetailDto(summary, stored.ProgrammeId, stored.Version, ProgressDto.From(Progress.Overall(definition, enrolment)), phases, deliverables));
    }

    private static async Task<Results<Ok<List<SessionDto>>, ProblemHttpResult>> SessionsAsync(
        Guid enrolmentId, AccessScope scope, Definitions definitions, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().IgnoreAutoIncludes().AsNoTracking()
            .Where(e => e.Id == enrolmentId).Select(e => new { e.GroupId }).SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return Error.NotFound("La participation").ToProblem();
        }

        var sessions = scope.Sessions().Where(s => s.EnrolmentId == enrolmentId || (s.EnrolmentId == null && s.GroupId == enrolment.GroupId));
        return TypedResults.Ok(await SessionEndpoints.ToDtosAsync(sessions, definitions, withMinutes: false, cancellationToken));
    }
}
