using System.Globalization;

namespace Benchmark.Bench;

/// <summary>
/// The bench's settings: <c>--name value</c> arguments, else environment variables (set by bench/run.sh), else defaults.
/// </summary>
internal sealed record BenchOptions(
    string Postgres, int SmtpPort, Uri MaildevApi, string RepositoryRoot, string AppDll, int Runs, int Warmup,
    int Enrolments, int Sessions, int Messages, int DispatchRounds, int KillMessages, bool WaitLease, string? Output,
    bool Keep, string? SweepDatabase)
{
    public string WorkflowsDirectory => Path.Combine(RepositoryRoot, "workflows");

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                named[args[i][2..]] = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
        }

        // An empty variable is unset (bench/run.sh exports the maildev ports empty when it did not start maildev).
        string? Read(string name, string variable) => named.TryGetValue(name, out var value) ? value
            : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } set ? set : null;
        int Number(string name, int fallback) => named.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        var root = Read("repo", "BENCH_REPO") ?? FindRoot();
        return new BenchOptions(
            Read("pg", "BENCHMARK_TEST_PG") ?? "",
            int.Parse(Read("smtp-port", "MAILDEV_SMTP_PORT") ?? "1025", CultureInfo.InvariantCulture),
            new Uri($"http://127.0.0.1:{Read("maildev-port", "MAILDEV_WEB_PORT") ?? "1080"}/"),
            root,
            Read("app", "BENCH_APP") ?? Path.Combine(root, "src", "Benchmark.Web", "bin", "Release", "net10.0", "Benchmark.Web.dll"),
            Number("runs", 20),
            // The JIT optimises a method after 30 calls: 40 sweeps measure a server that has run a few hours (every 5 minutes).
            Number("warmup", 40),
            Number("enrolments", 5000),
            Number("sessions", 125_000),
            Number("messages", 2000),
            Number("rounds", 3),
            Number("kill-messages", 500),
            named.ContainsKey("wait-lease"),
            Read("out", "BENCH_OUT"),
            named.ContainsKey("keep"),
            Read("sweep-db", "BENCH_SWEEP_DB"));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Benchmark.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Benchmark.sln not found above the current directory: pass --repo");
    }
}
