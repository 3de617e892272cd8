using Benchmark.Core.Definitions;

namespace Benchmark.Web.Cli;

/// <summary><c>validate &lt;files…&gt;</c>: checks definition files; exit 0 when all are valid, 1 otherwise.</summary>
internal static class ValidateCommand
{
    public static int Run(IReadOnlyList<string> files, TextWriter output, TextWriter errors, string? callerDirectory = null)
    {
        if (files.Count == 0)
        {
            errors.WriteLine("usage : validate <fichier.yaml>…");
            return 2;
        }

        var failed = 0;
        foreach (var file in files)
        {
            // Read from the caller's folder, reported under the name the caller typed.
            var result = DefinitionLoader.LoadFile(CommandLine.Resolve(file, callerDirectory), file);
            if (result.IsValid)
            {
                var d = result.Definition!;
                output.WriteLine($"{file}: OK — {d.Id} v{d.Version} : {d.Phases.Count} phases, {d.Sessions.Count()} séances, " +
                    $"{d.ChecklistItems.Count()} éléments de check-list, {d.Deliverables.Count()} livrables, {d.Indicators.Count} indicateurs, {d.Reminders.Count} rappels");
                continue;
            }

            failed++;
            foreach (var error in result.Errors)
            {
                errors.WriteLine(error);
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
