using Benchmark.Core.Roadmap;

namespace Benchmark.Web.Features.Roadmap;

/// <summary>What the read-only rendering of a roadmap version needs.</summary>
public sealed record RoadmapView(RoadmapDocument Document, IReadOnlyList<IndicatorChoice> Indicators, DateOnly Today, string IdPrefix)
{
    public string IndicatorTitle(string id) => Indicators.FirstOrDefault(i => i.Id == id) is { } i ? $"{i.Title} ({i.Unit})" : id;
}

/// <summary>How risk bands look: a DSFR contrast background for the matrix cell and a badge with the colour's word (colour is never the only signal).</summary>
public static class RiskDisplay
{
    public static string CellStyle(RiskBand band) => band switch
    {
        RiskBand.Green => "background-color: var(--background-contrast-success)",
        RiskBand.Orange => "background-color: var(--background-contrast-warning)",
        RiskBand.Red => "background-color: var(--background-contrast-error)",
    };

    public static string BadgeCss(RiskBand band) => band switch
    {
        RiskBand.Green => "fr-badge--success",
        RiskBand.Orange => "fr-badge--warning",
        RiskBand.Red => "fr-badge--error",
    };

    public static IEnumerable<Option> GravityOptions =>
        Criticity.GravityLabels.Select((label, i) => new Option((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{i + 1} – {label}"));

    public static IEnumerable<Option> ProbabilityOptions =>
        Criticity.ProbabilityLabels.Select((label, i) => new Option((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{i + 1} – {label}"));
}
