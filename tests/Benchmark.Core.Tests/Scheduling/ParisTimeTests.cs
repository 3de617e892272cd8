using Benchmark.Core.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Benchmark.Core.Tests.Scheduling;

public sealed class ParisTimeTests
{
    [Theory]
    [InlineData(2027, 1, 18, 9, 0, "2027-01-18T08:00:00Z")]
    [InlineData(2027, 7, 1, 9, 0, "2027-07-01T07:00:00Z")]
    [InlineData(2027, 3, 28, 1, 59, "2027-03-28T00:59:00Z")]
    [InlineData(2027, 3, 28, 3, 0, "2027-03-28T01:00:00Z")]
    [InlineData(2027, 10, 31, 3, 0, "2027-10-31T02:00:00Z")]
    public void ToUtc_WhenTheTimeExistsOnce_ThenItUsesThatDaysOffset(int year, int month, int day, int hour, int minute, string expected)
    {
        // Act
        var utc = ParisTime.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute));

        // Assert
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Fact]
    public void ToUtc_WhenTheTimeIsSkippedBySummerTime_ThenItMovesForwardByTheGap()
    {
        // Act: 02:30 does not exist on 28 March 2027; it becomes 03:30 CEST.
        var utc = ParisTime.ToUtc(new DateOnly(2027, 3, 28), new TimeOnly(2, 30));

        // Assert
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), utc);
    }

    [Fact]
    public void ToUtc_WhenTheTimeOccursTwiceInAutumn_ThenTheFirstSummerTimeOccurrenceIsTaken()
    {
        // Act: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET) on 31 October 2027.
        var utc = ParisTime.ToUtc(new DateOnly(2027, 10, 31), new TimeOnly(2, 30));

        // Assert
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), utc);
    }

    [Fact]
    public void ToParis_WhenGivenAUtcInstant_ThenItCarriesTheParisOffset()
    {
        // Act
        var winter = ParisTime.ToParis(new DateTimeOffset(2027, 1, 18, 8, 0, 0, TimeSpan.Zero));
        var summer = ParisTime.ToParis(new DateTimeOffset(2027, 7, 1, 7, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal((9, 1), (winter.Hour, winter.Offset.Hours));
        Assert.Equal((9, 2), (summer.Hour, summer.Offset.Hours));
    }

    [Fact]
    public void Today_WhenItIsAlreadyTomorrowInParis_ThenTheParisDateIsReturned()
    {
        // Arrange: 23:30Z on Saturday 27 March is 00:30 on Sunday in Paris.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 27, 23, 30, 0, TimeSpan.Zero));

        // Act
        var today = ParisTime.Today(clock);

        // Assert
        Assert.Equal(new DateOnly(2027, 3, 28), today);
    }
}
