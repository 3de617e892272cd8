using System.Reflection;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace Benchmark.Web.Tests.Architecture;

/// <summary>
/// The layers of DESIGN.md, checked on the compiled assemblies: Core knows no framework, Data knows no host, and the
/// workflow engine is run by the command handlers only — never by a page. The list of handlers may only shrink as the
/// one command pipeline absorbs them (issue « One command pipeline »); a new caller fails here.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = typeof(WorkflowEngine).Assembly;
    private static readonly Assembly Data = typeof(BenchmarkDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Where the engine is run: the pipeline's engine step, nowhere else (the demo seeder goes through it too).</summary>
    private static readonly string[] EngineCallers =
    [
        "Benchmark.Web.Pipeline.EnrolmentExecutor",
    ];

    [Fact]
    public void Core_WhenCompiled_ThenReferencesNoFramework()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "MailKit", "MimeKit", "Npgsql", "Microsoft.Data.Sqlite",
            "Ical.Net", "Fluid", "Serilog", "Benchmark.Data", "Benchmark.Web").GetResult();

        Assert.True(result.IsSuccessful, "Core depends on a framework: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Data_WhenCompiled_ThenReferencesNoHost()
    {
        var result = Types.InAssembly(Data).ShouldNot().HaveDependencyOnAny(
            "Benchmark.Web", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Http", "Hangfire", "MailKit", "MimeKit").GetResult();

        Assert.True(result.IsSuccessful, "Data depends on the host: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void WorkflowEngine_WhenRun_ThenOnlyByTheCommandHandlers()
    {
        var callers = Types.InAssemblies([Data, Web]).That().HaveDependencyOn(typeof(WorkflowEngine).FullName).GetTypes()
            .Select(Outermost).Select(t => t.FullName!).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(EngineCallers, callers);
    }

    /// <summary>Only the pipeline's <c>UnitOfWork</c> saves a unit of work: pages, jobs, the demo and start-up go through it.</summary>
    [Fact]
    public void SaveChanges_WhenCalled_ThenOnlyByTheUnitOfWork()
    {
        var savers = SaveChangesCallers([Data, Web]);

        Assert.Equal(["Benchmark.Web.Pipeline.UnitOfWork"], savers);
    }

    [Fact]
    public void Pages_WhenCompiled_ThenNeverRunTheEngineThemselves()
    {
        var pages = Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(Outermost(t))).ToList();
        var offenders = Types.InAssembly(Web).That().HaveDependencyOn(typeof(WorkflowEngine).FullName).GetTypes()
            .Where(pages.Contains).Select(t => Outermost(t).FullName).Distinct().ToList();

        Assert.Empty(offenders);
    }

    /// <summary>The top-level types whose methods call <c>DbContext.SaveChanges</c> or <c>SaveChangesAsync</c> (read from the IL).</summary>
    private static List<string> SaveChangesCallers(IEnumerable<Assembly> assemblies)
    {
        var callers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var assembly in assemblies)
        {
            using var module = Mono.Cecil.ModuleDefinition.ReadModule(assembly.Location);
            foreach (var type in module.GetTypes())
            {
                var calls = type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions)
                    .Select(i => i.Operand as Mono.Cecil.MethodReference)
                    .Any(m => m is { Name: "SaveChanges" or "SaveChangesAsync" } && m.DeclaringType.Name.EndsWith("DbContext", StringComparison.Ordinal));
                if (calls && !type.Name.EndsWith("DbContext", StringComparison.Ordinal))
                {
                    var outer = type;
                    while (outer.DeclaringType is { } declaring)
                    {
                        outer = declaring;
                    }

                    callers.Add(outer.FullName);
                }
            }
        }

        return [.. callers];
    }

    /// <summary>The declaring top-level type (a handler's async state machine counts as its class).</summary>
    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    /// <summary>
    /// Web types that still hold raw SQL, each for a reason: the sweep's portable read of three state tables in one
    /// <c>UNION ALL</c>. The list may only shrink.
    /// </summary>
    private static readonly string[] RawSqlInWeb =
    [
        "Benchmark.Web.Infrastructure.Reminders.ReminderSweep",
    ];

    /// <summary>EF Core's raw SQL entry points.</summary>
    private static readonly HashSet<string> RawSqlMethods = new(StringComparer.Ordinal)
    {
        "ExecuteSql", "ExecuteSqlAsync", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "ExecuteSqlInterpolated", "ExecuteSqlInterpolatedAsync",
        "FromSql", "FromSqlRaw", "FromSqlInterpolated", "SqlQuery", "SqlQueryRaw",
    };

    /// <summary>ADO.NET types of the providers: connections, commands, bulk import, errors.</summary>
    private static readonly HashSet<string> ProviderSqlTypes = new(StringComparer.Ordinal)
    {
        "Npgsql.NpgsqlConnection", "Npgsql.NpgsqlCommand", "Npgsql.NpgsqlBinaryImporter", "Npgsql.NpgsqlDataSource", "Npgsql.NpgsqlBatch",
        "Microsoft.Data.Sqlite.SqliteConnection", "Microsoft.Data.Sqlite.SqliteCommand", "Microsoft.Data.Sqlite.SqliteTransaction",

        // Their error codes too: what a failed save means is decided in Data (StoreFailures).
        "Microsoft.Data.Sqlite.SqliteException", "Npgsql.PostgresException",
    };

    [Fact]
    public void RawSql_WhenCompiled_ThenOnlyInTheDataLayer()
    {
        var holders = new SortedSet<string>(StringComparer.Ordinal);
        using var module = Mono.Cecil.ModuleDefinition.ReadModule(Web.Location);
        foreach (var type in module.GetTypes())
        {
            var raw = type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions).Any(i => i.Operand switch
            {
                Mono.Cecil.MethodReference m => (RawSqlMethods.Contains(m.Name) && m.DeclaringType.Namespace.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
                    || ProviderSqlTypes.Contains(m.DeclaringType.FullName),
                Mono.Cecil.TypeReference t => ProviderSqlTypes.Contains(t.FullName),
                _ => false,
            });
            if (raw)
            {
                var outer = type;
                while (outer.DeclaringType is { } declaring)
                {
                    outer = declaring;
                }

                holders.Add(outer.FullName);
            }
        }

        Assert.Equal(RawSqlInWeb, holders.ToList());
    }
}
