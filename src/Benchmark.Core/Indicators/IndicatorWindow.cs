using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Indicators;

/// <summary>
/// The dates a wave takes indicator values for: from a year before its first date (an anchor or a phase start: a team
/// may report a baseline from before the programme, as the demo does) to a year after its last computed date (phase
/// ends, milestones, sessions, deliverables: late reports and follow-up). A period is accepted when it overlaps them.
/// Without it any year from 1900 was saved, and one far-off period sat at the head of every list and chart of the wave.
/// </summary>
public sealed record IndicatorWindow(DateOnly From, DateOnly To)
{
    /// <summary>The window of a wave from its anchors and, when they resolve it, its calendar; around today when it has neither.</summary>
    public static IndicatorWindow Of(IReadOnlyDictionary<string, DateOnly> anchors, ResolvedCalendar? calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        var dates = anchors.Values.ToList();
        if (calendar is not null)
        {
            dates.AddRange(calendar.Phases.SelectMany(p => new[] { p.Start, p.Due }));
            dates.AddRange(calendar.Milestones.Select(m => m.Date));
            dates.AddRange(calendar.Sessions.SelectMany(s => new[] { s.StartDate, s.EndDate }));
            dates.AddRange(calendar.Checklist.Select(c => c.Due));
            dates.AddRange(calendar.Deliverables.Select(d => d.Due));
        }

        if (dates.Count == 0)
        {
            dates.Add(today);
        }

        var (first, last) = (dates.Min(), dates.Max());
        return new(
            first.Year > 1 ? first.AddYears(-1) : DateOnly.MinValue,
            last.Year < 9999 ? last.AddYears(1) : DateOnly.MaxValue);
    }

    /// <summary>The earliest period of that type the wave accepts.</summary>
    public ReportingPeriod First(IndicatorPeriod type) => ReportingPeriod.Containing(type, From);

    /// <summary>The latest period of that type the wave accepts.</summary>
    public ReportingPeriod Last(IndicatorPeriod type) => ReportingPeriod.Containing(type, To);

    public bool Contains(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.CompareTo(First(period.Type)) >= 0 && period.CompareTo(Last(period.Type)) <= 0;
    }

    /// <summary>Null when the wave takes values for <paramref name="period"/>; otherwise the French error naming the range.</summary>
    public Error? Check(ReportingPeriod period) => Contains(period)
        ? null
        : Error.Invalid(
            $"La période {period.Title} est en dehors du calendrier de la vague : "
            + $"saisissez une période de {First(period.Type).Title} à {Last(period.Type).Title}.",
            "periode");
}
