using Benchmark.Core.Indicators;
using CsCheck;

namespace Benchmark.Core.Tests.Indicators;

/// <summary>The IHI run-chart rules on series worked by hand, then as properties over random series.</summary>
public sealed class RunChartRulesTests
{
    private static RunChartReading Read(params decimal[] values) => RunChartRules.Read(values);

    private static IEnumerable<RunSignal> Of(RunChartReading reading, RunSignalKind kind) => reading.Signals.Where(s => s.Kind == kind);

    [Fact]
    public void Read_WhenNinePoints_ThenMedianButNoRuleApplied()
    {
        // 9 points, the last 6 far above: a shift to the eye, but too few points for the rules
        var reading = Read(1, 2, 1, 9, 9, 9, 9, 9, 9);

        Assert.False(reading.Applies);
        Assert.Equal(9, reading.Points);
        Assert.Equal(9m, reading.Median);
        Assert.Empty(reading.Signals);
    }

    [Fact]
    public void Read_WhenSixPointsBelowThenSixAbove_ThenTwoShifts()
    {
        // Sorted as given → median (6 + 10) / 2 = 8; runs: below ×6, above ×6 = 2
        var reading = Read(1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15);

        var shifts = Of(reading, RunSignalKind.Shift).ToList();
        Assert.Equal(2, shifts.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5], shifts[0].Points);
        Assert.Equal(-1, shifts[0].Direction);
        Assert.Equal([6, 7, 8, 9, 10, 11], shifts[1].Points);
        Assert.Equal(1, shifts[1].Direction);
        Assert.Equal((8m, 2), (reading.Median, reading.Runs));
    }

    [Fact]
    public void Read_WhenAPointSitsOnTheMedianInsideARun_ThenItNeitherBreaksNorCounts()
    {
        // Sorted 1 1 1 2 2 5 5 8 8 8 8 8 8 → median 5. Above: 8 8, 5 on the median, 8, 5 on the median, 8 8 8: six
        // counted points above → a shift, the points on the median neither breaking it nor counted in it.
        var reading = Read(1, 2, 1, 2, 1, 8, 8, 5, 8, 5, 8, 8, 8);

        var shift = Assert.Single(Of(reading, RunSignalKind.Shift));
        Assert.Equal([5, 6, 8, 10, 11, 12], shift.Points);
    }

    [Fact]
    public void Read_WhenFivePointsOnEachSide_ThenNoShift()
    {
        var reading = Read(1, 2, 3, 2, 1, 9, 8, 9, 8, 9);

        Assert.Empty(Of(reading, RunSignalKind.Shift));
    }

    [Fact]
    public void Read_WhenFiveRisingPointsWithARepeatInside_ThenTrendOfFiveMovingPoints()
    {
        // 3 → 4 → 4 (repeat: neither adds nor breaks) → 6 → 7 → 9: five moving points going up
        var reading = Read(5, 3, 4, 4, 6, 7, 9, 2, 8, 1);

        var trend = Assert.Single(Of(reading, RunSignalKind.Trend));
        Assert.Equal([1, 2, 4, 5, 6], trend.Points);
        Assert.Equal(1, trend.Direction);
    }

    [Fact]
    public void Read_WhenFourStepsDownThenUp_ThenTrendDownSharingTheTurn()
    {
        // 9 8 7 6 5 (down ×5 points) then 6 7 8 9 10 (up from the turn 5: 5 6 7 8 9 10 → six points)
        var reading = Read(9, 8, 7, 6, 5, 6, 7, 8, 9, 10);

        var trends = Of(reading, RunSignalKind.Trend).ToList();
        Assert.Equal(2, trends.Count);
        Assert.Equal([0, 1, 2, 3, 4], trends[0].Points);
        Assert.Equal(-1, trends[0].Direction);
        Assert.Equal([4, 5, 6, 7, 8, 9], trends[1].Points);
        Assert.Equal(1, trends[1].Direction);
    }

    [Fact]
    public void Read_WhenFourRisingPointsOnly_ThenNoTrend()
    {
        var reading = Read(5, 1, 2, 3, 4, 2, 6, 1, 7, 2);

        Assert.Empty(Of(reading, RunSignalKind.Trend));
    }

    [Fact]
    public void Read_WhenTheSeriesAlternates_ThenTooManyRuns()
    {
        // 12 useful points alternating: 12 runs, more than the 10 chance allows for 12 observations (4 to 10)
        var reading = Read(1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9);

        Assert.Equal(12, reading.Runs);
        Assert.Equal(new RunLimits(4, 10), reading.Limits);
        Assert.Single(Of(reading, RunSignalKind.TooManyRuns));
        Assert.Empty(Of(reading, RunSignalKind.TooFewRuns));
    }

    [Fact]
    public void Read_WhenTwoLongHalves_ThenTooFewRuns()
    {
        // 7 below then 7 above: 2 runs for 14 useful observations (limits 4 to 12)
        var reading = Read(2, 3, 2, 1, 3, 2, 1, 8, 9, 8, 7, 9, 8, 7);

        Assert.Equal((14, 2), (reading.UsefulObservations, reading.Runs));
        Assert.Single(Of(reading, RunSignalKind.TooFewRuns));
    }

    [Fact]
    public void Read_WhenOneValueFarFromTheRest_ThenAstronomicalPoint()
    {
        // Median 11, MAD 1 → limit 3 × 1.4826 = 4.45: 40 is astronomical, 14 is not
        var reading = Read(10, 11, 9, 12, 10, 40, 11, 9, 14, 11);

        var point = Assert.Single(Of(reading, RunSignalKind.Astronomical));
        Assert.Equal([5], point.Points);
        Assert.Equal(1, point.Direction);
    }

    [Fact]
    public void Read_WhenOverHalfThePointsAreEqual_ThenNoAstronomicalPoint()
    {
        // MAD 0: the criterion cannot say what « far » is, so it says nothing
        var reading = Read(5, 5, 5, 5, 5, 5, 7, 5, 30, 5);

        Assert.Empty(Of(reading, RunSignalKind.Astronomical));
    }

    [Fact]
    public void RunsTable_WhenRecomputedFromTheExactDistribution_ThenEveryRowAgrees()
    {
        for (var n = 10; n <= 60; n++)
        {
            Assert.Equal(ExactLimits(n / 2, n - (n / 2)), RunChartRules.LimitsFor(n));
        }

        Assert.Null(RunChartRules.LimitsFor(9));
        Assert.Null(RunChartRules.LimitsFor(61));
    }

    /// <summary>Swed &amp; Eisenhart: the fewest and most runs whose tail beyond them holds at most 2.5 % (exact, rationals).</summary>
    private static RunLimits ExactLimits(int above, int below)
    {
        var total = Choose(above + below, above);
        var p = new Dictionary<int, System.Numerics.BigInteger>();
        for (var r = 2; r <= above + below; r++)
        {
            var k = r / 2;
            p[r] = r % 2 == 0
                ? 2 * Choose(above - 1, k - 1) * Choose(below - 1, k - 1)
                : (Choose(above - 1, k - 1) * Choose(below - 1, k)) + (Choose(above - 1, k) * Choose(below - 1, k - 1));
        }

        // tail / total > 2.5 %  ⇔  40 × tail > total
        System.Numerics.BigInteger tail = 0;
        var lower = p.Keys.Order().First(r => 40 * (tail += p[r]) > total);
        tail = 0;
        var upper = p.Keys.OrderDescending().First(r => 40 * (tail += p[r]) > total);
        return new RunLimits(lower, upper);
    }

    private static System.Numerics.BigInteger Choose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        System.Numerics.BigInteger result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private static readonly Gen<decimal[]> Series = Gen.Int[0, 12].Select(i => (decimal)i).Array[10, 40];

    [Fact]
    public void Read_WhenAnySeries_ThenRunsCountCrossingsAndStayWithinTheUsefulPoints()
    {
        Series.Sample(values =>
        {
            var reading = RunChartRules.Read(values);
            var m = reading.Median!.Value;
            var useful = values.Where(v => v != m).ToList();
            var crossings = useful.Zip(useful.Skip(1)).Count(p => Math.Sign(p.First - m) != Math.Sign(p.Second - m));
            return reading.UsefulObservations == useful.Count && reading.Runs == (useful.Count == 0 ? 0 : crossings + 1);
        });
    }

    [Fact]
    public void Read_WhenAnySeries_ThenEveryShiftIsSixOrMorePointsOnOneSideWithNoCrossing()
    {
        Series.Sample(values =>
        {
            var reading = RunChartRules.Read(values);
            var m = reading.Median!.Value;
            return Of(reading, RunSignalKind.Shift).All(s =>
                s.Points.Count >= RunChartRules.ShiftLength
                && s.Points.All(i => Math.Sign(values[i] - m) == s.Direction)
                && Enumerable.Range(s.Points[0], s.Points[^1] - s.Points[0] + 1).All(i => values[i] == m || Math.Sign(values[i] - m) == s.Direction));
        });
    }

    [Fact]
    public void Read_WhenAnySeries_ThenEveryTrendMovesOneWayStepByStep()
    {
        Series.Sample(values =>
        {
            var reading = RunChartRules.Read(values);
            return Of(reading, RunSignalKind.Trend).All(t =>
                t.Points.Count >= RunChartRules.TrendLength
                && t.Points.Zip(t.Points.Skip(1)).All(p => Math.Sign(values[p.Second] - values[p.First]) == t.Direction
                    && Enumerable.Range(p.First + 1, p.Second - p.First - 1).All(i => values[i] == values[p.First])));
        });
    }

    [Fact]
    public void Read_WhenSeriesShiftedOrScaled_ThenTheSameSignals()
    {
        // The rules look at order and sides only (and the MAD scales with the data): a change of unit changes nothing.
        Series.Select(Gen.Int[-50, 50], Gen.Int[1, 7]).Sample((values, offset, factor) =>
        {
            var moved = values.Select(v => (v * factor) + offset).ToArray();
            static string Key(RunChartReading r) => string.Join(";", r.Signals.Select(s => $"{s.Kind}:{s.Direction}:{string.Join(",", s.Points)}"));
            return Key(RunChartRules.Read(values)) == Key(RunChartRules.Read(moved));
        });
    }

    [Fact]
    public void Read_WhenFewerThanTenPoints_ThenNeverASignal()
    {
        Gen.Int[0, 12].Select(i => (decimal)i).Array[1, 9].Sample(values =>
        {
            var reading = RunChartRules.Read(values);
            return !reading.Applies && reading.Signals.Count == 0;
        });
    }
}
