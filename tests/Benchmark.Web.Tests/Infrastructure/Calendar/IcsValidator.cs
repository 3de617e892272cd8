using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Benchmark.Web.Tests.Infrastructure.Calendar;

/// <summary>
/// Runs tests/ics-validator (ical.js + node-ical) on an ICS text. Installs it with <c>npm ci</c> the first time,
/// when its node_modules is missing, so the tests work on a fresh clone.
/// </summary>
public static class IcsValidator
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "ics-validator");

    /// <summary>
    /// The exit code (0 when both parsers accept the invite, or with <paramref name="feed"/> the subscription feed)
    /// and what the parsers read.
    /// </summary>
    public static async Task<(int ExitCode, JsonElement Parsed, string Output)> ValidateAsync(string ics, bool feed = false)
    {
        await EnsureInstalledAsync();
        var file = Path.Combine(Path.GetTempPath(), $"invite-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics, new UTF8Encoding(false));
        try
        {
            string[] arguments = feed ? [Path.Combine(Directory, "validate-ics.mjs"), file, "--feed"] : [Path.Combine(Directory, "validate-ics.mjs"), file];
            var (exitCode, stdout, stderr) = await RunAsync("node", Directory, arguments);
            var output = stdout + stderr;
            var json = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
                ?? throw new InvalidOperationException($"validate-ics.mjs printed nothing: {output}");
            using var document = JsonDocument.Parse(json);
            return (exitCode, document.RootElement.Clone(), output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task EnsureInstalledAsync()
    {
        static bool Installed() =>
            File.Exists(Path.Combine(Directory, "node_modules", "ical.js", "package.json"))
            && File.Exists(Path.Combine(Directory, "node_modules", "node-ical", "package.json"));

        if (Installed())
        {
            return;
        }

        await InstallLock.WaitAsync();
        try
        {
            if (!Installed())
            {
                var (exitCode, stdout, stderr) = await RunAsync("npm", Directory, "ci", "--no-audit", "--no-fund", "--loglevel=error");
                if (exitCode != 0 || !Installed())
                {
                    throw new InvalidOperationException($"npm ci in {Directory} failed ({exitCode}): {stdout}{stderr}");
                }
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        using var cancel = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        return (process.ExitCode, await stdout, await stderr);
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
