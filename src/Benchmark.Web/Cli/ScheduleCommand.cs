using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;

namespace Benchmark.Web.Cli;

/// <summary><c>schedule &lt;file&gt; --anchor J=YYYY-MM-DD …</c>: prints the resolved calendar (a programme manager's what-if).</summary>
internal static class ScheduleCommand
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
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

        var loaded = DefinitionLoader.LoadFile(file);
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
        output.WriteLine("Ancres : " + string.Join(", ", calendar.Anchors.Select(a => $"{a.Key} = {Day(a.Value)}")));
        foreach (var phase in calendar.Phases)
        {
            output.WriteLine();
            output.WriteLine($"{phase.Definition.Title}  [{phase.Definition.Id}]  du {Day(phase.Start)} au {Day(phase.Due)} (échéance)");
            var id = phase.Definition.Id;
            var lines = new List<(DateOnly Date, string Text)>();
            lines.AddRange(calendar.Milestones.Where(m => d.Phases.First(p => p.Milestones.Contains(m.Definition)).Id == id)
                .Select(m => (m.Date, $"jalon     {m.Definition.Id,-8} {m.Definition.Title}")));
            foreach (var s in calendar.Sessions.Where(s => d.PhaseOf(s.Definition.Id).Id == id))
            {
                var start = ParisTime.ToParis(s.StartUtc);
                var end = ParisTime.ToParis(s.EndUtc);
                var span = s.StartDate == s.EndDate ? $"{start:HH\\:mm}–{end:HH\\:mm}" : $"{start:HH\\:mm} → {Day(s.EndDate)} {end:HH\\:mm}";
                lines.Add((s.StartDate, $"séance    {s.Definition.Id,-8} {s.Definition.Title} ({Kind(s.Definition.Kind)}, {span}, {s.Definition.Mode.ToString().ToLowerInvariant()})"));
                if (s.ReportDue is { } due)
                {
                    lines.Add((due, $"échéance  {s.Definition.Id,-8} {s.Definition.Report!.Title}"));
                }
            }

            lines.AddRange(calendar.Deliverables.Where(x => d.PhaseOf(x.Definition.Id).Id == id)
                .Select(x => (x.Due, $"livrable  {x.Definition.Id,-8} {x.Definition.Title}" + (x.Definition.Approver is { } a ? $" (validé par {a})" : ""))));
            var items = calendar.Checklist.Where(x => d.PhaseOf(x.Definition.Id).Id == id).GroupBy(x => x.Due);
            lines.AddRange(items.Select(g => (g.Key, $"check-list {g.Count()} élément(s) dus")));
            foreach (var (date, text) in lines.OrderBy(l => l.Date))
            {
                output.WriteLine($"  {Day(date)}  {text}");
            }
        }
    }

    private static string Day(DateOnly date) => date.ToString("ddd dd/MM/yyyy", French);

    private static string Kind(SessionKind kind) => kind switch
    {
        SessionKind.Collective => "collective",
        SessionKind.Individual => "individuelle",
        SessionKind.Internal => "interne",
    };
}
