using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;
using Benchmark.Web.Features.Programmes;

namespace Benchmark.Web.Cli;

/// <summary><c>schedule &lt;file&gt; --anchor J=YYYY-MM-DD …</c>: prints the resolved calendar (a programme manager's what-if).</summary>
internal static class ScheduleCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors, string? callerDirectory = null)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var anchors = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] != "--anchor")
            {
                continue;
            }

            var pair = i + 1 < args.Count ? args[++i].Split('=', 2) : [];
            if (pair.Length != 2 || !DateOnly.TryParseExact(pair[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.WriteLine($"--anchor attend NOM=AAAA-MM-JJ, par exemple --anchor J*=2027-01-18 (lu : '{string.Join('=', pair)}')");
                return 2;
            }

            anchors[pair[0]] = date;
        }

        if (file is null)
        {
            errors.WriteLine("usage : schedule <fichier.yaml> --anchor J=AAAA-MM-JJ [--anchor J*=AAAA-MM-JJ]");
            return 2;
        }

        var loaded = DefinitionLoader.LoadFile(CommandLine.Resolve(file, callerDirectory), file);
        if (!loaded.IsValid)
        {
            foreach (var error in loaded.Errors)
            {
                errors.WriteLine(error);
            }

            return 1;
        }

        var result = ScheduleResolver.Resolve(loaded.Definition!, anchors);
        if (!result.IsSuccess)
        {
            errors.WriteLine(result.Error!.Message);
            return 1;
        }

        Print(result.Value, output);
        return 0;
    }

    private static void Print(ResolvedCalendar calendar, TextWriter output)
    {
        var d = calendar.Definition;
        output.WriteLine($"{d.Title} ({d.Id} v{d.Version}) — heure de Paris");
        output.WriteLine("Ancres : " + string.Join(", ", calendar.Anchors.Select(a => $"{a.Key} = {CalendarLines.Day(a.Value)}")));
        foreach (var (phase, lines) in CalendarLines.ByPhase(calendar))
        {
            output.WriteLine();
            output.WriteLine($"{phase.Definition.Title}  [{phase.Definition.Id}]  du {CalendarLines.Day(phase.Start)} au {CalendarLines.Day(phase.Due)} (échéance)");
            foreach (var line in lines)
            {
                var text = line.Id is null ? line.Text : $"{line.Id,-8} {line.Text}";
                output.WriteLine($"  {CalendarLines.Day(line.Date)}  {line.KindLabel,-9} {text}");
            }
        }
    }
}
