using Microsoft.Playwright;

namespace Benchmark.E2E.Infrastructure;

/// <summary>Screenshots kept as test artifacts in the repository's artifacts/screenshots/ folder (gitignored).</summary>
public static class Artifacts
{
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Saves the whole page as artifacts/screenshots/&lt;name&gt;.png and returns the file path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Benchmark.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Benchmark.sln above {AppContext.BaseDirectory}");
    }
}
