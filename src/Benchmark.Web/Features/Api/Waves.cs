using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Api;

public sealed record WaveDto(
    Guid Id, string Name, Guid DefinitionId, string ProgrammeId, int ProgrammeVersion, string ProgrammeTitle,
    IReadOnlyDictionary<string, DateOnly> Anchors, DateTimeOffset CreatedAt);

public sealed record GroupDto(Guid Id, Guid WaveId, string Name, Guid? ConsultantId, string? ConsultantName);

public sealed record GroupDetailDto(Guid Id, Guid WaveId, string WaveName, string Name, Guid? ConsultantId, string? ConsultantName, IReadOnlyList<EnrolmentSummaryDto> Enrolments);

/// <summary>Waves and their groups.</summary>
internal static class WaveEndpoints
{
    public static void MapWaveEndpoints(this RouteGroupBuilder api)
    {
        var waves = api.MapGroup("/waves").WithTags("Vagues");
        waves.MapGet("", ListAsync).WithName("ListWaves")
            .WithSummary("Lister les vagues").WithDescription("Les vagues visibles : celles de votre ARS, celles de vos groupes ou de vos participations.");
        waves.MapGet("/{waveId:guid}", GetAsync).WithName("GetWave")
            .WithSummary("Lire une vague").WithDescription("Une vague, son programme et ses dates d'ancrage (J, J*). 404 si elle est hors de votre périmètre.");
        waves.MapGet("/{waveId:guid}/groups", GroupsAsync).WithName("ListWaveGroups")
            .WithSummary("Lister les groupes d'une vague").WithDescription("Les groupes visibles de la vague, avec leur consultant.");
        api.MapGet("/groups/{groupId:guid}", GroupAsync).WithTags("Vagues").WithName("GetGroup")
            .WithSummary("Lire un groupe").WithDescription("Un groupe, son consultant et les participations visibles de ses établissements.");
    }

    private static async Task<Ok<List<WaveDto>>> ListAsync(AccessScope scope, Definitions definitions, CancellationToken cancellationToken)
    {
        var waves = await scope.Waves().AsNoTracking().OrderBy(w => w.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(await ToDtosAsync(waves, definitions, cancellationToken));
    }

    private static async Task<Results<Ok<WaveDto>, ProblemHttpResult>> GetAsync(
        Guid waveId, AccessScope scope, Definitions definitions, CancellationToken cancellationToken)
    {
        var wave = await scope.Waves().AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken);
        return wave is null
            ? Error.NotFound("La vague").ToProblem()
            : TypedResults.Ok((await ToDtosAsync([wave], definitions, cancellationToken))[0]);
    }

    private static async Task<Results<Ok<List<GroupDto>>, ProblemHttpResult>> GroupsAsync(
        Guid waveId, AccessScope scope, BenchmarkDbContext db, CancellationToken cancellationToken)
    {
        if (!await scope.Waves().AnyAsync(w => w.Id == waveId, cancellationToken))
        {
            return Error.NotFound("La vague").ToProblem();
        }

        var groups = await scope.Groups().AsNoTracking().Where(g => g.WaveId == waveId).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var names = await ConsultantNamesAsync(db, groups, cancellationToken);
        return TypedResults.Ok(groups.Select(g => new GroupDto(g.Id, g.WaveId, g.Name, g.ConsultantId, NameOf(names, g.ConsultantId))).ToList());
    }

    private static async Task<Results<Ok<GroupDetailDto>, ProblemHttpResult>> GroupAsync(
        Guid groupId, AccessScope scope, BenchmarkDbContext db, CancellationToken cancellationToken)
    {
        var group = await scope.Groups().AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return Error.NotFound("Le groupe").ToProblem();
        }

        var wave = await db.Waves.AsNoTracking().Where(w => w.Id == group.WaveId).Select(w => w.Name).SingleAsync(cancellationToken);
        var names = await ConsultantNamesAsync(db, [group], cancellationToken);
        var enrolments = await EnrolmentEndpoints.SummariesAsync(scope.Enrolments().Where(e => e.GroupId == groupId), db, cancellationToken);
        return TypedResults.Ok(new GroupDetailDto(group.Id, group.WaveId, wave, group.Name, group.ConsultantId, NameOf(names, group.ConsultantId), enrolments));
    }

    private static async Task<List<WaveDto>> ToDtosAsync(List<Wave> waves, Definitions definitions, CancellationToken cancellationToken)
    {
        var stored = await definitions.StoredAsync(waves.Select(w => w.DefinitionId), cancellationToken);
        return waves.Select(w => new WaveDto(
            w.Id, w.Name, w.DefinitionId, stored[w.DefinitionId].ProgrammeId, stored[w.DefinitionId].Version, stored[w.DefinitionId].Title,
            w.AnchorDates, w.CreatedAt)).ToList();
    }

    private static async Task<Dictionary<Guid, string>> ConsultantNamesAsync(BenchmarkDbContext db, IEnumerable<Group> groups, CancellationToken cancellationToken)
    {
        var ids = groups.Where(g => g.ConsultantId is not null).Select(g => g.ConsultantId!.Value).Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
    }

    private static string? NameOf(Dictionary<Guid, string> names, Guid? id) => id is { } value && names.TryGetValue(value, out var name) ? name : null;
}
