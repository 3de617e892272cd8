using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Tests.Scheduling;

public sealed class SessionDurationTests
{
    [Theory]
    [InlineData("90min", 0, 90)]
    [InlineData("1h30", 0, 90)]
    [InlineData("3h", 0, 180)]
    [InlineData("24h", 0, 1440)]
    [InlineData("1d", 1, 0)]
    [InlineData("2d", 2, 0)]
    [InlineData("30d", 30, 0)]
    [InlineData("1 h 30", 0, 90)]
    public void TryParse_WhenTheDurationIsWellFormed_ThenDaysOrMinutesAreRead(string text, int days, int minutes)
    {
        // Act
        var parsed = SessionDuration.TryParse(text, out var duration, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(new SessionDuration(days, minutes), duration);
    }

    [Theory]
    [InlineData("0min", "hors limites")]
    [InlineData("0d", "hors limites")]
    [InlineData("25h", "hors limites")]
    [InlineData("31d", "hors limites")]
    [InlineData("abc", "illisible")]
    [InlineData("", "illisible")]
    [InlineData("90", "illisible")]
    [InlineData("-1d", "illisible")]
    [InlineData("1d2h", "illisible")]
    [InlineData("1.5h", "illisible")]
    public void TryParse_WhenTheDurationIsMalformedOrOutOfRange_ThenItIsRefused(string text, string fragment)
    {
        // Act
        var parsed = SessionDuration.TryParse(text, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1h30min")]
    [InlineData("1h75")]
    public void TryParse_WhenHoursAreFollowedByAmbiguousMinutes_ThenItIsRefusedRatherThanMisread(string text)
    {
        // Act
        var parsed = SessionDuration.TryParse(text, out var duration, out _);

        // Assert
        Assert.False(parsed, $"'{text}' was read as {duration.Minutes} minutes");
    }

    [Theory]
    [InlineData(2, 0, "2d")]
    [InlineData(0, 180, "3h")]
    [InlineData(0, 90, "90min")]
    public void ToString_WhenFormatted_ThenItReadsBack(int days, int minutes, string expected)
    {
        // Arrange
        var duration = new SessionDuration(days, minutes);

        // Act
        var text = duration.ToString();

        // Assert
        Assert.Equal(expected, text);
        Assert.True(SessionDuration.TryParse(text, out var again, out _));
        Assert.Equal(duration, again);
    }
}
