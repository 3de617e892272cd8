using Benchmark.Core.Scheduling;
using Benchmark.Core.Yaml;

namespace Benchmark.Core.Definitions;

/// <summary>Checks what only the whole file can tell: duplicate ids, dangling references, date cycles, grid sources.</summary>
internal static class DefinitionValidator
{
    public static void Validate(WorkflowDefinition d, LoadContext c, bool resolveDates)
    {
        SourcePosition At(object item) => c.Positions.TryGetValue(item, out var p) ? p : new(1, 1);

        IndicatorReader.Duplicates(c, d.Roles.Select(x => (x.Id, At(x))), "rôle");
        IndicatorReader.Duplicates(c, d.Phases.Select(x => (x.Id, At(x))), "phase");
        IndicatorReader.Duplicates(c, d.Anchors.Select(x => (x.Id, At(x))).Concat(d.Sessions.Select(x => (x.Id, At(x))))
            .Concat(d.Milestones.Select(x => (x.Id, At(x)))), "ancre, séance ou jalon");
        IndicatorReader.Duplicates(c, d.ChecklistItems.Select(x => (x.Id, At(x))), "élément de check-list");
        IndicatorReader.Duplicates(c, d.Deliverables.Select(x => (x.Id, At(x))), "livrable");
        IndicatorReader.Duplicates(c, d.Axes.Select(x => (x.Id, At(x))), "axe");
        IndicatorReader.Duplicates(c, d.Actions.Select(x => (x.Id, At(x))), "action");
        IndicatorReader.Duplicates(c, d.Grids.Select(x => (x.Id, At(x))), "grille");
        IndicatorReader.Duplicates(c, d.Indicators.Select(x => (x.Id, At(x))), "indicateur");
        IndicatorReader.Duplicates(c, d.Reminders.Select(x => (x.Id, At(x))), "rappel");

        var declared = new Dictionary<IdKind, IReadOnlyList<string>>
        {
            [IdKind.Role] = d.Roles.Select(x => x.Id).ToList(),
            [IdKind.Phase] = d.Phases.Select(x => x.Id).ToList(),
            [IdKind.Session] = d.Sessions.Select(x => x.Id).ToList(),
            [IdKind.Milestone] = d.Milestones.Select(x => x.Id).ToList(),
            [IdKind.Checklist] = d.ChecklistItems.Select(x => x.Id).ToList(),
            [IdKind.Deliverable] = d.Deliverables.Select(x => x.Id).ToList(),
            [IdKind.Action] = d.Actions.Select(x => x.Id).ToList(),
        };
        foreach (var (kind, id, position, context) in c.References)
        {
            var known = declared[kind];
            if (!known.Contains(id))
            {
                c.Reader.Error(position, $"{context} nomme {Noun(kind)} '{id}' qui n'est pas déclaré " +
                    (known.Count == 0 ? "(aucun n'est déclaré)" : $"(déclarés : {string.Join(", ", known.Take(30))}{(known.Count > 30 ? ", …" : "")})"));
            }
        }

        CheckGatesLookBackwards(d, c, At);
        CheckGrids(d, c);
        if (resolveDates)
        {
            CheckDates(d, c);
        }
    }

    private static string Noun(IdKind kind) => kind switch
    {
        IdKind.Role => "le rôle",
        IdKind.Phase => "la phase",
        IdKind.Session => "la séance",
        IdKind.Milestone => "le jalon",
        IdKind.Checklist => "l'élément de check-list",
        IdKind.Deliverable => "le livrable",
        IdKind.Action => "l'action",
        _ => "l'identifiant",
    };

    /// <summary>A gate can only wait for what its phase or an earlier one declares.</summary>
    private static void CheckGatesLookBackwards(WorkflowDefinition d, LoadContext c, Func<object, SourcePosition> at)
    {
        for (var i = 0; i < d.Phases.Count; i++)
        {
            var phase = d.Phases[i];
            var later = d.Phases.Skip(i + 1).ToList();
            foreach (var id in phase.Gate.Deliverables.Where(id => later.Any(p => p.Deliverables.Any(x => x.Id == id)))
                .Concat(phase.Gate.Checklist.Where(id => later.Any(p => p.Checklist.Any(x => x.Id == id))))
                .Concat(phase.Gate.Sessions.Where(id => later.Any(p => p.Sessions.Any(x => x.Id == id)))))
            {
                c.Reader.Error(at(phase), $"la condition de passage de la phase '{phase.Id}' attend '{id}', déclaré dans une phase ultérieure : déplacez-le ou la condition");
            }
        }
    }

    private static void CheckGrids(WorkflowDefinition d, LoadContext c)
    {
        foreach (var input in d.Indicators.SelectMany(i => i.Inputs).Where(i => i.Grid is not null))
        {
            var source = input.Grid!;
            var position = c.Positions[source];
            var grid = d.Grids.FirstOrDefault(g => g.Id == source.Grid);
            if (grid is null)
            {
                c.Reader.Error(position, $"la donnée '{input.Id}' vient de la grille '{source.Grid}' qui n'est pas déclarée (déclarées : {string.Join(", ", d.Grids.Select(g => g.Id))})");
                continue;
            }

            var column = source.Column is null ? null : grid.Columns.FirstOrDefault(col => col.Id == source.Column);
            if (source.Column is not null && column is null)
            {
                c.Reader.Error(position, $"la donnée '{input.Id}' lit la colonne '{source.Column}' absente de la grille '{grid.Id}' (colonnes : {string.Join(", ", grid.Columns.Select(x => x.Id))})");
            }

            if (source.Aggregate != GridAggregate.Count && (column is null || column.Type is not (ColumnType.Integer or ColumnType.Number)))
            {
                c.Reader.Error(position, $"la donnée '{input.Id}' : '{source.Aggregate.ToString().ToLowerInvariant()}' demande une colonne numérique ('column' de type integer ou number)");
            }

            foreach (var (columnId, values) in source.Where)
            {
                var filtered = grid.Columns.FirstOrDefault(col => col.Id == columnId);
                if (filtered is null || filtered.Type != ColumnType.Choice)
                {
                    c.Reader.Error(position, $"le filtre de '{input.Id}' porte sur '{columnId}' qui n'est pas une colonne 'choice' de la grille '{grid.Id}'");
                    continue;
                }

                foreach (var value in values.Where(v => filtered.Values.All(x => x.Id != v)))
                {
                    c.Reader.Error(position, $"le filtre de '{input.Id}' : '{value}' n'est pas une valeur de '{columnId}' (valeurs : {string.Join(", ", filtered.Values.Select(x => x.Id))})");
                }
            }
        }
    }

    /// <summary>Resolves every date against placeholder anchors: unknown references and cycles show up here.</summary>
    private static void CheckDates(WorkflowDefinition d, LoadContext c)
    {
        var anchors = d.Anchors.ToDictionary(a => a.Id, _ => new DateOnly(2030, 1, 7), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in ScheduleResolver.TryResolve(d, anchors, out _))
        {
            var position = error.Expression is { } e && c.Positions.TryGetValue(e, out var p) ? p : new SourcePosition(1, 1);
            if (seen.Add($"{position}|{error.Message}"))
            {
                c.Reader.Error(position, error.Message);
            }
        }
    }
}
