using Benchmark.Core.Definitions;
using Benchmark.Core.Reminders;

namespace Benchmark.Core.Grid;

/// <summary>
/// Imported rows counted by month, activity, provenance, appointment type and report-delay bucket — what a database
/// GROUP BY returns, and all the indicators need (sums and counts, so any breakdown can be added up from it).
/// </summary>
public sealed record GridCell(
    int Month, string Activity, string Provenance, string AppointmentType, int? ReportBucket,
    int Count, long AppointmentDelaySum, int AppointmentDelayCount, double ReportDelaySum, int ReportDelayCount)
{
    public DateOnly FirstDay => new(Month / 100, Month % 100, 1);

    /// <summary>Rows to cells, for files and tests (the database groups the same way).</summary>
    public static IReadOnlyList<GridCell> From(IEnumerable<GridRow> rows) =>
        rows.GroupBy(r => (Month: GridEntry.MonthOf(r.Date), r.Activity, r.Provenance, r.AppointmentType, Bucket: GridDistribution.Bucket(r.ReportDelay)))
            .Select(g => new GridCell(g.Key.Month, g.Key.Activity, g.Key.Provenance, g.Key.AppointmentType, g.Key.Bucket, g.Count(),
                g.Sum(r => (long)(r.AppointmentDelay ?? 0)), g.Count(r => r.AppointmentDelay is not null),
                g.Sum(r => r.ReportDelay ?? 0), g.Count(r => r.ReportDelay is not null)))
            .ToList();
}

/// <summary>How finely summaries are broken down within each period.</summary>
public enum GridBreakdown
{
    Period,
    Activity,
    Provenance,
    ActivityAndProvenance,
}

/// <summary>
/// The four imaging indicators (seed 002) for one period and, depending on the breakdown, one activity type and/or
/// provenance (null = all). Rates are percentages; null = not computable (no row in the denominator).
/// </summary>
public sealed record GridSummary(
    IndicatorPeriodSlot Period, string? Activity, string? Provenance,
    int ScheduledKept, int ScheduledMissed, int Unscheduled,
    decimal? ScheduledRate, decimal? MissedRate, decimal? MeanAppointmentDelay, decimal? MeanReportDelay,
    IReadOnlyList<int> ReportDelayDistribution)
{
    public int Total => ScheduledKept + ScheduledMissed + Unscheduled;
}

/// <summary>
/// The seed's formulas, as pure functions over <see cref="GridCell"/>s:
/// taux de RDV programmés = (honorés + non honorés) / total ; taux de RDV programmés non honorés = non honorés /
/// (honorés + non honorés) ; délai moyen de RDV = moyenne des délais d'obtention des RDV programmés honorés ;
/// délai moyen de compte rendu = moyenne des délais renseignés.
/// </summary>
public static class GridSummaries
{
    public static IReadOnlyList<GridSummary> Compute(IEnumerable<GridCell> cells, GridBreakdown breakdown, IndicatorPeriod period = IndicatorPeriod.Month)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return cells
            .GroupBy(c => (
                Period: IndicatorPeriods.Containing(period, c.FirstDay).Key,
                Activity: breakdown is GridBreakdown.Activity or GridBreakdown.ActivityAndProvenance ? c.Activity : null,
                Provenance: breakdown is GridBreakdown.Provenance or GridBreakdown.ActivityAndProvenance ? c.Provenance : null))
            .Select(g => Summarise(IndicatorPeriods.Containing(period, g.First().FirstDay), g.Key.Activity, g.Key.Provenance, g.ToList()))
            .OrderBy(s => s.Period.Start).ThenBy(s => s.Activity, StringComparer.Ordinal).ThenBy(s => s.Provenance, StringComparer.Ordinal)
            .ToList();
    }

    public static GridSummary Summarise(IndicatorPeriodSlot period, string? activity, string? provenance, IReadOnlyCollection<GridCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var kept = cells.Where(c => c.AppointmentType == GridSchema.ScheduledKept).ToList();
        var keptCount = kept.Sum(c => c.Count);
        var missed = cells.Where(c => c.AppointmentType == GridSchema.ScheduledMissed).Sum(c => c.Count);
        var unscheduled = cells.Where(c => c.AppointmentType == GridSchema.Unscheduled).Sum(c => c.Count);
        var distribution = new int[GridDistribution.Buckets.Count];
        foreach (var cell in cells.Where(c => c.ReportBucket is not null))
        {
            distribution[cell.ReportBucket!.Value] += cell.Count;
        }

        return new GridSummary(
            period, activity, provenance, keptCount, missed, unscheduled,
            Ratio(keptCount + missed, keptCount + missed + unscheduled, 100),
            Ratio(missed, keptCount + missed, 100),
            Ratio(kept.Sum(c => (double)c.AppointmentDelaySum), kept.Sum(c => c.AppointmentDelayCount), 1),
            Ratio(cells.Sum(c => c.ReportDelaySum), cells.Sum(c => c.ReportDelayCount), 1),
            distribution);
    }

    private static decimal? Ratio(double numerator, int denominator, int scale) =>
        denominator == 0 ? null : Math.Round((decimal)(numerator * scale / denominator), 2, MidpointRounding.AwayFromZero);
}
