using Benchmark.Core.Definitions;
using Benchmark.Core.Indicators;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Tests.Indicators;

public sealed class IndicatorWindowTests
{
    private static readonly Dictionary<string, DateOnly> Anchors = new(StringComparer.Ordinal)
    {
        ["J"] = new DateOnly(2027, 1, 4),
        ["J*"] = new DateOnly(2027, 2, 8),
    };

    private static IndicatorWindow FluxWindow()
    {
        var definition = ReportingPeriodTests.RepositoryDefinition("gestion-flux-patients.yaml");
        return IndicatorWindow.Of(Anchors, ScheduleResolver.Resolve(definition, Anchors).Value, new DateOnly(2030, 6, 1));
    }

    [Fact]
    public void Of_WhenTheCalendarResolves_ThenRunsFromAYearBeforeJToAYearAfterTheLastDate()
    {
        // Act
        var window = FluxWindow();

        // Assert: J* + 18 months is the programme's last date.
        Assert.Equal(new DateOnly(2026, 1, 4), window.From);
        Assert.Equal(new DateOnly(2029, 8, 8), window.To);
        Assert.Equal("2026-B1", window.First(IndicatorPeriod.Bimonth).Key);
        Assert.Equal("2029-B4", window.Last(IndicatorPeriod.Bimonth).Key);
    }

    [Theory]
    [InlineData("2026-B1", true)]
    [InlineData("2027-M01", true)]
    [InlineData("2029-B4", true)]
    [InlineData("2029", true)]
    [InlineData("2025-B6", false)]
    [InlineData("2029-B5", false)]
    [InlineData("2030-B1", false)]
    [InlineData("9999-B6", false)]
    [InlineData("1900-M01", false)]
    public void Contains_WhenAPeriodOverlapsTheWindow_ThenItIsAccepted(string key, bool accepted)
    {
        // Arrange
        var period = ReportingPeriod.TryParse(key)!;

        // Act
        var error = FluxWindow().Check(period);

        // Assert
        Assert.Equal(accepted, error is null);
    }

    [Fact]
    public void Check_WhenThePeriodIsFarOff_ThenTheFrenchMessageNamesTheRange()
    {
        // Act
        var error = FluxWindow().Check(ReportingPeriod.TryParse("9999-B6")!);

        // Assert
        Assert.Equal(
            "La période novembre–décembre 9999 est en dehors du calendrier de la vague : "
            + "saisissez une période de janvier–février 2026 à juillet–août 2029.",
            error!.Message);
        Assert.Equal("periode", error.Field);
    }

    [Fact]
    public void Of_WhenTheWaveHasNoDate_ThenAYearAroundToday()
    {
        // Act
        var window = IndicatorWindow.Of(new Dictionary<string, DateOnly>(), calendar: null, new DateOnly(2027, 5, 10));

        // Assert
        Assert.Equal(new DateOnly(2026, 5, 10), window.From);
        Assert.Equal(new DateOnly(2028, 5, 10), window.To);
    }

    [Fact]
    public void Of_WhenAnAnchorIsAtTheEndOfTheCalendar_ThenNeverThrows()
    {
        // Act
        var window = IndicatorWindow.Of(new Dictionary<string, DateOnly> { ["J"] = DateOnly.MaxValue, ["K"] = DateOnly.MinValue }, null, default);

        // Assert
        Assert.Equal(DateOnly.MaxValue, window.To);
        Assert.True(window.Contains(ReportingPeriod.TryParse("9999-B6")!));
    }
}
