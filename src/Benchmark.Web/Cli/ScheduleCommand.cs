using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;
using Benchmark.Web.Features.Programmes;

namespace Benchmark.Web.Cli;

/// <summary>
/// <c>schedule &lt;file&gt; --anchor J=YYYY-MM-DD … [--holidays alsace-moselle]</c>: prints the resolved calendar (a
/// programme manager's what-if), each date moved off a weekend or public holiday marked « * », then the list of moves.
/// </summary>
internal static class ScheduleCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors, string? callerDirectory = null)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var anchors = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        WorkingCalendar? workingDays = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--holidays")
            {
                var region = i + 1 < args.Count ? args[++i] : "";
                if (region is not ("france" or "alsace-moselle"))
                {
                    errors.WriteLine($"--holidays attend 'france' ou 'alsace-moselle' (lu : '{region}')");
                    return 2;
                }

                workingDays = region == "france" ? WorkingCalendar.France : WorkingCalendar.AlsaceMoselle;
                continue;
            }

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

        if (ScheduleResolver.AnchorsOutOfOrder(loaded.Definition!, anchors) is { Count: > 0 } disordered)
        {
            foreach (var error in disordered)
            {
                errors.WriteLine(error.Message);
            }

            return 1;
        }

        var result = ScheduleResolver.Resolve(loaded.Definition!, anchors, workingDays);
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
        var moves = new List<string>();
        foreach (var (phase, lines) in CalendarLines.ByPhase(calendar))
        {
            output.WriteLine();
            var dueMark = phase.Moved is null ? "" : " *";
            output.WriteLine($"{phase.Definition.Title}  [{phase.Definition.Id}]  du {CalendarLines.Day(phase.Start)} au {CalendarLines.Day(phase.Due)} (échéance){dueMark}");
            if (phase.Moved is { } m)
            {
                moves.Add($"échéance de la phase {phase.Definition.Id} : {CalendarLines.Day(m.Date)}, au lieu du {CalendarLines.Day(m.Original)} ({m.Reason})");
            }

            foreach (var line in lines)
            {
                var text = line.Id is null ? line.Text : $"{line.Id,-8} {line.Text}";
                output.WriteLine($"  {CalendarLines.Day(line.Date)}{(line.Moved is null ? "   " : " * ")}{line.KindLabel,-9} {text}");
                if (line.MovedNote is { } note)
                {
                    moves.Add($"{line.KindLabel} {line.Id ?? ""}".TrimEnd() + $" : {CalendarLines.Day(line.Date)}, {note}");
                }
            }
        }

        moves = [.. moves.Distinct()];
        output.WriteLine();
        output.WriteLine(moves.Count == 0
            ? "Aucune date déplacée : aucune ne tombait un week-end ou un jour férié."
            : $"* {moves.Count} date(s) déplacée(s) hors d'un week-end ou d'un jour férié{Region(calendar)} :");
        foreach (var move in moves)
        {
            output.WriteLine("  - " + move);
        }
    }

    private static string Region(ResolvedCalendar calendar) =>
        calendar.WorkingDays.Region == HolidayRegion.AlsaceMoselle ? " (calendrier d'Alsace-Moselle)" : "";
}
