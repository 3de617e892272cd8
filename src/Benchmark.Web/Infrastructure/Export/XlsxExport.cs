using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Benchmark.Web.Infrastructure.Export;

/// <summary>
/// Writes rows as a one-sheet workbook. The sheet goes through <see cref="OpenXmlWriter"/> row by row, so a large
/// export is never held as a DOM; text is written as inline strings (never formulas, neutralised like CSV), numbers
/// as numbers, dates as dates; the header row is bold and frozen.
/// </summary>
internal static class XlsxExport
{
    private const uint BoldStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateTimeStyle = 3;

    /// <summary>Writes the workbook into a seekable <paramref name="output"/> (the package format needs to seek).</summary>
    public static void Write<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, string sheetName, CancellationToken cancellationToken)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(FrozenHeader());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, columns.Select(c => (object?)c.Header).ToList(), BoldStyle);
            uint index = 1;
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                WriteRow(writer, ++index, columns.Select(c => c.Value(row)).ToList(), style: null);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook = new Workbook(new Sheets(new Sheet
        {
            Id = workbookPart.GetIdOfPart(sheetPart),
            SheetId = 1,
            Name = SheetName(sheetName),
        }));
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, List<object?> values, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var column = 0; column < values.Count; column++)
        {
            var cell = Cell(values[column]);
            cell.CellReference = ColumnName(column) + rowIndex.ToString(CultureInfo.InvariantCulture);
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        bool flag => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag) },
        DateOnly date => Date(date.ToDateTime(TimeOnly.MinValue), DateStyle),
        DateTime dateTime => Date(dateTime, DateTimeStyle),
        DateTimeOffset instant => Date(instant.DateTime, DateTimeStyle),
        IFormattable number when CellText.IsNumber(number) =>
            new Cell { DataType = CellValues.Number, CellValue = new CellValue(number.ToString(null, CultureInfo.InvariantCulture)) },
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Date(DateTime value, uint style) => new()
    {
        CellValue = new CellValue(value.ToOADate().ToString("R", CultureInfo.InvariantCulture)),
        StyleIndex = style,
    };

    private static Cell Text(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(CellText.XmlSafe(CellText.Neutralise(text))) { Space = SpaceProcessingModeValues.Preserve }),
    };

    /// <summary>A1-style column letters: 0 → A, 25 → Z, 26 → AA.</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Excel refuses sheet names over 31 characters or holding <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c).ToArray()).Trim();
        clean = clean.Length == 0 ? "Export" : clean;
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static SheetViews FrozenHeader() => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    { WorkbookViewId = 0 });

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy hh:mm" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 4 });
}
