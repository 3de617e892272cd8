using System.Globalization;
using Benchmark.Core.Definitions;

namespace Benchmark.Core.Grid;

/// <summary>
/// Turns the cells of one sheet row into a typed <see cref="GridRow"/>, or into every reason it is refused. French norms
/// first: dates <c>jj/mm/aaaa</c> (or an Excel serial number, or « lundi 6 septembre 2010 »), decimal comma.
/// </summary>
public sealed class GridRowParser(GridSchema schema, GridHeader header)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly string[] DateFormats =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "d/M/yy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy-MM-dd",
        "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy HH:mm", "d/M/yyyy H:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",
        "dddd d MMMM yyyy", "dddd dd MMMM yyyy", "d MMMM yyyy", "dd MMMM yyyy",
    ];

    private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789+-,.");

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    /// <summary>Cell text → value id per choice column: a grid repeats a handful of spellings a million times.</summary>
    private readonly Dictionary<string, string?>[] _choices = [.. schema.Columns.Select(_ => new Dictionary<string, string?>(StringComparer.Ordinal))];

    public GridSchema Schema => schema;

    /// <summary>The typed row, or null with the row's errors added to <paramref name="errors"/>.</summary>
    public GridRow? Parse(SheetRow row, List<GridError> errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        if (CommaSeparated(row))
        {
            errors.Add(new GridError(row.Number, "Ligne", row[0].Display,
                "le séparateur de cette ligne est la virgule : la grille attend le point-virgule entre les colonnes"));
            return null;
        }

        var date = ParseDate(row, errors);
        var activity = ParseChoice(row, 1, errors);
        var provenance = ParseChoice(row, 2, errors);
        var type = ParseChoice(row, 3, errors);
        var appointmentDelay = ParseNumber(row, 4, errors);
        var reportDelay = ParseNumber(row, 5, errors);
        if (errors.Count > before)
        {
            return null;
        }

        return new GridRow(date!.Value, activity!, provenance!, type!, appointmentDelay is { } a ? (int)a : null, reportDelay);
    }

    /// <summary>
    /// A whole row in its first cell with commas where the columns should be: a comma-separated line in a
    /// semicolon-separated file. Said so, rather than reported as a bad date and missing values.
    /// </summary>
    private bool CommaSeparated(SheetRow row)
    {
        // Most rows have a second cell: they are out at the first test.
        if ((row.Cells.Count > 1 && !row[1].IsEmpty) || row[0].Text is not { } text)
        {
            return false;
        }

        var columns = header.ColumnIndexes.Count(i => i >= 0);
        return columns > 1 && text.Count(c => c == ',') >= columns - 1 && row.Cells.Skip(1).All(c => c.IsEmpty);
    }

    private SheetCell Cell(SheetRow row, int column) => header.ColumnIndexes[column] is var index and >= 0 ? row[index] : default;

    private DateOnly? ParseDate(SheetRow row, List<GridError> errors)
    {
        var column = schema.Columns[0];
        var cell = Cell(row, 0);
        if (Missing(row, column, cell, errors))
        {
            return null;
        }

        DateOnly? date = null;
        if (cell.Number is { } serial)
        {
            // An Excel date is a number of days since 1899-12-30 (the 1900 leap-year bug makes that the origin).
            date = serial is >= 1 and < 2958466 ? DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial))) : null;
        }
        else if (FrenchDate(cell.Text!) is { } fast)
        {
            date = fast;
        }
        else if (DateTime.TryParseExact(cell.Text!.Trim(), DateFormats, French, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
        }
        else if (double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var textSerial) && textSerial is >= 36526 and < 73051)
        {
            // A CSV saved from Excel with the column formatted as a number.
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(textSerial)));
        }

        if (date is null)
        {
            errors.Add(new GridError(row.Number, column.Title, cell.Display, "date invalide : attendu jj/mm/aaaa (par exemple 06/09/2010)"));
            return null;
        }

        if (date < Earliest || date > Latest)
        {
            errors.Add(new GridError(row.Number, column.Title, cell.Display, "date hors de la période plausible (2000 à 2099)"));
            return null;
        }

        return date;
    }

    private string? ParseChoice(SheetRow row, int index, List<GridError> errors)
    {
        var column = schema.Columns[index];
        var cell = Cell(row, index);
        if (Missing(row, column, cell, errors))
        {
            return null;
        }

        var text = cell.Display;
        if (!_choices[index].TryGetValue(text, out var id))
        {
            id = GridSchema.Choice(column, text)?.Id;
            if (_choices[index].Count < 1024)
            {
                _choices[index][text] = id;
            }
        }

        if (id is not null)
        {
            return id;
        }

        errors.Add(new GridError(row.Number, column.Title, cell.Display,
            $"valeur non reconnue : attendu l'une des valeurs de la liste ({string.Join(", ", column.Values.Select(v => $"« {v.Title} »"))})"));
        return null;
    }

    private double? ParseNumber(SheetRow row, int index, List<GridError> errors)
    {
        var column = schema.Columns[index];
        var cell = Cell(row, index);
        if (cell.IsEmpty)
        {
            Missing(row, column, cell, errors);
            return null;
        }

        var number = cell.Number ?? ParseFrenchNumber(cell.Text!);
        if (number is null || double.IsNaN(number.Value) || double.IsInfinity(number.Value))
        {
            errors.Add(new GridError(row.Number, column.Title, cell.Display, "nombre invalide : attendu un nombre de jours, virgule décimale (par exemple 2,5)"));
            return null;
        }

        if (column.Type == ColumnType.Integer && Math.Abs(number.Value - Math.Round(number.Value)) > 1e-9)
        {
            errors.Add(new GridError(row.Number, column.Title, cell.Display, "nombre entier de jours attendu"));
            return null;
        }

        if (column.Min is { } min && number.Value < (double)min)
        {
            errors.Add(new GridError(row.Number, column.Title, cell.Display, $"doit être supérieur ou égal à {min.ToString(French)}"));
            return null;
        }

        if (column.Max is { } max && number.Value > (double)max)
        {
            errors.Add(new GridError(row.Number, column.Title, cell.Display, $"doit être inférieur ou égal à {max.ToString(French)}"));
            return null;
        }

        return column.Type == ColumnType.Integer ? Math.Round(number.Value) : number.Value;
    }

    /// <summary>The common case <c>jj/mm/aaaa</c> read without the format list; null for anything else (the full parse decides).</summary>
    private static DateOnly? FrenchDate(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.Length != 10 || s[2] != '/' || s[5] != '/'
            || !int.TryParse(s[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(s[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(s[6..], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    /// <summary>"2,5", "2.5", "1 234,5" (space or non-breaking space as thousands separator).</summary>
    public static double? ParseFrenchNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length is > 0 and <= 32 && !trimmed.ContainsAnyExcept(NumberCharacters))
        {
            // Digits, sign, comma or dot only: the same rule as below without the allocations.
            Span<char> copy = stackalloc char[trimmed.Length];
            var comma = trimmed.Contains(',');
            var length = 0;
            foreach (var ch in trimmed)
            {
                if (!(comma && ch == '.'))
                {
                    copy[length++] = ch == ',' ? '.' : ch;
                }
            }

            return double.TryParse(copy[..length], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var quick) ? quick : null;
        }

        var cleaned = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        if (cleaned.Contains(',', StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }

        return double.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static bool Missing(SheetRow row, GridColumnDefinition column, SheetCell cell, List<GridError> errors)
    {
        if (!cell.IsEmpty)
        {
            return false;
        }

        if (column.Required)
        {
            errors.Add(new GridError(row.Number, column.Title, "", "valeur obligatoire manquante"));
        }

        return true;
    }
}
