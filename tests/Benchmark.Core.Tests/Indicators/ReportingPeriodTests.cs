using Benchmark.Core.Definitions;
using Benchmark.Core.Indicators;
using Benchmark.Core.Reminders;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Indicators;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2027-B6", "2028-B1")]
    [InlineData("2027-B1", "2027-B2")]
    [InlineData("2027-M12", "2028-M01")]
    [InlineData("2027-M09", "2027-M10")]
    [InlineData("2027-Q4", "2028-Q1")]
    [InlineData("2027-S2", "2028-S1")]
    [InlineData("2027", "2028")]
    public void Next_WhenAtAnyPeriod_ThenStepsIntoTheFollowingOneAcrossYears(string key, string expected)
    {
        // Arrange
        var period = ReportingPeriod.TryParse(key)!;

        // Act
        var next = period.Next();

        // Assert
        Assert.Equal(expected, next.Key);
        Assert.Equal(key, next.Previous().Key);
    }

    [Fact]
    public void Bimonth_WhenCrossingTheYear_ThenBoundsAndTitleFollowTheCivilCalendar()
    {
        // Arrange
        var november = ReportingPeriod.Containing(IndicatorPeriod.Bimonth, new DateOnly(2027, 12, 31));

        // Act
        var january = november.Next();

        // Assert
        Assert.Equal("2027-B6", november.Key);
        Assert.Equal(new DateOnly(2027, 11, 1), november.Start);
        Assert.Equal(new DateOnly(2027, 12, 31), november.End);
        Assert.Equal("2028-B1", january.Key);
        Assert.Equal(new DateOnly(2028, 1, 1), january.Start);
        Assert.Equal(new DateOnly(2028, 2, 29), january.End);
        Assert.Equal("janvier–février 2028", january.Title);
        Assert.Equal(january.End, january.Deadline);
    }

    [Fact]
    public void Add_WhenManyPeriodsBackOrForward_ThenCountsAcrossYears()
    {
        // Arrange
        var start = ReportingPeriod.TryParse("2027-B2")!;

        // Act
        var back = start.Add(-3);
        var forward = start.Add(11);

        // Assert
        Assert.Equal("2026-B5", back.Key);
        Assert.Equal("2029-B1", forward.Key);
    }

    [Fact]
    public void Range_WhenSpanningTwoYears_ThenListsEveryBimonthInOrder()
    {
        // Arrange
        var from = ReportingPeriod.TryParse("2026-B5")!;
        var to = ReportingPeriod.TryParse("2027-B2")!;

        // Act
        var keys = ReportingPeriod.Range(from, to).Select(p => p.Key).ToList();

        // Assert
        Assert.Equal(["2026-B5", "2026-B6", "2027-B1", "2027-B2"], keys);
        Assert.Empty(ReportingPeriod.Range(to, from));
    }

    [Theory]
    [InlineData("2027-M03", IndicatorPeriod.Month, 3)]
    [InlineData("2027-Q2", IndicatorPeriod.Quarter, 2)]
    [InlineData("2027-S1", IndicatorPeriod.Semester, 1)]
    [InlineData("2027", IndicatorPeriod.Year, 1)]
    public void TryParse_WhenKeyIsWellFormed_ThenGivesTypeAndIndex(string key, IndicatorPeriod type, int index)
    {
        // Act
        var period = ReportingPeriod.TryParse(key);

        // Assert
        Assert.NotNull(period);
        Assert.Equal(type, period.Type);
        Assert.Equal(index, period.Index);
        Assert.Equal(key, period.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2027-B7")]
    [InlineData("2027-B0")]
    [InlineData("2027-M3")]
    [InlineData("2027-M13")]
    [InlineData("2027-X1")]
    [InlineData("27-B1")]
    [InlineData("2027B1")]
    [InlineData("2027-B1; DROP")]
    public void TryParse_WhenKeyIsMalformed_ThenNull(string? key) => Assert.Null(ReportingPeriod.TryParse(key));

    [Theory]
    [InlineData("9999-B6")]
    [InlineData("9999-M12")]
    [InlineData("9999-Q4")]
    [InlineData("9999-S2")]
    [InlineData("9999")]
    [InlineData("1900-B1")]
    [InlineData("0001-M01")]
    [InlineData("2027-B7")]
    [InlineData("99999-B1")]
    [InlineData("-001-B1")]
    [InlineData("+999-B1")]
    [InlineData(" 2027-B1")]
    [InlineData("\u0000\r\nEND")]
    [InlineData("garbage")]
    public void TryParse_WhenKeyIsExtremeOrGarbage_ThenNeverThrowsAndWhatParsesHasBoundsAndTitle(string key)
    {
        // Act
        var period = ReportingPeriod.TryParse(key);
        var bounds = period is null ? null : new { period.Start, period.End, period.Title, period.Deadline };

        // Assert
        if (period is not null)
        {
            Assert.True(bounds!.Start <= bounds.End);
            Assert.Equal(key, period.Key);
            Assert.NotEmpty(bounds.Title);
        }
    }

    [Fact]
    public void TryParse_WhenYearIs9999_ThenTheLastPeriodEndsOnTheLastDayOfTheCalendar()
    {
        // Act
        var period = ReportingPeriod.TryParse("9999-B6")!;

        // Assert
        Assert.Equal(new DateOnly(9999, 11, 1), period.Start);
        Assert.Equal(DateOnly.MaxValue, period.End);
        Assert.Equal("novembre–décembre 9999", period.Title);
    }

    [Theory]
    [InlineData(IndicatorPeriod.Month)]
    [InlineData(IndicatorPeriod.Bimonth)]
    [InlineData(IndicatorPeriod.Quarter)]
    [InlineData(IndicatorPeriod.Semester)]
    [InlineData(IndicatorPeriod.Year)]
    public void Containing_WhenDateIsAtEitherEndOfTheCalendar_ThenNeverThrows(IndicatorPeriod type)
    {
        // Act
        var last = IndicatorPeriods.Containing(type, DateOnly.MaxValue);
        var first = IndicatorPeriods.Containing(type, DateOnly.MinValue);
        var lastPeriod = ReportingPeriod.Containing(type, DateOnly.MaxValue);

        // Assert
        Assert.Equal(DateOnly.MaxValue, last.End);
        Assert.Equal(DateOnly.MinValue, first.Start);
        Assert.Equal(DateOnly.MaxValue, lastPeriod.End);
        Assert.Equal(last.Title, lastPeriod.Title);
    }

    [Fact]
    public void DefaultType_WhenProgrammeIsFluxPatients_ThenBimonthly()
    {
        // Arrange
        var definition = RepositoryDefinition("gestion-flux-patients.yaml");

        // Act
        var type = ReportingPeriod.DefaultType(definition);

        // Assert
        Assert.Equal(IndicatorPeriod.Bimonth, type);
    }

    internal static WorkflowDefinition RepositoryDefinition(string file) =>
        DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", file), file).Definition!;
}
