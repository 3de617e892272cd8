using Benchmark.Core.Domain;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Hosting;

/// <summary>
/// At start, migrates the embedded database (SQLite; PostgreSQL is migrated explicitly with the <c>migrate</c> verb)
/// and records every definition of <c>workflows/</c> as a <see cref="ProgrammeDefinition"/> version. A version a wave
/// already uses is immutable: if its file changed, start-up stops and says to raise the version.
/// </summary>
internal sealed partial class DefinitionSync(IServiceScopeFactory scopes, WorkflowCatalog catalog, TimeProvider clock, ILogger<DefinitionSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        if (db is SqliteBenchmarkDbContext)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var stored = await db.ProgrammeDefinitions.ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var (definition, source, file) in catalog.All)
        {
            var existing = stored.FirstOrDefault(p => p.ProgrammeId == definition.Id && p.Version == definition.Version);
            var result = existing is null
                ? ProgrammeDefinition.Register(Guid.CreateVersion7(), file, source, now)
                : existing.Replace(file, source, now);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"{file}: {result.Error!.Message}");
            }

            if (existing is null)
            {
                db.ProgrammeDefinitions.Add(result.Value);
                LogRegistered(logger, definition.Id, definition.Version);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Programme {ProgrammeId} v{Version} enregistré")]
    private static partial void LogRegistered(ILogger logger, string programmeId, int version);
}
