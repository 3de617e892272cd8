using System.Globalization;
using System.Text.Json;
using Benchmark.Core.Grid;

namespace Benchmark.Web.Features.Grid;

/// <summary>How grid figures read in French, and the chart's data (read by wwwroot/js/grid.js: no inline script).</summary>
internal static class GridDisplay
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Percent(decimal? value) => value is { } v ? $"{v.ToString("0.#", French)} %" : "non calculable";

    public static string Days(decimal? value) => value is { } v ? $"{v.ToString("0.##", French)} j" : "non calculable";

    public static string Count(int value) => value.ToString("N0", French);

    /// <summary>The report-delay distribution chart: buckets on the x axis, one bar series per period.</summary>
    public static string DistributionChart(IReadOnlyList<GridSummary> byPeriod) => JsonSerializer.Serialize(new
    {
        labels = GridDistribution.Buckets.Select(b => b.Label),
        datasets = byPeriod.Select(s => new { label = s.Period.Title, data = s.ReportDelayDistribution }),
    });
}
