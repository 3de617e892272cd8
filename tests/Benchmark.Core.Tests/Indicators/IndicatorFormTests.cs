using Benchmark.Core.Definitions;
using Benchmark.Core.Indicators;

namespace Benchmark.Core.Tests.Indicators;

public sealed class IndicatorFormTests
{
    private static readonly WorkflowDefinition Flux = ReportingPeriodTests.RepositoryDefinition("gestion-flux-patients.yaml");

    private static IndicatorDefinition Indicator(string id) => Flux.Indicators.Single(i => i.Id == id);

    private static IndicatorFormResult Read(string indicatorId, Dictionary<string, string> fields, bool submitting = false) =>
        IndicatorForm.Read([Indicator(indicatorId)], name => fields.GetValueOrDefault(name), submitting);

    [Theory]
    [InlineData("12,5", "12.5")]
    [InlineData("12.5", "12.5")]
    [InlineData(" 1 234,75 ", "1234.75")]
    [InlineData("1\u202F234", "1234")]
    [InlineData("-3", "-3")]
    public void ParseNumber_WhenTypedTheFrenchWay_ThenReadsTheNumber(string raw, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), IndicatorForm.ParseNumber(raw));

    [Theory]
    [InlineData("1.234,5")]
    [InlineData("douze")]
    [InlineData("12,5%")]
    [InlineData("=1+1")]
    public void ParseNumber_WhenNotANumber_ThenNull(string raw) => Assert.Null(IndicatorForm.ParseNumber(raw));

    [Fact]
    public void Read_WhenInputsAreValid_ThenComputesTheIndicatorAtOnce()
    {
        // Act
        var result = Read("part-sejours-longs", new() { ["v.part-sejours-longs.sejours_longs"] = "12", ["v.part-sejours-longs.sejours"] = "160" });

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(7.5m, result.Results.Single().Value.Value);
        Assert.Equal(12m, result.Values[("part-sejours-longs", "sejours_longs")]);
    }

    [Fact]
    public void Read_WhenNumeratorExceedsDenominator_ThenTheDefinitionsFrenchMessage()
    {
        // Act
        var result = Read("part-sejours-longs", new() { ["v.part-sejours-longs.sejours_longs"] = "200", ["v.part-sejours-longs.sejours"] = "160" });

        // Assert
        Assert.Equal("Le nombre de séjours longs ne peut pas dépasser le nombre total de séjours.", result.Errors["part-sejours-longs"]);
    }

    [Fact]
    public void Read_WhenBelowAnInputsMinimum_ThenSaysTheBound()
    {
        // Act
        var result = Read("sorties-matin", new() { ["v.sorties-matin.sorties_matin"] = "-1", ["v.sorties-matin.sorties"] = "10" });

        // Assert
        Assert.Equal("« Nombre de sorties le matin » doit être supérieur ou égal à 0.", result.Errors["v.sorties-matin.sorties_matin"]);
        Assert.Null(result.Values[("sorties-matin", "sorties_matin")]);
    }

    [Fact]
    public void Read_WhenAboveAnInputsMaximum_ThenSaysTheBound()
    {
        // Act
        var result = Read("taux-occupation", new() { ["v.taux-occupation.jours_periode"] = "63" });

        // Assert
        Assert.Equal("« Nombre de jours de la période » doit être inférieur ou égal à 62.", result.Errors["v.taux-occupation.jours_periode"]);
    }

    [Fact]
    public void Read_WhenIndicatorHasNoMaximum_ThenAnOccupancyOver100IsAccepted()
    {
        // Act
        var result = Read("taux-occupation", new() { ["v.taux-occupation.journees"] = "7000", ["v.taux-occupation.lits"] = "100", ["v.taux-occupation.jours_periode"] = "61" });

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(114.8m, result.Results.Single().Value.Value);
    }

    [Fact]
    public void Read_WhenNotANumber_ThenGivesAnExample()
    {
        // Act
        var result = Read("avancement", new() { ["v.avancement"] = "beaucoup" });

        // Assert
        Assert.Equal("« Pourcentage d'avancement réalisé » : saisissez un nombre, par exemple 12,5.", result.Errors["v.avancement"]);
    }

    [Fact]
    public void Read_WhenSubmittingWithAnEmptyRequiredInput_ThenRequiredButDraftIsFine()
    {
        // Arrange
        var fields = new Dictionary<string, string> { ["v.ipdms.journees_realisees"] = "1200" };

        // Act
        var draft = Read("ipdms", fields);
        var submitted = Read("ipdms", fields, submitting: true);

        // Assert
        Assert.True(draft.IsValid);
        Assert.Equal("« Nombre de journées attendues (DMS de référence à case-mix identique) » est obligatoire pour soumettre la période.",
            submitted.Errors["v.ipdms.journees_attendues"]);
    }

    [Fact]
    public void Read_WhenSpecificIndicatorIsLeftEmptyOnSubmit_ThenItIsOptional()
    {
        // Act
        var result = Read("indicateurs-specifiques", [], submitting: true);

        // Assert
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Read_WhenDenominatorIsZero_ThenNotComputableAndTheRuleSaysWhy()
    {
        // Act
        var result = Read("sorties-matin", new() { ["v.sorties-matin.sorties_matin"] = "0", ["v.sorties-matin.sorties"] = "0" });

        // Assert
        Assert.False(result.Results.Single().Value.IsComputable);
        Assert.Equal("Aucune sortie sur la période.", result.Errors["sorties-matin"]);
    }
}
