using System.Globalization;
using System.Text;
using System.Xml;
using Benchmark.Core.Grid;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Benchmark.Web.Features.Grid;

/// <summary>A sheet of a workbook: its name, its part id, whether it is hidden.</summary>
internal sealed record WorkbookSheet(string Name, string PartId, bool Hidden);

/// <summary>
/// Reads XLSX worksheets with an <see cref="XmlReader"/> over the sheet part: one row in memory at a time, shared strings
/// resolved once (OpenXML SAX reader), numeric cells kept as numbers (an Excel date is its serial number, the parser knows).
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

        // A plain XmlReader over the part: the OpenXML SAX reader costs an object and an attribute list per element.
        using var reader = XmlReader.Create(worksheet.GetStream(FileMode.Open, FileAccess.Read), Settings);
        var cells = new List<SheetCell>(8);
        var rowNumber = 0;
        var column = 0;
        string? type = null;
        string? value = null;
        var inCell = false;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "row":
                        rowNumber = reader.GetAttribute("r") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : rowNumber + 1;
                        cells.Clear();
                        if (reader.IsEmptyElement)
                        {
                            yield return new SheetRow(rowNumber, []);
                        }

                        break;
                    case "c":
                        column = reader.GetAttribute("r") is { } reference ? ColumnIndex(reference) : cells.Count;
                        type = reader.GetAttribute("t");
                        value = null;
                        inCell = !reader.IsEmptyElement;
                        if (!inCell)
                        {
                            AddCell(cells, column, default);
                        }

                        break;
                    case "v" or "t" when inCell:
                        value = (value ?? "") + reader.ReadElementContentAsString();
                        continue;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.LocalName == "c" && inCell)
                {
                    AddCell(cells, column, ToCell(type, value, strings));
                    inCell = false;
                }
                else if (reader.LocalName == "row")
                {
                    yield return new SheetRow(rowNumber, cells.ToArray());
                }
            }

            reader.Read();
        }
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };

    private static void AddCell(List<SheetCell> cells, int column, SheetCell cell)
    {
        while (cells.Count < column)
        {
            cells.Add(default);
        }

        cells.Add(cell);
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
