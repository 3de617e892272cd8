using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;

namespace Benchmark.Web.Features.Indicators;

public sealed record RunPoint(ReportingPeriod Period, decimal? Value, string? NotComputable, IndicatorValueStatus Status);

/// <summary>A tested change drawn on a chart: its number in the list under the chart, and the period it falls in (none when off the chart).</summary>
public sealed record ChartMark(int Number, ChartAnnotation Annotation, string? PeriodKey);

/// <summary>
/// An indicator over time for one establishment: its points, their median, its target, the group's median, what the
/// run-chart rules read in it (<see cref="RunChartRules"/>) and the changes the team tested.
/// </summary>
public sealed record RunChart(IndicatorDefinition Indicator, IReadOnlyList<RunPoint> Points, decimal? Target, decimal? GroupMedian)
{
    /// <summary>The points with a value, in time order: the series the rules read.</summary>
    public IReadOnlyList<RunPoint> Valued { get; } = [.. Points.Where(p => p.Value is not null)];

    public RunChartReading Reading => _reading ??= RunChartRules.Read([.. Valued.Select(p => p.Value!.Value)]);

    public decimal? Median => Reading.Median;

    public IReadOnlyList<ChartMark> Marks { get; init; } = [];

    public RunPoint? Last => Valued.Count == 0 ? null : Valued[^1];

    public RunPoint? BeforeLast => Valued.Count < 2 ? null : Valued[^2];

    /// <summary>The value axis starts at zero unless the data would then be squeezed into a strip (see <see cref="StartsAtZero"/>).</summary>
    public bool FromZero => StartsAtZero([.. Valued.Select(p => p.Value!.Value), .. Target is { } t ? new[] { t } : []]);

    public string Json => ChartData.Run(this);

    private RunChartReading? _reading;

    /// <summary>
    /// Whether a value axis should start at zero: yes, unless every value is positive and their spread is under a fifth
    /// of the largest — drawn from zero they would sit in a thin band at the top and every change would look flat. The
    /// page then says « axe ne partant pas de zéro », so no one reads a small change as a large one.
    /// </summary>
    public static bool StartsAtZero(IReadOnlyCollection<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return true;
        }

        var (min, max) = (values.Min(), values.Max());
        return min <= 0 || max == min || (max - min) * 5 >= max;
    }

    /// <summary>The signals a point is part of (shift, trend, astronomical; the runs rules concern the whole series).</summary>
    public IReadOnlyList<RunSignal> SignalsAt(RunPoint point)
    {
        var index = Valued.ToList().IndexOf(point);
        return index < 0 ? [] : [.. Reading.Signals.Where(s => s.Kind is RunSignalKind.Shift or RunSignalKind.Trend or RunSignalKind.Astronomical && s.Points.Contains(index))];
    }

    /// <summary>One run chart per indicator of the programme, from the enrolment's computed values (oldest period first).</summary>
    public static IReadOnlyList<RunChart> For(
        WorkflowDefinition definition, Guid enrolmentId, IReadOnlyList<ComputedValue> values, IReadOnlyDictionary<string, decimal>? targets = null,
        IReadOnlyList<ChartAnnotation>? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var charts = new List<RunChart>();
        foreach (var indicator in definition.Indicators)
        {
            var points = values.Where(v => v.EnrolmentId == enrolmentId && v.IndicatorId == indicator.Id)
                .OrderBy(v => v.Period.Year).ThenBy(v => v.Period.Index)
                .Select(v => new RunPoint(v.Period, v.Value, v.NotComputable, v.Status)).ToList();
            var last = points.LastOrDefault(p => p.Value is not null)?.Period;
            // The group's median tells about the others: their submitted values only, and from three establishments.
            var others = values.Where(v => v.IndicatorId == indicator.Id && v.Period == last && v.Value is not null
                && (v.EnrolmentId == enrolmentId || v.Status is IndicatorValueStatus.Submitted or IndicatorValueStatus.Validated)).ToList();
            var group = last is null || others.Count < GroupBenchmark.MinimumAnonymised ? null : GroupDistribution.Of(others.Select(v => v.Value!.Value));
            var keys = points.Select(p => p.Period.Key).ToHashSet(StringComparer.Ordinal);
            var marks = (annotations ?? []).Where(a => a.IndicatorId is null || a.IndicatorId == indicator.Id)
                .OrderBy(a => a.Date).ThenBy(a => a.At)
                .Select((a, i) => new ChartMark(i + 1, a, ReportingPeriod.Containing(indicator.Period, a.Date).Key is var key && keys.Contains(key) ? key : null))
                .ToList();
            charts.Add(new RunChart(indicator, points, targets is not null && targets.TryGetValue(indicator.Id, out var target) ? target : null, group?.Median)
            {
                Marks = marks,
            });
        }

        return charts;
    }
}
