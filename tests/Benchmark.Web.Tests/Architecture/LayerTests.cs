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

    /// <summary>Where the engine is run today: the four copies of "load, run, audit, notify, save" and the seeders.</summary>
    private static readonly string[] EngineCallers =
    [
        "Benchmark.Data.Seeding.DemoSeeder",
        "Benchmark.Web.Features.Account.DemoRoadmapStage",
        "Benchmark.Web.Features.Deliverables.DeliverableActions",
        "Benchmark.Web.Features.Journey.EnrolmentCommands",
        "Benchmark.Web.Features.Waves.EnrolEstablishment",
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

    [Fact]
    public void Pages_WhenCompiled_ThenNeverRunTheEngineThemselves()
    {
        var pages = Web.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(Outermost(t))).ToList();
        var offenders = Types.InAssembly(Web).That().HaveDependencyOn(typeof(WorkflowEngine).FullName).GetTypes()
            .Where(pages.Contains).Select(t => Outermost(t).FullName).Distinct().ToList();

        Assert.Empty(offenders);
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
