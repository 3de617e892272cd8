using System.Globalization;

namespace Benchmark.Core.Roadmap;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One line that differs between two versions, with the fields that changed (« Échéance : 12 mars 2027 → 30 avril 2027 »).</summary>
public sealed record LineChange(string Section, ChangeKind Kind, string Line, IReadOnlyList<string> Details);

/// <summary>Compares two versions of a feuille de route line by line (lines keep their id across versions).</summary>
public static class RoadmapComparison
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<LineChange> Compare(RoadmapDocument older, RoadmapDocument newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var changes = new List<LineChange>();
        Section(changes, "Actions", older.Actions, newer.Actions, a => a.Id, a => a.Title, a => new()
        {
            ["Intitulé"] = a.Title, ["Levier"] = a.Lever, ["Responsable"] = a.Owner, ["Début"] = Date(a.Start), ["Échéance"] = Date(a.Due),
            ["Priorité"] = RoadmapText.Priority(a.Priority), ["Statut"] = RoadmapText.Status(a.Status),
            ["Avancement"] = a.Progress.ToString(French) + " %", ["Impact attendu"] = a.ExpectedImpact,
        });
        Section(changes, "Indicateurs cibles", older.Targets, newer.Targets, t => t.Id, t => t.IndicatorId, t => new()
        {
            ["Indicateur"] = t.IndicatorId, ["Valeur de départ"] = Number(t.Baseline), ["Cible"] = Number(t.Target), ["Horizon"] = Date(t.Horizon),
        });
        Section(changes, "Cartographie des risques", older.Risks, newer.Risks, r => r.Id, r => r.Description, r => new()
        {
            ["Type"] = r.Type, ["Description"] = r.Description, ["Gravité"] = Criticity.GravityLabel(r.Gravity),
            ["Probabilité"] = Criticity.ProbabilityLabel(r.Probability), ["Action de maîtrise"] = r.Mitigation, ["Responsable"] = r.Owner, ["Échéance"] = Date(r.Due),
        });
        Section(changes, "Plan de communication", older.Communication, newer.Communication, c => c.Id, c => c.Audience, c => new()
        {
            ["Public"] = c.Audience, ["Message"] = c.Message, ["Canal"] = c.Channel, ["Date"] = Date(c.When), ["Responsable"] = c.Owner,
        });
        return changes;
    }

    private static void Section<T>(
        List<LineChange> changes, string section, IReadOnlyList<T> older, IReadOnlyList<T> newer,
        Func<T, string> id, Func<T, string> label, Func<T, Dictionary<string, string>> fields)
    {
        var before = older.ToDictionary(id, StringComparer.Ordinal);
        foreach (var line in newer)
        {
            if (!before.Remove(id(line), out var previous))
            {
                changes.Add(new(section, ChangeKind.Added, label(line), []));
                continue;
            }

            var (a, b) = (fields(previous), fields(line));
            var details = b.Where(f => a[f.Key] != f.Value).Select(f => $"{f.Key} : {Shown(a[f.Key])} → {Shown(f.Value)}").ToList();
            if (details.Count > 0)
            {
                changes.Add(new(section, ChangeKind.Changed, label(line), details));
            }
        }

        changes.AddRange(before.Values.Select(line => new LineChange(section, ChangeKind.Removed, label(line), [])));
    }

    private static string Shown(string value) => string.IsNullOrWhiteSpace(value) ? "(vide)" : value;

    private static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", French) ?? "";

    private static string Number(decimal? value) => value?.ToString("0.##", French) ?? "";
}

/// <summary>French words for the roadmap's enumerations.</summary>
public static class RoadmapText
{
    public static string Priority(ActionPriority priority) => priority switch
    {
        ActionPriority.High => "Haute",
        ActionPriority.Medium => "Moyenne",
        ActionPriority.Low => "Basse",
    };

    public static string Status(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => "À lancer",
        ActionStatus.InProgress => "En cours",
        ActionStatus.Blocked => "Bloquée",
        ActionStatus.Done => "Terminée",
    };
}
