using Benchmark.Core.Common;
using Benchmark.Core.Definitions;

namespace Benchmark.Core.Grid;

/// <summary>
/// The imaging collection grid (seed 002, grid <c>recueil-rdv</c>) as the importer needs it: its six columns, in the
/// template's order, each bound to its definition (title, allowed values, bounds). The column ids are the contract
/// with the workflow file; the allowed values (e.g. the 15 modifiable provenances) come from the definition.
/// </summary>
public sealed class GridSchema
{
    public const string DateColumn = "date";
    public const string ActivityColumn = "type-activite";
    public const string ProvenanceColumn = "provenance";
    public const string AppointmentTypeColumn = "type-rdv";
    public const string AppointmentDelayColumn = "delai-rdv";
    public const string ReportDelayColumn = "delai-cr";

    public const string ScheduledKept = "programme-honore";
    public const string ScheduledMissed = "programme-non-honore";
    public const string Unscheduled = "non-programme";

    private static readonly string[] Order = [DateColumn, ActivityColumn, ProvenanceColumn, AppointmentTypeColumn, AppointmentDelayColumn, ReportDelayColumn];

    private static readonly Dictionary<string, string[]> ExtraAliases = new(StringComparer.Ordinal)
    {
        [DateColumn] = ["date du rendez vous", "date rdv", "jour"],
        [ActivityColumn] = ["activite", "type activite", "modalite", "type d equipement", "equipement"],
        [ProvenanceColumn] = ["provenance", "origine", "origine du patient"],
        [AppointmentTypeColumn] = ["type rdv", "type de rdv", "rendez vous", "rdv"],
        [AppointmentDelayColumn] = ["delai d obtention", "delai d obtention du rdv", "delai rdv", "delai de rendez vous", "delai d obtention jours", "delais d obtention", "delais d obtention du rendez vous"],
        [ReportDelayColumn] = ["delai de compte rendu", "delai compte rendu", "delai cr", "delai de cr", "delais de compte rendu", "delais compte rendu"],
    };

    private GridSchema(GridDefinition definition, IReadOnlyList<GridColumnDefinition> columns)
    {
        Definition = definition;
        Columns = columns;
    }

    public GridDefinition Definition { get; }

    /// <summary>The six columns in template order.</summary>
    public IReadOnlyList<GridColumnDefinition> Columns { get; }

    /// <summary>Sheet name of the template and the one looked for first on import.</summary>
    public const string SheetName = "Recueil";

    public GridColumnDefinition Column(string id) => Columns.First(c => c.Id == id);

    /// <summary>The grid of a programme that declares the imaging columns, or why there is none.</summary>
    public static Result<GridSchema> From(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var grid in definition.Grids)
        {
            if (From(grid) is { IsSuccess: true } schema)
            {
                return schema;
            }
        }

        return Error.NotFound("La grille de recueil de ce programme");
    }

    public static Result<GridSchema> From(GridDefinition grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var columns = new List<GridColumnDefinition>();
        foreach (var id in Order)
        {
            if (grid.Columns.FirstOrDefault(c => c.Id == id) is not { } column)
            {
                return Error.Invalid($"La grille « {grid.Title} » n'a pas de colonne '{id}'.");
            }

            columns.Add(column);
        }

        return new GridSchema(grid, columns);
    }

    /// <summary>The normalised header texts that designate a column: its title, its title without note, its id, aliases.</summary>
    public static IEnumerable<string> Aliases(GridColumnDefinition column)
    {
        ArgumentNullException.ThrowIfNull(column);
        yield return GridText.Normalise(column.Title);
        yield return GridText.Normalise(GridText.WithoutNote(column.Title));
        yield return GridText.Normalise(column.Id);
        foreach (var alias in ExtraAliases.GetValueOrDefault(column.Id, []))
        {
            yield return alias;
        }
    }

    /// <summary>The allowed value designated by a cell (its title or its id, tolerant of case and accents), if any.</summary>
    public static ChoiceValue? Choice(GridColumnDefinition column, string text)
    {
        ArgumentNullException.ThrowIfNull(column);
        var wanted = GridText.Normalise(text);
        return column.Values.FirstOrDefault(v => GridText.Normalise(v.Title) == wanted || GridText.Normalise(v.Id) == wanted);
    }
}
