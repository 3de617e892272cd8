using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;

namespace Benchmark.Web.Features.Indicators;

public sealed record RunPoint(ReportingPeriod Period, decimal? Value, string? NotComputable, IndicatorValueStatus Status);

/// <summary>An indicator over time for one establishment: its points, their median, its target, and the group's median.</summary>
public sealed record RunChart(IndicatorDefinition Indicator, IReadOnlyList<RunPoint> Points, decimal? Median, decimal? Target, decimal? GroupMedian)
{
    public RunPoint? Last => Points.LastOrDefault(p => p.Value is not null);

    public RunPoint? BeforeLast => Points.Where(p => p.Value is not null).SkipLast(1).LastOrDefault();

    public string Json => ChartData.Run(Indicator.Title, Indicator.Unit, [.. Points.Select(p => (p.Period.Title, p.Value))], Median, Target);

    /// <summary>One run chart per indicator of the programme, from the enrolment's computed values (oldest period first).</summary>
    public static IReadOnlyList<RunChart> For(
        WorkflowDefinition definition, Guid enrolmentId, IReadOnlyList<ComputedValue> values, IReadOnlyDictionary<string, decimal>? targets = null)
    {
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
            charts.Add(new RunChart(indicator, points, GroupDistribution.Of(points.Where(p => p.Value is not null).Select(p => p.Value!.Value))?.Median,
                targets is not null && targets.TryGetValue(indicator.Id, out var target) ? target : null, group?.Median));
        }

        return charts;
    }
}
