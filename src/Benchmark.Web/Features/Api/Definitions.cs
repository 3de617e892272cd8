using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Api;

/// <summary>Programme definitions by stored id, parsed through the one cache (<see cref="ProgrammeDefinition.Parse"/>).</summary>
internal sealed class Definitions(BenchmarkDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, ProgrammeDefinition>> StoredAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.ProgrammeDefinitions.AsNoTracking().Where(d => wanted.Contains(d.Id)).ToDictionaryAsync(d => d.Id, cancellationToken);
    }

    /// <summary>The parsed definition of each wave.</summary>
    public async Task<IReadOnlyDictionary<Guid, WorkflowDefinition>> WaveDefinitionsAsync(IEnumerable<Guid> waveIds, CancellationToken cancellationToken)
    {
        var wanted = waveIds.Distinct().ToList();
        var pairs = await db.Waves.AsNoTracking().Where(w => wanted.Contains(w.Id)).Select(w => new { w.Id, w.DefinitionId }).ToListAsync(cancellationToken);
        var stored = await StoredAsync(pairs.Select(p => p.DefinitionId), cancellationToken);
        return pairs.ToDictionary(p => p.Id, p => Parse(stored[p.DefinitionId]));
    }

    public static WorkflowDefinition Parse(ProgrammeDefinition stored) => stored.Parse();

    /// <summary>The same from the stored id and hash: the source text is read only when this process has not parsed it yet.</summary>
    public static async Task<WorkflowDefinition> ParseAsync(BenchmarkDbContext db, Guid id, string hash, CancellationToken cancellationToken) =>
        ProgrammeDefinition.Parsed(hash) ?? (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken)).Parse();
}
