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

    public static string Run(string label, string unit, IReadOnlyList<(string Period, decimal? Value)> points, decimal? median, decimal? target) =>
        JsonSerializer.Serialize(new
        {
            kind = "run", label, unit,
            labels = points.Select(p => p.Period), values = points.Select(p => p.Value),
            median, target,
        }, Options);

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
