using System.Text.Json;
using Benchmark.Core.Indicators;

namespace Benchmark.Web.Features.Indicators;

/// <summary>
/// The data of a chart, serialised into the canvas's <c>data-chart</c> attribute and drawn by <c>wwwroot/js/charts.js</c>
/// (the content security policy allows no inline script). Numbers are invariant; the script formats them in French.
/// </summary>
public static class ChartData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A run chart: short period labels, values, median and target lines, whether the value axis starts at zero, each
    /// point's marker (a shape per signal, so colour is never the only cue) and the tested changes' periods.
    /// </summary>
    public static string Run(RunChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var styles = chart.Points.Select(p => chart.SignalsAt(p).Select(s => s.Kind).ToList() switch
        {
            var k when k.Contains(RunSignalKind.Astronomical) => "star",
            var k when k.Contains(RunSignalKind.Shift) => "rectRot",
            var k when k.Contains(RunSignalKind.Trend) => "triangle",
            _ => "circle",
        }).ToList();
        var keys = chart.Points.Select(p => p.Period.Key).ToList();
        return JsonSerializer.Serialize(new
        {
            kind = "run", label = chart.Indicator.Title, unit = chart.Indicator.Unit,
            labels = chart.Points.Select(p => RunChartText.Short(p.Period)), values = chart.Points.Select(p => p.Value),
            median = chart.Median, target = chart.Target, fromZero = chart.FromZero,
            styles,
            marks = chart.Marks.Where(m => m.PeriodKey is not null).Select(m => new { index = keys.IndexOf(m.PeriodKey!), number = m.Number }),
        }, Options);
    }

    public static string Benchmark(BenchmarkView view) =>
        JsonSerializer.Serialize(new
        {
            kind = "benchmark", label = view.Indicator.Title, unit = view.Indicator.Unit,
            labels = view.Entries.Select(e => e.Label), values = view.Entries.Select(e => e.Value), named = view.Entries.Select(e => e.Named),
            median = view.Distribution?.Median, q1 = view.Distribution?.FirstQuartile, q3 = view.Distribution?.ThirdQuartile,
        }, Options);

    public static string Histogram(BenchmarkView view) =>
        JsonSerializer.Serialize(new
        {
            kind = "histogram", label = "Nombre d'établissements", unit = view.Indicator.Unit,
            labels = view.Histogram.Select(BinLabel), values = view.Histogram.Select(b => b.Count),
        }, Options);

    public static string BinLabel(HistogramBin bin) => bin.From == bin.To
        ? IndicatorForm.Format(bin.From)
        : $"{IndicatorForm.Format(bin.From)} – {IndicatorForm.Format(bin.To)}";
}
