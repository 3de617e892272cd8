namespace Benchmark.Web.Tests.Cli;

/// <summary>Locates files of the repository (workflows/) from the test output folder.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Workflow(string name) => Path.Combine(Root, "workflows", name);

    public static IEnumerable<string> Workflows() => Directory.EnumerateFiles(Path.Combine(Root, "workflows"), "*.yaml").Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Benchmark.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Benchmark.sln not found above " + AppContext.BaseDirectory);
    }
}
