using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Indicators;

namespace Benchmark.Web.Features.Indicators;

/// <summary>What a run chart's rules mean, in the words a quality-improvement team uses, and the chart's short period labels.</summary>
public static class RunChartText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>« janv.–févr. 2027 », « mars 2027 », « 2027 »: short enough for an axis.</summary>
    public static string Short(ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Type switch
        {
            IndicatorPeriod.Month => period.Start.ToString("MMM yyyy", French),
            IndicatorPeriod.Year => period.Start.ToString("yyyy", French),
            _ => $"{period.Start.ToString("MMM", French)}–{period.End.ToString("MMM yyyy", French)}",
        };
    }

    /// <summary>The marker of a signal on the chart, named for those who do not see its shape.</summary>
    public static string Marker(RunSignalKind kind) => kind switch
    {
        RunSignalKind.Shift => "losange",
        RunSignalKind.Trend => "triangle",
        RunSignalKind.Astronomical => "étoile",
        RunSignalKind.TooFewRuns or RunSignalKind.TooManyRuns => "",
    };

    public static string Name(RunSignalKind kind) => kind switch
    {
        RunSignalKind.Shift => "Déplacement",
        RunSignalKind.Trend => "Tendance",
        RunSignalKind.TooFewRuns => "Trop peu de séquences",
        RunSignalKind.TooManyRuns => "Trop de séquences",
        RunSignalKind.Astronomical => "Point hors norme",
    };

    /// <summary>What the rules say of the chart: one sentence per signal, or why there is none.</summary>
    public static IReadOnlyList<string> Sentences(RunChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var reading = chart.Reading;
        if (!reading.Applies)
        {
            return [$"Trop peu de points pour appliquer les règles du graphique de suivi ({reading.Points} sur {RunChartRules.MinimumPoints})."];
        }

        var sentences = reading.Signals.Select(s => Sentence(chart, s)).ToList();
        if (reading.Limits is null)
        {
            sentences.Add(reading.UsefulObservations < RunChartRules.MinimumPoints
                ? $"La règle des séquences attend {RunChartRules.MinimumPoints} points hors de la médiane ({reading.UsefulObservations} ici)."
                : "La règle des séquences n'est pas appliquée au-delà de 60 points hors de la médiane.");
        }

        if (reading.Signals.Count == 0)
        {
            sentences.Insert(0, "Aucun signal selon les règles du graphique de suivi (déplacement, tendance, séquences, point hors norme) : "
                + "la variation observée peut relever du hasard.");
        }

        return sentences;
    }

    private static string Sentence(RunChart chart, RunSignal signal)
    {
        var reading = chart.Reading;
        var first = RunChartText.Short(chart.Valued[signal.Points[0]].Period);
        var last = RunChartText.Short(chart.Valued[signal.Points[^1]].Period);
        var marker = Marker(signal.Kind) is { Length: > 0 } m ? $" ({m} sur le graphique)" : "";
        return signal.Kind switch
        {
            RunSignalKind.Shift =>
                $"Déplacement{marker} : {signal.Points.Count} points consécutifs {(signal.Direction > 0 ? "au-dessus" : "en dessous")} de la médiane "
                + $"(de {first} à {last}){Way(chart, signal.Direction)} — signe d'un changement durable, pas du hasard.",
            RunSignalKind.Trend =>
                $"Tendance{marker} : {signal.Points.Count} points consécutifs {(signal.Direction > 0 ? "en hausse" : "en baisse")} "
                + $"(de {first} à {last}){Way(chart, signal.Direction)} — le processus évolue dans un sens, pas au hasard.",
            RunSignalKind.TooFewRuns =>
                $"Trop peu de séquences : {reading.Runs} pour {reading.UsefulObservations} points hors de la médiane (le hasard en donne "
                + $"de {reading.Limits!.Lower} à {reading.Limits.Upper}) — les points restent groupés d'un côté de la médiane : un changement a eu lieu.",
            RunSignalKind.TooManyRuns =>
                $"Trop de séquences : {reading.Runs} pour {reading.UsefulObservations} points hors de la médiane (le hasard en donne "
                + $"de {reading.Limits!.Lower} à {reading.Limits.Upper}) — les valeurs alternent trop régulièrement : vérifiez le recueil "
                + "(deux sources mélangées, une saisie en alternance).",
            RunSignalKind.Astronomical =>
                $"Point hors norme{marker} : {IndicatorDisplay.Value(chart.Valued[signal.Points[0]].Value, chart.Indicator.Unit)} en {first}, "
                + "très loin des autres (au-delà de la médiane ± 3 écarts robustes) — cherchez ce qui s'est passé à cette période.",
        };
    }

    /// <summary>« , dans le sens souhaité » when the indicator says which way is better.</summary>
    private static string Way(RunChart chart, int direction) => chart.Indicator.Direction switch
    {
        IndicatorDirection.Higher => direction > 0 ? ", dans le sens souhaité" : ", dans le sens défavorable",
        IndicatorDirection.Lower => direction < 0 ? ", dans le sens souhaité" : ", dans le sens défavorable",
        IndicatorDirection.Neutral => "",
    };
}
