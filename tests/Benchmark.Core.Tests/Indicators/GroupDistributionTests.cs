using Benchmark.Core.Indicators;

namespace Benchmark.Core.Tests.Indicators;

public sealed class GroupDistributionTests
{
    [Fact]
    public void Of_WhenFourValues_ThenMedianAndQuartilesInterpolate()
    {
        // Act
        var d = GroupDistribution.Of([40m, 10m, 30m, 20m])!;

        // Assert
        Assert.Equal((4, 10m, 17.5m, 25m, 32.5m, 40m), (d.Count, d.Min, d.FirstQuartile, d.Median, d.ThirdQuartile, d.Max));
    }

    [Fact]
    public void Of_WhenOneValueOrNone_ThenThatValueOrNull()
    {
        Assert.Equal(7m, GroupDistribution.Of([7m])!.Median);
        Assert.Null(GroupDistribution.Of([]));
    }

    [Fact]
    public void Labels_WhenAnonymised_ThenLettersExceptOwnName()
    {
        // Arrange
        Guid[] ids = [Guid.Parse("00000000-0000-0000-0000-000000000003"), Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-000000000002")];

        // Act
        var labels = Anonymiser.Labels(ids, id => id == ids[0] ? "CH de Port-Lumière" : null);

        // Assert
        Assert.Equal("Établissement A", labels[ids[1]]);
        Assert.Equal("Établissement B", labels[ids[2]]);
        Assert.Equal("CH de Port-Lumière", labels[ids[0]]);
    }

    [Fact]
    public void Histogram_WhenValuesSpread_ThenEqualWidthBinsCountEveryValue()
    {
        // Act
        var bins = Histogram.Of([0m, 1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m, 9m]);

        // Assert
        Assert.Equal(4, bins.Count);
        Assert.Equal(10, bins.Sum(b => b.Count));
        Assert.Equal(0m, bins[0].From);
        Assert.Equal(9m, bins[^1].To);
        Assert.Equal(3, bins[^1].Count);
    }
}
