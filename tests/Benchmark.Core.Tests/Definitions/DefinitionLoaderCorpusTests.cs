using Benchmark.Core.Definitions;
using Benchmark.Core.Tests.Support;
using Benchmark.Core.Yaml;

namespace Benchmark.Core.Tests.Definitions;

/// <summary>
/// Each file of <c>Corpus/</c> is a definition with one mistake; the loader must report it at the right place
/// with a message that says what is wrong, and nothing elsewhere in the file.
/// </summary>
public sealed class DefinitionLoaderCorpusTests
{
    [Theory]
    [InlineData("yaml-syntax.yaml", 15, 75, "syntaxe YAML invalide")]
    [InlineData("unknown-key.yaml", 12, 5, "clé inconnue 'gaet' dans une phase : vouliez-vous dire 'gate' ?")]
    [InlineData("missing-due.yaml", 11, 5, "une phase : 'due' est obligatoire")]
    [InlineData("duplicate-phase.yaml", 14, 5, "'diagnostic' apparaît deux fois comme phase (première à la ligne 11)")]
    [InlineData("duplicate-session.yaml", 16, 9, "'SC1' apparaît deux fois comme ancre, séance ou jalon (première à la ligne 15)")]
    [InlineData("duplicate-checklist.yaml", 20, 9, "'equipe' apparaît deux fois comme élément de check-list (première à la ligne 15)")]
    [InlineData("undeclared-deliverable.yaml", 18, 31, "nomme le livrable 'raport' qui n'est pas déclaré (déclarés : rapport, synthese)")]
    [InlineData("undeclared-role.yaml", 15, 59, "nomme le rôle 'medecin-referent' qui n'est pas déclaré (déclarés : chef-de-projet, consultant, ars-referent)")]
    [InlineData("bad-duration.yaml", 19, 19, "durée '90mn' illisible")]
    [InlineData("bad-date.yaml", 13, 10, "date 'J+1month' illisible")]
    [InlineData("unknown-anchor.yaml", 18, 13, "'K' n'est ni une ancre, ni une séance, ni un jalon déclaré (ancres : J)")]
    [InlineData("formula-unknown-input.yaml", 24, 14, "utilise 'lit' qui n'est pas une donnée de l'indicateur (déclarées : journees, lits)")]
    [InlineData("formula-syntax.yaml", 24, 14, "')' attendu (caractère 28)")]
    [InlineData("grid-unknown-column.yaml", 34, 60, "lit la colonne 'duree_sejour' absente de la grille 'sejours' (colonnes : entree, duree, statut)")]
    [InlineData("grid-unknown-value.yaml", 34, 62, "'annule' n'est pas une valeur de 'statut' (valeurs : programme, urgence)")]
    [InlineData("bad-agenda-slot.yaml", 24, 21, "créneau '10:00 à 11:00' illisible")]
    [InlineData("min-above-max.yaml", 21, 10, "min (100) dépasse max (0)")]
    [InlineData("empty.yaml", 1, 1, "fichier vide")]
    [InlineData("two-documents.yaml", 14, 1, "un seul document YAML est attendu")]
    [InlineData("deep-nesting.yaml", 14, 42, "imbrication trop profonde (plus de 32 niveaux)")]
    public void LoadFile_WhenTheFileHasOneMistake_ThenItIsReportedWhereItIs(string file, int line, int column, string fragment)
    {
        // Arrange
        var path = TestFiles.InOutput("Definitions", "Corpus", file);

        // Act
        var result = DefinitionLoader.LoadFile(path, file);

        // Assert
        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        Assert.Contains(result.Errors, e => e.Position == new SourcePosition(line, column) && e.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(line, e.Position.Line));
        Assert.StartsWith($"{file}:{line}:", result.Errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_WhenTwoDatesReferToEachOther_ThenBothPositionsAreReported()
    {
        // Arrange
        var path = TestFiles.InOutput("Definitions", "Corpus", "date-cycle.yaml");

        // Act
        var result = DefinitionLoader.LoadFile(path, "date-cycle.yaml");

        // Assert
        Assert.Collection(result.Errors,
            e =>
            {
                Assert.Equal("date-cycle.yaml:18:13", $"{e.File}:{e.Position}");
                Assert.Contains("dates en boucle : SC3 → SC2 → SC3", e.Message, StringComparison.Ordinal);
            },
            e =>
            {
                Assert.Equal("date-cycle.yaml:25:13", $"{e.File}:{e.Position}");
                Assert.Contains("dates en boucle : SC2 → SC3 → SC2", e.Message, StringComparison.Ordinal);
            });
    }
}
