using Benchmark.Core.Definitions;
using Benchmark.Core.Grid;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// The template workbook of the grid, like the seed's Excel file: a title block, the header on row 3, drop-down lists
/// (data validation lists read from a « Listes » sheet) on the choice columns, a date and number checks on the others,
/// dates shown jj/mm/aaaa.
/// </summary>
internal static class GridTemplate
{
    public const int HeaderRow = 3;
    private const int LastRow = 5000;

    public static byte[] Build(GridSchema schema, string establishment)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            AddStyles(workbook);
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var lists = workbook.AddNewPart<WorksheetPart>();
            var choiceColumns = schema.Columns.Where(c => c.Type == ColumnType.Choice).ToList();
            var listData = new SheetData();
            var longest = choiceColumns.Max(c => c.Values.Count);
            listData.Append(Row(1, choiceColumns.Select(c => c.Title)));
            for (var i = 0; i < longest; i++)
            {
                listData.Append(Row((uint)(i + 2), choiceColumns.Select(c => i < c.Values.Count ? c.Values[i].Title : "")));
            }

            lists.Worksheet = new Worksheet(listData);

            var recueil = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(
                Row(1, [schema.Definition.Title]),
                Row(2, [$"Établissement : {establishment}"]),
                Row(HeaderRow, schema.Columns.Select(c => c.Title), style: 1));
            var columns = new Columns(schema.Columns.Select((c, i) => new Column
            {
                Min = (uint)(i + 1), Max = (uint)(i + 1), Width = i == 0 ? 14 : 30, CustomWidth = true,
                Style = c.Type == ColumnType.Date ? 2U : 0U,
            }));
            var validations = new DataValidations();
            for (var i = 0; i < schema.Columns.Count; i++)
            {
                validations.Append(Validation(schema.Columns[i], i, choiceColumns));
            }

            validations.Count = (uint)validations.ChildElements.Count;
            recueil.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", State = PaneStateValues.Frozen, ActivePane = PaneValues.BottomLeft }) { WorkbookViewId = 0 }),
                columns, data, validations);

            sheets.Append(new Sheet { Name = GridSchema.SheetName, SheetId = 1, Id = workbook.GetIdOfPart(recueil) });
            sheets.Append(new Sheet { Name = "Listes", SheetId = 2, Id = workbook.GetIdOfPart(lists) });
        }

        return memory.ToArray();
    }

    private static DataValidation Validation(GridColumnDefinition column, int index, List<GridColumnDefinition> choiceColumns)
    {
        var letter = (char)('A' + index);
        var validation = new DataValidation
        {
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}{HeaderRow + 1}:{letter}{LastRow}" },
            AllowBlank = !column.Required, ShowErrorMessage = true, ErrorTitle = column.Title,
        };
        switch (column.Type)
        {
            case ColumnType.Choice:
                var listLetter = (char)('A' + choiceColumns.IndexOf(column));
                validation.Type = DataValidationValues.List;
                validation.Error = "Choisissez une valeur de la liste.";
                validation.Append(new Formula1($"Listes!${listLetter}$2:${listLetter}${column.Values.Count + 1}"));
                break;
            case ColumnType.Date:
                validation.Type = DataValidationValues.Date;
                validation.Operator = DataValidationOperatorValues.Between;
                validation.Error = "Saisissez une date jj/mm/aaaa.";
                validation.Append(new Formula1("36526"), new Formula2("73050"));
                break;
            default:
                validation.Type = column.Type == ColumnType.Integer ? DataValidationValues.Whole : DataValidationValues.Decimal;
                validation.Operator = DataValidationOperatorValues.GreaterThanOrEqual;
                validation.Error = column.Type == ColumnType.Integer ? "Saisissez un nombre entier de jours (0 ou plus)." : "Saisissez un nombre de jours (0 ou plus), virgule décimale.";
                validation.Append(new Formula1("0"));
                break;
        }

        return validation;
    }

    private static Row Row(uint index, IEnumerable<string> texts, uint style = 0) =>
        new(texts.Select((t, i) => new Cell
        {
            CellReference = $"{(char)('A' + i)}{index}", DataType = CellValues.InlineString, StyleIndex = style == 0 ? null : style,
            InlineString = new InlineString(new Text(t)),
        }))
        { RowIndex = index };

    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }) { Count = 3 });
    }
}
