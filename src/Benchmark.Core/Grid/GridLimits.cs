using System.Globalization;
using Benchmark.Core.Common;

namespace Benchmark.Core.Grid;

/// <summary>
/// The caps of one import, checked row by row as the file is read so an oversized file is refused early and whole:
/// at most <paramref name="maxPerImport"/> rows in the file, at most <paramref name="maxPerMonth"/> rows of one month
/// (the grid's period) in it. The month cap is checked again on the stored total once the rows are written
/// (<see cref="Total"/>), since a new file may overlap rows already stored.
/// </summary>
public sealed class GridLimits(int maxPerImport, int maxPerMonth)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly Dictionary<int, int> _months = [];
    private int _rows;

    public int MaxPerImport { get; } = maxPerImport;

    public int MaxPerMonth { get; } = maxPerMonth;

    /// <summary>Counts one row; the refusal when it goes over a cap.</summary>
    public Error? Add(in GridRow row)
    {
        if (++_rows > MaxPerImport)
        {
            return Error.Invalid(
                $"Le fichier dépasse la limite de {Count(MaxPerImport)} lignes par import : rien n'a été importé. " +
                "Découpez-le (par exemple par trimestre) et importez chaque partie.");
        }

        var month = GridEntry.MonthOf(row.Date);
        _months.TryGetValue(month, out var count);
        _months[month] = ++count;
        return count > MaxPerMonth ? MonthError(month, count) : null;
    }

    /// <summary>The refusal when a month of the grid, once the file is added, holds more rows than the cap.</summary>
    public Error? Total(IReadOnlyDictionary<int, int> storedPerMonth)
    {
        ArgumentNullException.ThrowIfNull(storedPerMonth);
        return storedPerMonth.Where(m => m.Value > MaxPerMonth).OrderBy(m => m.Key).Select(m => MonthError(m.Key, m.Value)).FirstOrDefault();
    }

    private Error MonthError(int month, int count) => Error.Invalid(
        $"{Capitalised(new DateOnly(month / 100, month % 100, 1).ToString("MMMM yyyy", French))} compterait {Count(count)} lignes, " +
        $"au-delà de la limite de {Count(MaxPerMonth)} lignes par mois : rien n'a été importé. Vérifiez que le fichier ne répète pas " +
        "des lignes ou une période déjà importée.");

    private static string Count(int value) => value.ToString("N0", French);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], French) + text[1..];
}
