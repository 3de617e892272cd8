using Benchmark.Core.Definitions;

namespace Benchmark.Core.Tests.Support;

/// <summary>Finds files copied beside the tests and the repository they come from.</summary>
internal static class TestFiles
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding <c>Benchmark.sln</c>, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string InOutput(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);

    /// <summary>Loads a scenario definition, <c>Scenarios/&lt;name&gt;/workflow.yaml</c>, that must be valid.</summary>
    public static WorkflowDefinition Scenario(string name)
    {
        var result = DefinitionLoader.LoadFile(InOutput("Scenarios", name, "workflow.yaml"), $"{name}/workflow.yaml");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Definition!;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Benchmark.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Benchmark.sln above {AppContext.BaseDirectory}.");
    }
}
