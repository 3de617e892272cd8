using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Persistence;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Hosting;

/// <summary>
/// At start, migrates the embedded database (SQLite; PostgreSQL is migrated explicitly with the <c>migrate</c> verb)
/// and records every definition of <c>workflows/</c> as a <see cref="ProgrammeDefinition"/> version. A version a wave
/// already uses is immutable: if its file changed, start-up stops and says to raise the version. On the embedded
/// default the demo (data and one account per role) is seeded too, unless <c>Demo:SeedOnStart</c> is false.
/// </summary>
internal sealed partial class StartupTasks(IServiceScopeFactory scopes, WorkflowCatalog catalog, TimeProvider clock, IConfiguration configuration, ILogger<StartupTasks> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        if (db is SqliteBenchmarkDbContext embedded)
        {
            await EmbeddedDatabase.PrepareAsync(embedded, cancellationToken);
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

        // Another node starting on the same database may register the same versions first: its rows are the same.
        var saved = await scope.ServiceProvider.GetRequiredService<UnitOfWork>()
            .SaveAsync(true, new CommandName("programme.register", "startup", Guid.Empty), null, cancellationToken);
        if (!saved.IsSuccess)
        {
            LogRegisteredElsewhere(logger);
        }

        if (db is SqliteBenchmarkDbContext && configuration.GetValue("Demo:SeedOnStart", true))
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(catalog.All.Select(x => x.File), cancellationToken);
            foreach (var warning in seeded.Warnings)
            {
                LogDemoWarning(logger, warning);
            }

            var created = await scope.ServiceProvider.GetRequiredService<DemoAccounts>()
                .EnsureAsync(configuration["Demo:Password"] ?? DemoAccounts.DefaultPassword, cancellationToken);
            await DemoSessions.ScheduleAsync(scope.ServiceProvider, cancellationToken: cancellationToken);
            LogDemo(logger, created);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Démonstration prête ({Created} compte(s) créé(s)) : voir README, « Demo accounts »")]
    private static partial void LogDemo(ILogger logger, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Démonstration : {Warning}")]
    private static partial void LogDemoWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Les programmes ont été enregistrés en même temps par un autre nœud")]
    private static partial void LogRegisteredElsewhere(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Programme {ProgrammeId} v{Version} enregistré")]
    private static partial void LogRegistered(ILogger logger, string programmeId, int version);
}
