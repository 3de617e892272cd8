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

    /// <summary>Where the engine is run: the pipeline's engine step, and the demo seeder of the Data layer (it starts the demo enrolments).</summary>
    private static readonly string[] EngineCallers =
    [
        "Benchmark.Data.Seeding.DemoSeeder",
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

    /// <summary>
    /// Who saves a unit of work besides the pipeline's <c>UnitOfWork</c>: the seeders, the demo, the grid import, start-up
    /// and the API token handler, not moved onto it (issue « One command pipeline »). The list may only shrink; a new caller fails here.
    /// </summary>
    private static readonly string[] OtherSavers =
    [
        "Benchmark.Data.Seeding.DemoIndicatorValues",
        "Benchmark.Data.Seeding.DemoSeeder",
        "Benchmark.Web.Features.Account.DemoAccounts",
        "Benchmark.Web.Features.Grid.GridImporter",
        "Benchmark.Web.Features.Grid.GridIndicatorWriter",
        "Benchmark.Web.Hosting.StartupTasks",
        "Benchmark.Web.Infrastructure.Api.PersonalAccessTokenHandler",
        "Benchmark.Web.Infrastructure.Security.ServerSessions",
    ];

    [Fact]
    public void SaveChanges_WhenCalled_ThenOnlyByTheUnitOfWorkAndTheListedSlices()
    {
        var savers = SaveChangesCallers([Data, Web]);

        Assert.Contains("Benchmark.Web.Pipeline.UnitOfWork", savers);
        Assert.Equal(OtherSavers, savers.Where(s => s != "Benchmark.Web.Pipeline.UnitOfWork").ToList());
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
}
