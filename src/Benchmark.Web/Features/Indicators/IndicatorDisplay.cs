using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;

namespace Benchmark.Web.Features.Indicators;

/// <summary>How indicator states, categories and values read on screen.</summary>
public static class IndicatorDisplay
{
    public static (string Text, string Css) Badge(IndicatorValueStatus status) => status switch
    {
        IndicatorValueStatus.Draft => ("À saisir", ""),
        IndicatorValueStatus.Submitted => ("Soumise", "fr-badge--new"),
        IndicatorValueStatus.Validated => ("Validée", "fr-badge--success"),
        IndicatorValueStatus.SentBack => ("Renvoyée", "fr-badge--warning"),
    };

    /// <summary>A period's state as the audit trail writes it (« brouillon », « soumise »…).</summary>
    public static string Word(IndicatorValueStatus status) => status switch
    {
        IndicatorValueStatus.Draft => "brouillon",
        IndicatorValueStatus.Submitted => "soumise",
        IndicatorValueStatus.Validated => "validée",
        IndicatorValueStatus.SentBack => "renvoyée",
    };

    public static string Category(IndicatorCategory category) => category switch
    {
        IndicatorCategory.Socle => "Socle",
        IndicatorCategory.Specifique => "Spécifique",
        IndicatorCategory.Experimental => "Expérimental",
        IndicatorCategory.Routine => "Routine",
        IndicatorCategory.Resultat => "Résultat",
    };

    public static string Direction(IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.Higher => "plus haut, mieux c'est",
        IndicatorDirection.Lower => "plus bas, mieux c'est",
        IndicatorDirection.Neutral => "à interpréter",
    };

    public static string Value(decimal? value, string unit) => value is { } v ? $"{IndicatorForm.Format(v)}{(unit == "%" ? " %" : unit is "ratio" or "nombre" ? "" : " " + unit)}" : "—";

    public static string Bounds(decimal? min, decimal? max, string? unit)
    {
        var u = string.IsNullOrEmpty(unit) ? "" : $" ({unit})";
        return (min, max) switch
        {
            ({ } a, { } b) => $"Entre {IndicatorForm.Format(a)} et {IndicatorForm.Format(b)}{u}",
            ({ } a, null) => $"Au moins {IndicatorForm.Format(a)}{u}",
            (null, { } b) => $"Au plus {IndicatorForm.Format(b)}{u}",
            _ => string.IsNullOrEmpty(unit) ? "Nombre" : $"En {unit}",
        };
    }
}
