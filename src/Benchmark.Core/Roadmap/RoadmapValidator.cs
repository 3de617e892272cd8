using System.Globalization;

namespace Benchmark.Core.Roadmap;

/// <summary>An indicator a target may be set on, with its validation bounds (from the programme definition).</summary>
public sealed record IndicatorChoice(string Id, string Title, string Unit, decimal? Min, decimal? Max);

/// <summary>
/// Checks a feuille de route: required fields, dates in order, levels and percentages in range, targets on the
/// programme's indicators within their bounds. A draft may be incomplete in number of lines, never in what a line
/// holds; a submission also needs at least one action. Messages are French and name the line.
/// </summary>
public static class RoadmapValidator
{
    public const int MaxText = 2000;

    public static IReadOnlyList<FieldError> Validate(RoadmapDocument document, IReadOnlyList<IndicatorChoice> indicators, bool forSubmission)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(indicators);
        var errors = new List<FieldError>();
        if (forSubmission && document.Actions.Count == 0)
        {
            errors.Add(new("Actions", "La feuille de route doit comporter au moins une action avant d'être déposée."));
        }

        for (var i = 0; i < document.Actions.Count; i++)
        {
            var a = document.Actions[i];
            var line = new Line(errors, $"Actions[{i}]", $"Action {i + 1}");
            line.Required(nameof(a.Title), a.Title, "l'intitulé");
            line.Required(nameof(a.Lever), a.Lever, "le levier ou l'axe");
            line.Required(nameof(a.Owner), a.Owner, "le responsable");
            line.Optional(nameof(a.ExpectedImpact), a.ExpectedImpact);
            line.Date(nameof(a.Due), a.Due, "l'échéance");
            if (a.Start is { } start && a.Due is { } due && start > due)
            {
                line.Add(nameof(a.Due), "l'échéance doit suivre le début (ou être le même jour).");
            }

            if (a.Progress is < 0 or > 100)
            {
                line.Add(nameof(a.Progress), "l'avancement est un pourcentage entre 0 et 100.");
            }
            else if (a.Status == ActionStatus.Done && a.Progress != 100)
            {
                line.Add(nameof(a.Progress), "une action terminée est avancée à 100 %.");
            }
        }

        ValidateTargets(document.Targets, indicators, errors);
        ValidateRisks(document.Risks, errors, "Risks");

        for (var i = 0; i < document.Communication.Count; i++)
        {
            var c = document.Communication[i];
            var line = new Line(errors, $"Communication[{i}]", $"Communication {i + 1}");
            line.Required(nameof(c.Audience), c.Audience, "le public visé");
            line.Required(nameof(c.Message), c.Message, "le message");
            line.Required(nameof(c.Channel), c.Channel, "le canal");
            line.Date(nameof(c.When), c.When, "la date");
            line.Required(nameof(c.Owner), c.Owner, "le responsable");
        }

        return errors;
    }

    /// <summary>Checks the lines of a risk map (also used by the office-surgery candidature, section I).</summary>
    public static void ValidateRisks(IReadOnlyList<Risk> risks, List<FieldError> errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(errors);
        for (var i = 0; i < risks.Count; i++)
        {
            var r = risks[i];
            var line = new Line(errors, $"{prefix}[{i}]", $"Risque {i + 1}");
            line.Required(nameof(r.Type), r.Type, "le type de risque");
            line.Required(nameof(r.Description), r.Description, "la description");
            line.Level(nameof(r.Gravity), r.Gravity, "la gravité");
            line.Level(nameof(r.Probability), r.Probability, "la probabilité");
            line.Required(nameof(r.Mitigation), r.Mitigation, "l'action de maîtrise");
            line.Required(nameof(r.Owner), r.Owner, "le responsable");
            line.Date(nameof(r.Due), r.Due, "l'échéance");
        }
    }

    private static void ValidateTargets(IReadOnlyList<IndicatorTarget> targets, IReadOnlyList<IndicatorChoice> indicators, List<FieldError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var line = new Line(errors, $"Targets[{i}]", $"Cible {i + 1}");
            var indicator = indicators.FirstOrDefault(x => x.Id == t.IndicatorId);
            if (indicator is null)
            {
                line.Add(nameof(t.IndicatorId), "choisissez un indicateur de la démarche.");
            }
            else if (!seen.Add(indicator.Id))
            {
                line.Add(nameof(t.IndicatorId), $"l'indicateur « {indicator.Title} » a déjà une cible.");
            }

            if (t.Target is not { } target)
            {
                line.Add(nameof(t.Target), "indiquez la valeur cible.");
            }
            else if (indicator is not null)
            {
                line.Bounds(nameof(t.Target), target, indicator, "la valeur cible");
            }

            if (t.Baseline is { } baseline && indicator is not null)
            {
                line.Bounds(nameof(t.Baseline), baseline, indicator, "la valeur de départ");
            }

            line.Date(nameof(t.Horizon), t.Horizon, "l'horizon");
        }
    }

    private readonly record struct Line(List<FieldError> Errors, string Prefix, string Name)
    {
        public void Add(string field, string message) => Errors.Add(new($"{Prefix}.{field}", $"{Name} : {message}"));

        public void Required(string field, string? value, string what)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, $"indiquez {what}.");
            }
            else
            {
                Optional(field, value);
            }
        }

        public void Optional(string field, string? value)
        {
            if (value is { Length: > MaxText })
            {
                Add(field, string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{MaxText} caractères au plus."));
            }
        }

        public void Date(string field, DateOnly? value, string what)
        {
            if (value is null)
            {
                Add(field, $"indiquez {what} (date au format JJ/MM/AAAA).");
            }
        }

        public void Level(string field, int value, string what)
        {
            if (value is < Criticity.Min or > Criticity.Max)
            {
                Add(field, $"{what} se note de 1 à 4.");
            }
        }

        public void Bounds(string field, decimal value, IndicatorChoice indicator, string what)
        {
            var french = CultureInfo.GetCultureInfo("fr-FR");
            if (indicator.Min is { } min && value < min)
            {
                Add(field, string.Create(french, $"{what} de « {indicator.Title} » ne peut être inférieure à {min:0.##}."));
            }
            else if (indicator.Max is { } max && value > max)
            {
                Add(field, string.Create(french, $"{what} de « {indicator.Title} » ne peut dépasser {max:0.##}."));
            }
        }
    }
}
