using System.Globalization;
using System.Text;
using Benchmark.Core.Grid;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Benchmark.Bench.Import;

/// <summary>Deterministic grid rows, and the same rows as a French CSV and as an XLSX written the way Excel does.</summary>
internal static class GridFiles
{
    private static readonly string[] Activities = ["Radiologie conventionnelle", "Scanner", "IRM", "Echographie", "Radiologie interventionnelle"];
    private static readonly string[] ActivityIds = ["radiologie-conventionnelle", "scanner", "irm", "echographie", "radiologie-interventionnelle"];
    private static readonly string[] Provenances = ["Externe", "Urgences", "Hospi - Service 1", "Hospi - Service 2"];
    private static readonly string[] ProvenanceIds = ["externe", "urgences", "hospi-service-1", "hospi-service-2"];
    private static readonly string[] Types = ["Programmé honoré", "Programmé non-honoré", "Non programmé"];
    private static readonly string[] TypeIds = [GridSchema.ScheduledKept, GridSchema.ScheduledMissed, GridSchema.Unscheduled];

    public static readonly string[] Header = ["Date", "Type d'activité", "Provenance du patient", "Type de rendez-vous", "Délai d'obtention du rendez-vous (jours)", "Délai de compte-rendu (jours)"];

    /// <summary>Row i: indexes of its values (the same for every format).</summary>
    private static (DateOnly Date, int Activity, int Provenance, int Type, int? Delay, double? Report) Values(int i)
    {
        var random = new Random(i);
        var type = random.Next(10) switch { < 6 => 0, < 7 => 1, _ => 2 };
        return (new DateOnly(2025, 1, 1).AddDays(i % 365), random.Next(5), random.Next(4), type,
            type == 2 ? null : random.Next(0, 60), random.Next(10) == 0 ? null : Math.Round(random.NextDouble() * 15, 1));
    }

    public static IEnumerable<GridRow> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var v = Values(i);
            yield return new GridRow(v.Date, ActivityIds[v.Activity], ProvenanceIds[v.Provenance], TypeIds[v.Type], v.Delay, v.Report);
        }
    }

    public static void WriteCsv(string path, int count)
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true), 1 << 16);
        writer.Write(string.Join(';', Header));
        writer.Write("\r\n");
        for (var i = 0; i < count; i++)
        {
            var v = Values(i);
            writer.Write(v.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            writer.Write(';');
            writer.Write(Activities[v.Activity]);
            writer.Write(';');
            writer.Write(Provenances[v.Provenance]);
            writer.Write(';');
            writer.Write(Types[v.Type]);
            writer.Write(';');
            writer.Write(v.Delay?.ToString(CultureInfo.InvariantCulture));
            writer.Write(';');
            writer.Write(v.Report?.ToString(french));
            writer.Write("\r\n");
        }
    }

    public static void WriteXlsx(string path, int count)
    {
        string[] strings = [.. Header, .. Activities, .. Provenances, .. Types];
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var sst = workbook.AddNewPart<SharedStringTablePart>();
        sst.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, Enumerable.Range(0, Header.Length).Select(i => ((double?)i, true)).ToArray());
            for (var i = 0; i < count; i++)
            {
                var v = Values(i);
                var serial = v.Date.ToDateTime(TimeOnly.MinValue).ToOADate();
                WriteRow(writer, i + 2,
                [
                    (serial, false), (Header.Length + v.Activity, true), (Header.Length + Activities.Length + v.Provenance, true),
                    (Header.Length + Activities.Length + Provenances.Length + v.Type, true), (v.Delay, false), (v.Report, false),
                ]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.Sheets!.Append(new Sheet { Name = GridSchema.SheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheet) });
    }

    private static void WriteRow(OpenXmlWriter writer, int number, (double? Value, bool Shared)[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = (uint)number });
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c].Value is not { } value)
            {
                continue;
            }

            var reference = $"{(char)('A' + c)}{number}";
            writer.WriteElement(new Cell
            {
                CellReference = reference, DataType = cells[c].Shared ? CellValues.SharedString : null,
                CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
            });
        }

        writer.WriteEndElement();
    }
}
