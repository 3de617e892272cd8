using System.Globalization;
using System.Text;
using Benchmark.Core.Grid;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Benchmark.Web.Features.Grid;

/// <summary>A sheet of a workbook: its name, its part id, whether it is hidden.</summary>
internal sealed record WorkbookSheet(string Name, string PartId, bool Hidden);

/// <summary>
/// Reads XLSX worksheets with the OpenXML SAX reader (<see cref="OpenXmlReader"/>): one row in memory at a time, shared
/// strings resolved, numeric cells kept as numbers (an Excel date is its serial number, the parser knows).
/// </summary>
internal static class XlsxSheetReader
{
    public static IReadOnlyList<WorkbookSheet> Sheets(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var sheets = document.WorkbookPart?.Workbook.Sheets?.Elements<Sheet>() ?? [];
        return sheets.Select(s => new WorkbookSheet(s.Name?.Value ?? "", s.Id?.Value ?? "", s.State?.Value is not null && s.State.Value != SheetStateValues.Visible)).ToList();
    }

    public static IEnumerable<SheetRow> Rows(string path, string partId)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var strings = SharedStrings(workbook);
        var worksheet = (WorksheetPart)workbook.GetPartById(partId);
        using var reader = OpenXmlReader.Create(worksheet);
        var cells = new List<SheetCell>(8);
        var rowNumber = 0;
        var column = 0;
        string? type = null;
        string? value = null;
        var inCell = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    rowNumber = Attribute(reader, "r") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : rowNumber + 1;
                    cells.Clear();
                }
                else if (reader.IsEndElement)
                {
                    yield return new SheetRow(rowNumber, cells.ToArray());
                }
            }
            else if (reader.ElementType == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    inCell = true;
                    column = Attribute(reader, "r") is { } reference ? ColumnIndex(reference) : cells.Count;
                    type = Attribute(reader, "t");
                    value = null;
                }
                else if (reader.IsEndElement)
                {
                    while (cells.Count < column)
                    {
                        cells.Add(default);
                    }

                    cells.Add(ToCell(type, value, strings));
                    inCell = false;
                }
            }
            else if (inCell && reader.IsStartElement && (reader.ElementType == typeof(CellValue) || reader.ElementType == typeof(Text)))
            {
                value = (value ?? "") + reader.GetText();
            }
        }
    }

    private static SheetCell ToCell(string? type, string? value, List<string> strings) => type switch
    {
        _ when value is null => default,
        "s" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? SheetCell.OfText(strings[index]) : default,
        null or "n" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? SheetCell.OfNumber(number) : SheetCell.OfText(value),
        _ => SheetCell.OfText(value),
    };

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var result = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return result;
        }

        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                var text = new StringBuilder(item.Text?.Text);
                foreach (var run in item.Elements<Run>())
                {
                    text.Append(run.Text?.Text);
                }

                result.Add(text.ToString());
            }
        }

        return result;
    }

    private static string? Attribute(OpenXmlReader reader, string name)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>"C12" → 2.</summary>
    public static int ColumnIndex(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var index = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return index - 1;
    }
}
