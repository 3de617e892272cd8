using Benchmark.Core.Grid;

namespace Benchmark.Core.Tests.Grid;

/// <summary>Header matching and row parsing on cells as spreadsheets give them.</summary>
public sealed class GridParsingTests
{
    private static readonly GridSchema Schema = GridSchema.From(GridSummariesTests.ImagingDefinition()).Value;

    private static SheetRow Row(int number, params object?[] cells) =>
        new(number, [.. cells.Select(c => c switch { double d => SheetCell.OfNumber(d), int i => SheetCell.OfNumber(i), _ => SheetCell.OfText((string?)c) })]);

    private static readonly SheetRow Header = Row(1, "Date", "Type d'activité", "Provenance du patient", "Type de rendez-vous", "Délai d'obtention du rendez-vous (jours)", "Délai de compte-rendu (jours)");

    [Fact]
    public void Find_WhenHeaderUnderATitleBlockWithOtherCaseAccentsAndSpaces_ThenFound()
    {
        SheetRow[] rows = [Row(1, "ARS Ile-de-France"), Row(2, "  DATE ", "TYPE D’ACTIVITE", "provenance", "Type de RDV", "délai d'obtention", "Délai de compte rendu")];

        var header = GridHeader.Find(Schema, rows);

        Assert.True(header.IsSuccess, header.Error?.Message);
        Assert.Equal(2, header.Value.RowNumber);
        Assert.Equal([0, 1, 2, 3, 4, 5], header.Value.ColumnIndexes);
    }

    [Fact]
    public void Find_WhenAColumnIsMissing_ThenErrorNamesIt()
    {
        var header = GridHeader.Find(Schema, [Row(1, "Date", "Type d'activité", "Type de rendez-vous")], "Feuil1");

        Assert.False(header.IsSuccess);
        Assert.Contains("il manque « Provenance du patient »", header.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("« Feuil1 »", header.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenFrenchTextExcelSerialAndLongDate_ThenTypedRows()
    {
        var parser = new GridRowParser(Schema, GridHeader.Find(Schema, [Header]).Value);
        var errors = new List<GridError>();

        var text = parser.Parse(Row(2, "06/09/2010", "scanner", "Hospi - Service 2", "Programmé honoré", "3", "2,5"), errors);
        var serial = parser.Parse(Row(3, 40427, "IRM", "Externe", "programme non honore", 4.0, 0.5), errors);
        var longDate = parser.Parse(Row(4, "lundi 6 septembre 2010", "Echographie", "Urgences", "Non programmé", null, null), errors);

        Assert.Empty(errors);
        Assert.Equal(new GridRow(new DateOnly(2010, 9, 6), "scanner", "hospi-service-2", GridSchema.ScheduledKept, 3, 2.5), text);
        Assert.Equal(new GridRow(new DateOnly(2010, 9, 6), "irm", "externe", GridSchema.ScheduledMissed, 4, 0.5), serial);
        Assert.Equal(new GridRow(new DateOnly(2010, 9, 6), "echographie", "urgences", GridSchema.Unscheduled, null, null), longDate);
    }

    [Fact]
    public void Parse_WhenEveryCellWrong_ThenOneFrenchErrorPerCell()
    {
        var parser = new GridRowParser(Schema, GridHeader.Find(Schema, [Header]).Value);
        var errors = new List<GridError>();

        var row = parser.Parse(Row(7, "31/02/2010", "Mammographie", "", "Programmé honoré", "2,5", "-1"), errors);

        Assert.Null(row);
        Assert.Equal(
        [
            "7|Date|31/02/2010|date invalide : attendu jj/mm/aaaa (par exemple 06/09/2010)",
            "7|Type d'activité|Mammographie|valeur non reconnue : attendu l'une des valeurs de la liste (« Radiologie conventionnelle », « Scanner », « IRM », « Echographie », « Radiologie interventionnelle »)",
            "7|Provenance du patient||valeur obligatoire manquante",
            "7|Délai d'obtention du rendez-vous (jours)|2,5|nombre entier de jours attendu",
            "7|Délai de compte-rendu (jours)|-1|doit être supérieur ou égal à 0",
        ], errors.Select(e => $"{e.Row}|{e.Column}|{e.Value}|{e.Reason}"));
    }
}
