using Benchmark.Core.Runtime;
using static Benchmark.Core.Tests.Runtime.EnrolmentHarness;

namespace Benchmark.Core.Tests.Runtime;

/// <summary>Progress is derived from the checklist: done / applicable, "not applicable" and untouched optional items excluded.</summary>
public sealed class ProgressTests
{
    [Fact]
    public void OfPhase_WhenNothingIsDone_ThenRequiredItemsCountAndOptionalOnesDoNot()
    {
        // Arrange
        var harness = Started();

        // Act
        var progress = Progress.OfPhase(harness.Definition, harness.Enrolment, "cadrage");

        // Assert
        Assert.Equal(new ProgressFigure(0, 3), progress);
        Assert.Equal(0m, progress.Percent);
    }

    [Fact]
    public void OfPhase_WhenOneIsDoneAndOneIsNotApplicable_ThenThePercentageLeavesTheNotApplicableOut()
    {
        // Arrange
        var harness = Started();
        harness.Ok(new TickItem(ChefDeProjet, "equipe", null));
        harness.Ok(new MarkItemNotApplicable(Directeur, "cme", "Pas de CME"));

        // Act
        var progress = Progress.OfPhase(harness.Definition, harness.Enrolment, "cadrage");

        // Assert
        Assert.Equal(new ProgressFigure(1, 2), progress);
        Assert.Equal(50.0m, progress.Percent);
    }

    [Fact]
    public void OfPhase_WhenAnOptionalItemIsDone_ThenItCounts()
    {
        // Arrange
        var harness = Started();
        harness.Ok(new TickItem(ChefDeProjet, "equipe", null));
        harness.Ok(new TickItem(Directeur, "presse", null));

        // Act
        var progress = Progress.OfPhase(harness.Definition, harness.Enrolment, "cadrage");

        // Assert
        Assert.Equal(new ProgressFigure(2, 4), progress);
        Assert.Equal(50.0m, progress.Percent);
    }

    [Fact]
    public void Overall_WhenOneRequiredItemOfTheProgrammeInFourIsDone_ThenItIsAQuarter()
    {
        // Arrange: 3 required in cadrage + 1 in visite; 1 of 4 done.
        var harness = Started();
        harness.Ok(new TickItem(Consultant, "planning", null));

        // Act
        var progress = Progress.Overall(harness.Definition, harness.Enrolment);

        // Assert
        Assert.Equal(new ProgressFigure(1, 4), progress);
        Assert.Equal(25.0m, progress.Percent);
    }

    [Fact]
    public void Percent_WhenNothingIsApplicable_ThenItIsUnknown()
    {
        // Act
        var figure = new ProgressFigure(0, 0);

        // Assert
        Assert.Null(figure.Percent);
    }

    [Theory]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    public void Percent_WhenTheRatioIsNotExact_ThenItIsRoundedToOneDecimal(int done, int applicable, string expected)
    {
        // Act
        var percent = new ProgressFigure(done, applicable).Percent;

        // Assert
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), percent);
    }
}
