using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Tests.Scheduling;

public sealed class OffsetTests
{
    [Theory]
    [InlineData("2027-01-31", 1, 0, "2027-02-28")]
    [InlineData("2028-01-31", 1, 0, "2028-02-29")]
    [InlineData("2027-03-31", -1, 0, "2027-02-28")]
    [InlineData("2027-01-18", 2, 15, "2027-04-02")]
    [InlineData("2027-01-18", 18, 0, "2028-07-18")]
    [InlineData("2027-01-04", 0, -7, "2026-12-28")]
    public void AddTo_WhenMonthsAndDaysAreAdded_ThenMonthsComeFirstAndClampToTheMonthEnd(string from, int months, int days, string expected)
    {
        // Arrange
        var offset = new Offset(months, days, 0);

        // Act
        var date = offset.AddTo(DateOnly.ParseExact(from, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Fact]
    public void AddTo_WhenDaysAreWrittenBeforeMonths_ThenMonthsAreStillAppliedFirst()
    {
        // Arrange: "+15d+1mo" from 16 January: 16 Feb + 15 days, not 31 Jan + 1 month (28 Feb).
        Assert.True(Offset.TryParseTerms("+15d+1mo", allowTime: false, out var offset, out _));

        // Act
        var date = offset.AddTo(new DateOnly(2027, 1, 16));

        // Assert
        Assert.Equal(new DateOnly(2027, 3, 3), date);
    }

    [Theory]
    [InlineData("-7d", 0, -7, 0)]
    [InlineData("+1d", 0, 1, 0)]
    [InlineData("+2w", 0, 14, 0)]
    [InlineData("+1mo-1d", 1, -1, 0)]
    [InlineData("+1y", 12, 0, 0)]
    [InlineData("-2h", 0, 0, -120)]
    [InlineData("+30min", 0, 0, 30)]
    [InlineData("- 7d", 0, -7, 0)]
    public void TryParse_WhenTheOffsetIsSigned_ThenItIsRead(string text, int months, int days, int minutes)
    {
        // Act
        var parsed = Offset.TryParse(text, out var offset, out var error);

        // Assert
        Assert.True(parsed, error);
        Assert.Equal(new Offset(months, days, minutes), offset);
    }

    [Theory]
    [InlineData("7d", "sans signe")]
    [InlineData("", "sans signe")]
    [InlineData("+7", "décalage illisible à partir de '+7'")]
    [InlineData("+7d+", "décalage illisible à partir de '+'")]
    [InlineData("+7days", "décalage illisible à partir de 'ays'")]
    public void TryParse_WhenTheOffsetIsMalformed_ThenItIsRefused(string text, string fragment)
    {
        // Act
        var parsed = Offset.TryParse(text, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Contains(fragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseTerms_WhenTimeUnitsAreNotAllowed_ThenHoursAreRefused()
    {
        // Act
        var parsed = Offset.TryParseTerms("+1d+2h", allowTime: false, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Contains("unité 'h' non admise ici", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, -7, 0, "-7d")]
    [InlineData(2, 15, 0, "+2mo+15d")]
    [InlineData(0, 0, 90, "+90min")]
    [InlineData(0, 0, 0, "+0d")]
    public void ToString_WhenFormatted_ThenItReadsBack(int months, int days, int minutes, string expected)
    {
        // Arrange
        var offset = new Offset(months, days, minutes);

        // Act
        var text = offset.ToString();

        // Assert
        Assert.Equal(expected, text);
        Assert.True(Offset.TryParse(text, out var again, out _));
        Assert.Equal(offset, again);
    }

    [Fact]
    public void AddTo_WhenAppliedToAnInstant_ThenMinutesAreAddedToo()
    {
        // Arrange
        var offset = new Offset(0, -1, -30);

        // Act
        var instant = offset.AddTo(new DateTimeOffset(2027, 1, 18, 8, 0, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(new DateTimeOffset(2027, 1, 17, 7, 30, 0, TimeSpan.Zero), instant);
    }
}
