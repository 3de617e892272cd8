using Benchmark.Core.Definitions;
using Benchmark.Core.Grid;
using Benchmark.Web.Features.Grid;

namespace Benchmark.Web.Tests.Features.Grid;

/// <summary>
/// Real-world-shaped files (corpus/, made by corpus/make-corpus.py; see corpus/README.md) read as the importer reads
/// them, each with its expected outcome.
/// </summary>
public sealed class GridCorpusTests
{
    internal static readonly GridSchema Schema = GridSchema.From(ImagingDefinition()).Value;

    [Theory]
    [InlineData("francais.csv")]
    [InlineData("bom.csv")]
    [InlineData("windows-1252.csv")]
    [InlineData("lignes-vides-finales.csv")]
    [InlineData("en-tete-casse-accents.csv")]
    [InlineData("dates-excel-numeriques.xlsx")]
    [InlineData("en-tete-fusionne.xlsx")]
    [InlineData("deux-feuilles-recueil-en-second.xlsx")]
    public void Open_WhenValidFile_ThenTheEightRowsOfTheExample(string file)
    {
        var (rows, log) = Read(file);

        Assert.Equal((8, 0), (log.RowsValid, log.RowsRejected));
        Assert.Equal(new GridRow(new DateOnly(2010, 9, 6), "scanner", "externe", GridSchema.ScheduledKept, 20, 2.5), rows[1]);
        Assert.Equal(new GridRow(new DateOnly(2010, 9, 7), "irm", "externe", GridSchema.ScheduledMissed, 15, null), rows[3]);
        var september = GridSummaries.Compute(GridCell.From(rows), GridBreakdown.Period)[0];
        Assert.Equal((66.67m, 25m, 12m, 4m), (september.ScheduledRate, september.MissedRate, september.MeanAppointmentDelay, september.MeanReportDelay));
    }

    [Fact]
    public void Open_WhenTwoBadRows_ThenBothReportedWithRowColumnValueAndReason()
    {
        var (rows, log) = Read("deux-lignes-fausses.csv");

        Assert.Equal((6, 2), (rows.Count, log.RowsRejected));
        Assert.Equal(
        [
            "3|Date|31/02/2010|date invalide : attendu jj/mm/aaaa (par exemple 06/09/2010)",
            "6|Type de rendez-vous|Programmé annulé|valeur non reconnue : attendu l'une des valeurs de la liste (« Programmé honoré », « Programmé non-honoré », « Non programmé »)",
        ], log.Errors.Select(e => $"{e.Row}|{e.Column}|{e.Value}|{e.Reason}"));
    }

    [Fact]
    public void Open_WhenCommaSeparatedFile_ThenRefusedNamingTheSeparator()
    {
        // Security finding 5: « 20,5 » in a comma-separated file was silently read as 20 and 5 in two columns.
        var opened = OpenCsv(
            "Date,Type d'activité,Provenance du patient,Type de rendez-vous,Délai d'obtention du rendez-vous (jours),Délai de compte-rendu (jours)",
            "06/09/2010,Scanner,Externe,Programmé honoré,20,2,5");

        Assert.False(opened.IsSuccess);
        Assert.Contains("Le séparateur de ce fichier CSV est la virgule", opened.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("point-virgule", opened.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WhenOneRowIsCommaSeparated_ThenThatRowIsRefusedForItsSeparator()
    {
        var opened = OpenCsv(
            "Date;Type d'activité;Provenance du patient;Type de rendez-vous;Délai d'obtention du rendez-vous (jours);Délai de compte-rendu (jours)",
            "06/09/2010;Scanner;Externe;Programmé honoré;10;1",
            "07/09/2010,IRM,Externe,Programmé non-honoré,15,");
        using var sheet = opened.Value;

        var rows = sheet.Rows().ToList();

        Assert.Single(rows);
        var error = Assert.Single(sheet.Log.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("le séparateur de cette ligne est la virgule", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WhenWorkbookHasNoGridSheet_ThenErrorNamesTheExpectedSheetAndColumns()
    {
        var opened = GridFile.Open(Corpus("mauvaise-feuille.xlsx"), Schema);

        Assert.False(opened.IsSuccess);
        Assert.Contains("Feuille attendue : « Recueil »", opened.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("« Type de rendez-vous »", opened.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Feuilles trouvées : « Feuil1 »", opened.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WhenTemplateWorkbook_ThenHeaderFoundAndNoRow()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, GridTemplate.Build(Schema, "Centre hospitalier de test"));
            using var sheet = GridFile.Open(path, Schema).Value;

            Assert.Empty(sheet.Rows().ToList());
            Assert.Equal(GridTemplate.HeaderRow, sheet.Header.RowNumber);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static (List<GridRow> Rows, GridReadLog Log) Read(string file)
    {
        var opened = GridFile.Open(Corpus(file), Schema);
        Assert.True(opened.IsSuccess, opened.Error?.Message);
        using var sheet = opened.Value;
        var rows = sheet.Rows().Select(r => r.Row).ToList();
        return (rows, sheet.Log);
    }

    private static Benchmark.Core.Common.Result<GridSheet> OpenCsv(params string[] lines)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new System.Text.UTF8Encoding(false));
        try
        {
            // The few rows are read with the header: the file may go at once.
            return GridFile.Open(path, Schema);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static string Corpus(string file) => Path.Combine(RepositoryRoot(), "tests", "Benchmark.Web.Tests", "Features", "Grid", "corpus", file);

    internal static WorkflowDefinition ImagingDefinition() => DefinitionLoader.LoadFile(Path.Combine(RepositoryRoot(), "workflows", "coaching-imagerie.yaml"), "coaching-imagerie.yaml").Definition!;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Benchmark.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No Benchmark.sln above the test binaries.");
    }
}
