using System.Globalization;
using System.Text;

namespace Benchmark.Bench;

/// <summary>
/// <c>bench [all|sweep|dispatch|kill] [--pg CS] [--smtp-port N] [--maildev-port N] [--runs N] [--out FILE] …</c>
/// (bench/README.md). Not a top-level program: the application's own <c>Program</c> is what the bench hosts.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
        var options = BenchOptions.Parse(args);
        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            Console.Error.WriteLine("No PostgreSQL server: set BENCHMARK_TEST_PG or pass --pg (bench/run.sh starts a throwaway one).");
            return 2;
        }

        Func<Task<Report>>[] benches = command switch
        {
            "sweep" => [() => new SweepBench(options).RunAsync()],
            "dispatch" => [() => new DispatchBench(options).RunAsync()],
            "kill" => [() => new KillBench(options).RunAsync()],
            "all" => [() => new SweepBench(options).RunAsync(), () => new DispatchBench(options).RunAsync(), () => new KillBench(options).RunAsync()],
            _ => [],
        };
        if (benches.Length == 0)
        {
            Console.Error.WriteLine($"Unknown measure '{command}': all, sweep, dispatch or kill.");
            return 2;
        }

        var reports = new List<Report>();
        var failed = false;
        foreach (var bench in benches)
        {
            try
            {
                reports.Add(await bench());
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or Npgsql.NpgsqlException or MailKit.CommandException or HttpRequestException)
            {
                Console.Error.WriteLine($"bench failed: {e}");
                failed = true;
            }
        }

        var table = new StringBuilder();
        table.AppendLine("| measure | result | goal | |");
        table.AppendLine("|---|---|---|---|");
        foreach (var figure in reports.SelectMany(r => r.Figures))
        {
            var verdict = figure.Met switch { true => "met", false => "**not met**", null => "" };
            table.AppendLine(CultureInfo.InvariantCulture, $"| {figure.Measure} | {figure.Value} | {figure.Goal} | {verdict} |");
        }

        Console.WriteLine();
        Console.WriteLine(table);
        if (options.Output is { } output)
        {
            var file = new StringBuilder();
            file.AppendLine(table.ToString());
            foreach (var report in reports)
            {
                file.AppendLine(CultureInfo.InvariantCulture, $"## {report.Title}");
                file.AppendLine();
                file.AppendLine(report.Notes);
            }

            await File.AppendAllTextAsync(output, file.ToString());
        }

        return failed ? 1 : 0;
    }
}
