using System.Text;
using Benchmark.Web.Infrastructure.Export;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Benchmark.Web.Tests.Infrastructure.Export;

public sealed class ExportTests
{
    private sealed record Line(string Name, decimal Amount, DateOnly Day, DateTimeOffset At, int? Count);

    private static readonly ExportColumn<Line>[] Columns =
    [
        ExportColumn.Of<Line>("Nom", l => l.Name),
        ExportColumn.Of<Line>("Montant", l => l.Amount),
        ExportColumn.Of<Line>("Jour", l => l.Day),
        ExportColumn.Of<Line>("Instant", l => l.At),
        ExportColumn.Of<Line>("Nombre", l => l.Count),
    ];

    private static readonly Line[] Rows =
    [
        new("Clinique; \"Les Lilas\"\nsite 2", 1234.5m, new DateOnly(2026, 3, 9), new DateTimeOffset(2026, 3, 9, 14, 30, 0, TimeSpan.FromHours(1)), 3),
        new("=HYPERLINK(\"http://x\")", -2m, new DateOnly(2026, 12, 31), new DateTimeOffset(2026, 12, 31, 0, 5, 0, TimeSpan.Zero), null),
        new("+33 1 02", 0m, new DateOnly(2026, 1, 1), default, 0),
        new("@SUM(A1)", 0m, new DateOnly(2026, 1, 1), default, 0),
        new("-1+1", 0m, new DateOnly(2026, 1, 1), default, 0),
        new("\tcmd", 0m, new DateOnly(2026, 1, 1), default, 0),
        new("\rcmd", 0m, new DateOnly(2026, 1, 1), default, 0),
    ];

    [Fact]
    public async Task WriteCsv_WhenFrench_ThenSemicolonDecimalCommaFrenchDatesAndBom()
    {
        var bytes = await CsvAsync(CsvDialect.French);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal("Nom;Montant;Jour;Instant;Nombre", lines[0]);
        Assert.Equal("\"Clinique; \"\"Les Lilas\"\"\nsite 2\";1234,5;09/03/2026;09/03/2026 14:30;3", lines[1]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\";-2;31/12/2026;31/12/2026 00:05;", lines[2]);
    }

    [Fact]
    public async Task WriteCsv_WhenInternational_ThenCommaDecimalPointIsoDatesAndNoBom()
    {
        var bytes = await CsvAsync(CsvDialect.International);

        Assert.NotEqual(0xEF, bytes[0]);
        var lines = Encoding.UTF8.GetString(bytes).Split("\r\n");
        Assert.Equal("Nom,Montant,Jour,Instant,Nombre", lines[0]);
        Assert.Equal("\"Clinique; \"\"Les Lilas\"\"\nsite 2\",1234.5,2026-03-09,2026-03-09T14:30:00+01:00,3", lines[1]);
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\",-2,2026-12-31,2026-12-31T00:05:00+00:00,", lines[2]);
    }

    [Theory]
    [InlineData(3, "'+33 1 02")]
    [InlineData(4, "'@SUM(A1)")]
    [InlineData(5, "'-1+1")]
    [InlineData(6, "'\tcmd")]
    public async Task WriteCsv_WhenTextLooksLikeAFormula_ThenPrefixedWithApostrophe(int line, string expected)
    {
        var lines = Encoding.UTF8.GetString(await CsvAsync(CsvDialect.International)).Split("\r\n");

        Assert.Equal(expected, lines[line].Split(',')[0]);
    }

    [Fact]
    public async Task WriteCsv_WhenTextStartsWithCarriageReturn_ThenNeutralisedAndQuoted()
    {
        var text = Encoding.UTF8.GetString(await CsvAsync(CsvDialect.International));

        Assert.Contains("\"'\rcmd\",0,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteXlsx_WhenReadBack_ThenHeaderBoldFrozenTypedCellsAndNoFormula()
    {
        using var stream = new MemoryStream();
        await Benchmark.Web.Infrastructure.Export.Export.WriteXlsxAsync(stream, Columns, Rows, "Journal: vague [1]");
        stream.Position = 0;

        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        Assert.Equal("Journal  vague  1", workbook.Workbook.Descendants<Sheet>().Single().Name!.Value);
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(Rows.Length + 1, rows.Count);
        Assert.Empty(sheet.Descendants<CellFormula>());

        var header = rows[0].Elements<Cell>().ToList();
        Assert.Equal(["Nom", "Montant", "Jour", "Instant", "Nombre"], header.Select(c => c.InlineString!.InnerText));
        var bold = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)header[0].StyleIndex!.Value);
        var font = workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)bold.FontId!.Value);
        Assert.NotNull(font.Bold);
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);

        var first = rows[1].Elements<Cell>().ToList();
        Assert.Equal("A2", first[0].CellReference!.Value);
        Assert.Equal(CellValues.InlineString, first[0].DataType!.Value);
        Assert.Equal(Rows[0].Name, first[0].InlineString!.InnerText);
        Assert.Equal(CellValues.Number, first[1].DataType!.Value);
        Assert.Equal("1234.5", first[1].CellValue!.Text);
        Assert.Equal(new DateTime(2026, 3, 9), DateTime.FromOADate(double.Parse(first[2].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateTime(2026, 3, 9, 14, 30, 0), DateTime.FromOADate(double.Parse(first[3].CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("3", first[4].CellValue!.Text);

        var injected = rows.Skip(2).Select(r => r.Elements<Cell>().First().InlineString!.InnerText).ToList();
        // XML parsers normalise a lone CR to LF when reading; what matters is the apostrophe in front.
        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'+33 1 02", "'@SUM(A1)", "'-1+1", "'\tcmd", "'\ncmd"], injected);
        Assert.Null(rows[2].Elements<Cell>().ElementAt(4).CellValue);
    }

    [Fact]
    public async Task Xlsx_WhenWrittenToANonSeekableStream_ThenAValidWorkbookArrives()
    {
        var result = Benchmark.Web.Infrastructure.Export.Export.Xlsx(Columns, Rows.Take(1), "export");
        using var target = new MemoryStream();
        await result.WriteToAsync(new ForwardOnlyStream(target));
        target.Position = 0;

        using var document = SpreadsheetDocument.Open(target, isEditable: false);
        Assert.Equal("export.xlsx", result.FileName);
        Assert.Equal(2, document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_WhenIndexGiven_ThenA1Letters(int index, string expected) =>
        Assert.Equal(expected, XlsxExport.ColumnName(index));

    private static async Task<byte[]> CsvAsync(CsvDialect dialect)
    {
        using var stream = new MemoryStream();
        await Benchmark.Web.Infrastructure.Export.Export.WriteCsvAsync(stream, Columns, Rows, dialect);
        return stream.ToArray();
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
