using Benchmark.Core.Scheduling;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Scheduling;

/// <summary>A 09:00 session stays at 09:00 Paris time whichever side of a clock change it falls on.</summary>
public sealed class DaylightSavingCalendarTests
{
    private static readonly Dictionary<string, DateOnly> Anchors = new(StringComparer.Ordinal)
    {
        ["J"] = new DateOnly(2027, 3, 29),
        ["K"] = new DateOnly(2027, 11, 1),
    };

    [Theory]
    [InlineData("SC-mars-veille", "2027-03-26T08:00:00Z", "2027-03-26T11:00:00Z")]
    [InlineData("SC-mars", "2027-03-29T07:00:00Z", "2027-03-29T10:00:00Z")]
    [InlineData("SC-octobre", "2027-10-29T07:00:00Z", "2027-10-29T10:00:00Z")]
    [InlineData("SC-novembre", "2027-11-01T08:00:00Z", "2027-11-01T11:00:00Z")]
    [InlineData("SI-novembre", "2027-11-02T13:00:00Z", "2027-11-02T14:30:00Z")]
    public void Resolve_WhenASessionFallsNearAClockChange_ThenItsUtcInstantsFollowParisTime(string sessionId, string startUtc, string endUtc)
    {
        // Arrange
        var definition = TestFiles.Scenario("DaylightSaving");

        // Act
        var session = ScheduleResolver.Resolve(definition, Anchors).Value.Session(sessionId);

        // Assert
        Assert.Equal(DateTimeOffset.Parse(startUtc, System.Globalization.CultureInfo.InvariantCulture), session.StartUtc);
        Assert.Equal(DateTimeOffset.Parse(endUtc, System.Globalization.CultureInfo.InvariantCulture), session.EndUtc);
        Assert.Equal(TimeSpan.Zero, session.StartUtc.Offset);
    }

    [Fact]
    public void Resolve_WhenATwoDaySessionSpansTheSpringChange_ThenItStartsInWinterTimeAndEndsInSummerTime()
    {
        // Arrange
        var definition = TestFiles.Scenario("DaylightSaving");

        // Act
        var formation = ScheduleResolver.Resolve(definition, Anchors).Value.Session("formation");

        // Assert: Saturday 27 March 09:00 CET to Sunday 28 March 17:00 CEST.
        Assert.Equal(new DateOnly(2027, 3, 27), formation.StartDate);
        Assert.Equal(new DateOnly(2027, 3, 28), formation.EndDate);
        Assert.Equal(new DateTimeOffset(2027, 3, 27, 8, 0, 0, TimeSpan.Zero), formation.StartUtc);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 15, 0, 0, TimeSpan.Zero), formation.EndUtc);
        Assert.Equal(new TimeOnly(17, 0), TimeOnly.FromDateTime(ParisTime.ToParis(formation.EndUtc).DateTime));
    }

    [Fact]
    public void Resolve_WhenAnAnchorIsMissing_ThenTheErrorNamesIt()
    {
        // Arrange
        var definition = TestFiles.Scenario("DaylightSaving");
        var onlyJ = new Dictionary<string, DateOnly>(StringComparer.Ordinal) { ["J"] = Anchors["J"] };

        // Act
        var result = ScheduleResolver.Resolve(definition, onlyJ);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Contains("la date d'ancrage 'K' (Lundi après le passage à l'heure d'hiver) n'est pas fournie", result.Error!.Message, StringComparison.Ordinal);
    }
}
