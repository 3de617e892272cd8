using Benchmark.Core.Common;
using Benchmark.Core.Grid;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// Opens an uploaded grid file, XLSX (recognised by its zip signature, whatever its name) or CSV, on the sheet that
/// holds the grid: the sheet named like the template's first, then the others in order.
/// </summary>
internal static class GridFile
{
    public static bool IsXlsx(string path)
    {
        Span<byte> signature = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(signature, 4, throwOnEndOfStream: false) == 4 && signature.SequenceEqual("PK\u0003\u0004"u8);
    }

    public static Result<GridSheet> Open(string path, GridSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!IsXlsx(path))
        {
            return CommaSeparated(path) ? Error.Invalid(WrongSeparator) : GridSheet.Open(schema, ReadCsv(path));
        }

        IReadOnlyList<WorkbookSheet> sheets;
        try
        {
            sheets = XlsxSheetReader.Sheets(path);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException)
        {
            return Error.Invalid("Le fichier n'est pas un classeur Excel (.xlsx) lisible. Enregistrez-le au format .xlsx ou CSV (séparateur point-virgule).");
        }

        var ordered = sheets.OrderByDescending(s => GridText.Normalise(s.Name) == GridText.Normalise(GridSchema.SheetName)).ThenBy(s => s.Hidden).ToList();
        foreach (var sheet in ordered)
        {
            if (GridSheet.Open(schema, XlsxSheetReader.Rows(path, sheet.PartId), sheet.Name) is { IsSuccess: true } opened)
            {
                return opened;
            }
        }

        var expected = string.Join(", ", schema.Columns.Select(c => $"« {c.Title} »"));
        var found = string.Join(", ", sheets.Select(s => $"« {s.Name} »"));
        return Error.Invalid($"Aucune feuille du classeur ne contient la grille de recueil. Feuille attendue : « {GridSchema.SheetName} », avec les colonnes {expected}. Feuilles trouvées : {found}.");
    }

    public const string WrongSeparator =
        "Le séparateur de ce fichier CSV est la virgule ; la grille attend le point-virgule (le CSV d'Excel en français), "
        + "sans quoi une virgule décimale (« 2,5 ») couperait la valeur en deux. Enregistrez le fichier au format .xlsx "
        + "ou en « CSV (séparateur : point-virgule) ».";

    /// <summary>
    /// A comma-separated file is refused whole rather than read: with French decimal commas its cells would shift
    /// silently (« 12,5 » read as two values).
    /// </summary>
    private static bool CommaSeparated(string path)
    {
        using var stream = File.OpenRead(path);
        return CsvSheetReader.DetectSeparator(stream) == ',';
    }

    private static IEnumerable<SheetRow> ReadCsv(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        foreach (var row in CsvSheetReader.Read(stream))
        {
            yield return row;
        }
    }
}
