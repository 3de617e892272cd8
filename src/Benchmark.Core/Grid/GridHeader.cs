using Benchmark.Core.Common;

namespace Benchmark.Core.Grid;

/// <summary>
/// Where the grid's header is and which sheet column holds each grid column. The header is looked for in the first
/// rows (a template has a title block above it); a header split over two rows by merged cells ("Délais" over
/// "d'obtention" and "de compte rendu") is read by joining each cell with the merged cell above it.
/// </summary>
public sealed record GridHeader(int RowNumber, IReadOnlyList<int> ColumnIndexes)
{
    public const int RowsScanned = 12;

    public static Result<GridHeader> Find(GridSchema schema, IReadOnlyList<SheetRow> firstRows, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(firstRows);
        GridHeader? complete = null;
        var completeFound = 0;
        (GridHeader Header, int Missing, List<string> MissingTitles)? best = null;
        for (var i = 0; i < firstRows.Count; i++)
        {
            var candidates = Candidates(firstRows, i);
            var indexes = new List<int>();
            var missing = new List<string>();
            foreach (var column in schema.Columns)
            {
                var aliases = GridSchema.Aliases(column).ToHashSet(StringComparer.Ordinal);
                var index = candidates.FindIndex(texts => texts.Any(aliases.Contains));
                indexes.Add(index);
                if (index < 0 && column.Required)
                {
                    missing.Add(column.Title);
                }
            }

            var found = indexes.Count(x => x >= 0);
            if (missing.Count == 0 && found > completeFound)
            {
                (complete, completeFound) = (new GridHeader(firstRows[i].Number, indexes), found);
            }
            else if (found > 0 && missing.Count > 0 && (best is null || missing.Count < best.Value.Missing))
            {
                best = (new GridHeader(firstRows[i].Number, indexes), missing.Count, missing);
            }
        }

        if (complete is not null)
        {
            return complete;
        }

        var expected = string.Join(", ", schema.Columns.Select(c => $"« {c.Title} »"));
        var where = sheetName is null ? "Le fichier" : $"La feuille « {sheetName} »";
        return best is { } partial
            ? Error.Invalid($"{where} ne contient pas toutes les colonnes de la grille : il manque {string.Join(", ", partial.MissingTitles.Select(t => $"« {t} »"))} (ligne d'en-tête {partial.Header.RowNumber}). Colonnes attendues : {expected}.")
            : Error.Invalid($"{where} ne contient pas la ligne d'en-tête de la grille dans ses {RowsScanned} premières lignes. Utilisez la feuille « {GridSchema.SheetName} » du modèle ; colonnes attendues : {expected}.");
    }

    /// <summary>
    /// What each cell of row <paramref name="i"/> may say as a header: its own text; joined with the merged cell above it
    /// ("Délais (jours)" over "d'obtention du rendez-vous"); or, when empty, the text above it (a vertically merged cell).
    /// </summary>
    private static List<string[]> Candidates(IReadOnlyList<SheetRow> rows, int i)
    {
        var row = rows[i];
        var above = i > 0 ? FilledForward(rows[i - 1]) : [];
        var width = Math.Max(row.Cells.Count, above.Count);
        var result = new List<string[]>(width);
        for (var x = 0; x < width; x++)
        {
            var own = row[x];
            // A merged cell at the end of a row has no cell after it at all: it spans to the right.
            var over = x < above.Count ? above[x] : above.Count > 0 ? above[^1] : "";
            result.Add(own.IsEmpty
                ? (i > 0 && !rows[i - 1][x].IsEmpty ? [GridText.Normalise(rows[i - 1][x].Display)] : [])
                : [GridText.Normalise(own.Display), GridText.Normalise($"{GridText.WithoutNote(over)} {own.Display}")]);
        }

        return result;
    }

    /// <summary>A merged cell holds its text in its first cell only: repeat it over the empty cells to its right.</summary>
    private static List<string> FilledForward(SheetRow row)
    {
        var result = new List<string>(row.Cells.Count);
        var last = "";
        foreach (var cell in row.Cells)
        {
            last = cell.IsEmpty ? last : cell.Display;
            result.Add(last);
        }

        return result;
    }
}
