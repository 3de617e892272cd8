using System.Text.RegularExpressions;
using Benchmark.Core.Formulas;

namespace Benchmark.Core.Definitions;

/// <summary>Reads collection grids and indicators; checks formulas against the indicator's own inputs.</summary>
internal static partial class IndicatorReader
{
    public static GridDefinition ReadGrid(LoadContext c, NodeReader.Fields g)
    {
        var id = c.Id(g, "id");
        var columns = c.Each(g.List("columns", required: true), $"une colonne de la grille '{id}'", (col, _) =>
        {
            var type = col.Enum("type", Vocabulary.ColumnTypes) ?? ColumnType.Text;
            var values = c.Each(col.List("values"), "une valeur de liste", (v, _) => new ChoiceValue(c.Id(v, "id"), v.RequiredString("title")), "id", "title");
            if (type == ColumnType.Choice && values.Count == 0)
            {
                c.Reader.Error(col.Position, "une colonne 'choice' doit lister ses valeurs ('values')");
            }
            else if (type != ColumnType.Choice && values.Count > 0)
            {
                c.Reader.Error(col.PositionOf("values"), "'values' ne s'applique qu'aux colonnes de type 'choice'");
            }

            Duplicates(c, values.Select(v => (v.Id, c.Positions[v])), "valeur");
            return new GridColumnDefinition(c.Id(col, "id"), col.RequiredString("title"), type, values, col.Decimal("min"), col.Decimal("max"), !col.Bool("optional"));
        }, "id", "title", "type", "values", "min", "max", "optional");
        Duplicates(c, columns.Select(x => (x.Id, c.Positions[x])), "colonne");
        return new GridDefinition(id, g.RequiredString("title"), g.String("description"), columns);
    }

    public static IndicatorDefinition Read(LoadContext c, NodeReader.Fields i)
    {
        var id = c.Id(i, "id");
        var inputs = c.Each(i.List("inputs"), $"une donnée de l'indicateur '{id}'", (x, _) => ReadInput(c, x),
            "id", "title", "unit", "min", "max", "optional", "grid");
        Duplicates(c, inputs.Select(x => (x.Id, c.Positions[x])), "donnée");
        var names = inputs.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);

        Formula? formula = null;
        if (i.String("formula") is { } text && DefinitionLoader.TryFormula(c, i.PositionOf("formula"), text, out formula))
        {
            CheckVariables(c, i.PositionOf("formula"), $"la formule de '{id}'", formula!.Variables, names);
        }

        if (formula is null && inputs.Count > 1 && i.Node("formula") is null)
        {
            c.Reader.Error(i.Position, $"l'indicateur '{id}' a plusieurs données mais pas de 'formula' : dites comment les combiner");
        }

        var checks = c.Each(i.List("checks"), $"une règle de '{id}'", (k, _) =>
        {
            var rule = k.RequiredString("rule");
            if (!FormulaParser.TryParseComparison(rule, out var comparison, out var error))
            {
                c.Reader.Error(k.PositionOf("rule"), $"règle '{rule}' : {error!.Message}");
                return null;
            }

            CheckVariables(c, k.PositionOf("rule"), $"la règle '{rule}'", comparison!.Variables, names);
            return new IndicatorCheckDefinition(comparison, k.RequiredString("message"));
        }, "rule", "message");

        var indicator = new IndicatorDefinition(
            id,
            i.RequiredString("title"),
            i.Enum("category", Vocabulary.Categories) ?? IndicatorCategory.Routine,
            i.RequiredString("unit"),
            i.Enum("period", Vocabulary.Periods) ?? IndicatorPeriod.Month,
            i.Enum("direction", Vocabulary.Directions) ?? IndicatorDirection.Neutral,
            i.Decimal("min"),
            i.Decimal("max"),
            inputs,
            formula,
            checks,
            i.String("description"),
            i.String("source"));
        Bounds(c, i, indicator.Min, indicator.Max);
        return indicator;
    }

    private static IndicatorInputDefinition ReadInput(LoadContext c, NodeReader.Fields x)
    {
        var id = c.Id(x, "id");
        if (id.Length > 0 && !FormulaNameRegex().IsMatch(id))
        {
            c.Reader.Error(x.PositionOf("id"), $"donnée '{id}' : un nom utilisable dans une formule commence par une lettre et ne contient que lettres, chiffres et '_'");
        }

        GridSourceDefinition? grid = null;
        if (c.Reader.Mapping(x.Node("grid"), $"la source de '{id}'", "grid", "aggregate", "column", "where") is { } g)
        {
            var where = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (g.Node("where") is { } whereNode and not Yaml.YamlMapping)
            {
                c.Reader.Error(whereNode.Position, $"le filtre de '{id}' : un objet 'colonne: [valeurs]' est attendu");
            }

            if (g.Node("where") is Yaml.YamlMapping filter)
            {
                foreach (var (key, value) in filter.Entries)
                {
                    where[key.Value] = c.Reader.Sequence(value, $"le filtre '{key.Value}'").Select(v => c.Reader.Scalar(v, "une valeur de filtre") ?? "").ToList();
                }
            }

            grid = new GridSourceDefinition(g.RequiredString("grid"), g.Enum("aggregate", Vocabulary.Aggregates) ?? GridAggregate.Count, g.String("column"), where);
            c.Positions[grid] = g.Position;
        }

        var input = new IndicatorInputDefinition(id, x.RequiredString("title"), x.String("unit"), x.Decimal("min"), x.Decimal("max"), x.Bool("optional"), grid);
        Bounds(c, x, input.Min, input.Max);
        return input;
    }

    private static void CheckVariables(LoadContext c, Yaml.SourcePosition position, string what, IEnumerable<string> variables, HashSet<string> inputs)
    {
        foreach (var unknown in variables.Where(v => !inputs.Contains(v)).Distinct())
        {
            c.Reader.Error(position, $"{what} utilise '{unknown}' qui n'est pas une donnée de l'indicateur " +
                (inputs.Count == 0 ? "(déclarez-la dans 'inputs')" : $"(déclarées : {string.Join(", ", inputs)})"));
        }
    }

    private static void Bounds(LoadContext c, NodeReader.Fields f, decimal? min, decimal? max)
    {
        if (min > max)
        {
            c.Reader.Error(f.PositionOf("min"), $"min ({DefinitionLoader.Format(min!.Value)}) dépasse max ({DefinitionLoader.Format(max!.Value)})");
        }
    }

    internal static void Duplicates(LoadContext c, IEnumerable<(string Id, Yaml.SourcePosition Position)> ids, string what)
    {
        foreach (var group in ids.Where(x => x.Id.Length > 0).GroupBy(x => x.Id).Where(g => g.Count() > 1))
        {
            foreach (var (id, position) in group.Skip(1))
            {
                c.Reader.Error(position, $"'{id}' apparaît deux fois comme {what} (première à la ligne {group.First().Position.Line}) : renommez l'une des deux");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FormulaNameRegex();
}
