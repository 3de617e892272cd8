using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Definitions;

/// <summary>Reads an agenda ("ordre du jour"): time slots in order, not overlapping, one run per day of the session.</summary>
internal static class AgendaReader
{
    public static IReadOnlyList<AgendaItemDefinition> Read(LoadContext c, NodeReader.Fields s, string sessionId, TimeOnly start, TimeOnly end, SessionDuration duration)
    {
        var items = new List<AgendaItemDefinition>();
        var day = 1;
        TimeOnly? previousEnd = null;
        foreach (var node in s.List("agenda"))
        {
            if (c.Reader.Mapping(node, $"un point de l'ordre du jour de '{sessionId}'", "time", "title", "by") is not { } a)
            {
                continue;
            }

            var slot = a.RequiredString("time");
            var parts = slot.Split('-', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !LoadContext.TryTime(parts[0], out var from) || !LoadContext.TryTime(parts[1], out var to))
            {
                c.Reader.Error(a.PositionOf("time"), $"créneau '{slot}' illisible : attendu 'HH:MM-HH:MM', par exemple '09:30-10:15'");
                continue;
            }

            if (to <= from)
            {
                c.Reader.Error(a.PositionOf("time"), $"créneau '{slot}' : la fin doit suivre le début");
                continue;
            }

            if (previousEnd is { } previous && from < previous)
            {
                if (day < Math.Max(1, duration.Days))
                {
                    day++;
                }
                else
                {
                    c.Reader.Error(a.PositionOf("time"), $"créneau '{slot}' chevauche le précédent (qui finit à {previous:HH\\:mm}) : les points se suivent dans l'ordre");
                }
            }

            if (day == 1 && items.Count == 0 && from < start)
            {
                c.Reader.Error(a.PositionOf("time"), $"créneau '{slot}' commence avant la séance ({start:HH\\:mm}) : corrigez 'time' de la séance ou le créneau");
            }

            if (to > end)
            {
                c.Reader.Error(a.PositionOf("time"), $"créneau '{slot}' finit après la séance ({end:HH\\:mm}) : raccourcissez-le ou allongez la séance");
            }

            previousEnd = to;
            items.Add(new AgendaItemDefinition(from, to, a.RequiredString("title"), a.String("by")));
        }

        return items;
    }
}
