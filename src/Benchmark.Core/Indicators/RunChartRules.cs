namespace Benchmark.Core.Indicators;

/// <summary>The four run-chart rules of the IHI (Perla, Provost &amp; Murray, BMJ Qual Saf 2011;20:46–51).</summary>
public enum RunSignalKind
{
    /// <summary>6 or more consecutive points on one side of the median.</summary>
    Shift,

    /// <summary>5 or more consecutive points all going up or all going down.</summary>
    Trend,

    /// <summary>Fewer runs than chance gives (the points stay too long on one side).</summary>
    TooFewRuns,

    /// <summary>More runs than chance gives (the points alternate too regularly).</summary>
    TooManyRuns,

    /// <summary>A point obviously different from the others.</summary>
    Astronomical,
}

/// <summary>
/// A non-random signal: its rule, the points it rests on (indexes in the series, oldest first), and its direction:
/// +1 above the median or going up, −1 below or going down, 0 for the runs rules.
/// </summary>
public sealed record RunSignal(RunSignalKind Kind, IReadOnlyList<int> Points, int Direction);

/// <summary>The expected number of runs for a number of useful observations: fewer than <c>Lower</c> or more than <c>Upper</c> is a signal.</summary>
public sealed record RunLimits(int Lower, int Upper);

/// <summary>
/// What the rules say of a series: its median; whether the rules apply (<see cref="RunChartRules.MinimumPoints"/>
/// points); the useful observations (points not on the median), the runs they form and the limits chance allows;
/// the signals found.
/// </summary>
public sealed record RunChartReading(
    decimal? Median, int Points, bool Applies, int UsefulObservations, int Runs, RunLimits? Limits, IReadOnlyList<RunSignal> Signals);

/// <summary>
/// The run-chart rules as quality-improvement teams read them (IHI, Life QI), on a series in time order. Pure: no
/// clock, no culture; the page words the signals.
/// <list type="bullet">
/// <item><b>Shift</b>: 6+ consecutive points all above or all below the median; a point exactly on the median neither breaks nor counts.</item>
/// <item><b>Trend</b>: 5+ consecutive points all going up or all going down; a point equal to the one before neither adds nor breaks.</item>
/// <item><b>Runs</b>: a run is a series of useful points on one side of the median; too few or too many runs for the
/// number of useful observations (table <see cref="RunsTable"/>) is a signal.</item>
/// <item><b>Astronomical point</b>: further from the median than 3 robust standard deviations, 3 × 1.4826 × MAD
/// (median absolute deviation; 1.4826 × MAD estimates σ for normal data, and unlike σ it is not inflated by the very
/// point tested). When the MAD is 0 (over half the points equal), no point is called astronomical.</item>
/// </list>
/// Every rule waits for <see cref="MinimumPoints"/> points, as the IHI advises; the runs rule also needs 10 useful
/// observations and is not applied beyond 60 (the table's end).
/// </summary>
public static class RunChartRules
{
    public const int MinimumPoints = 10;

    public const int ShiftLength = 6;

    public const int TrendLength = 5;

    /// <summary>Scale of the MAD that estimates the standard deviation of normal data (1 / Φ⁻¹(3/4)).</summary>
    public const decimal MadScale = 1.4826m;

    public const decimal AstronomicalDeviations = 3m;

    /// <summary>
    /// Limits of the number of runs for 10 to 60 useful observations: the table of Perla, Provost &amp; Murray (2011),
    /// « Table 1 », adapted from Swed &amp; Eisenhart (1943, Ann. Math. Statist. 14:66–87), about 5 % risk of a false
    /// signal. The values here are Swed &amp; Eisenhart's exact limits for n/2 points on each side (2.5 % in each tail),
    /// recomputed by a test (RunChartRulesTests) rather than copied by hand.
    /// </summary>
    public static IReadOnlyList<RunLimits> RunsTable { get; } =
    [
        new(3, 9), new(4, 9), new(4, 10), new(4, 11), new(4, 12), new(5, 12), new(5, 13), new(6, 13), new(6, 14), new(6, 15),
        new(7, 15), new(7, 16), new(8, 16), new(8, 17), new(8, 18), new(9, 18), new(9, 19), new(10, 19), new(10, 20), new(10, 21),
        new(11, 21), new(11, 22), new(12, 22), new(12, 23), new(12, 24), new(13, 24), new(13, 25), new(14, 25), new(14, 26), new(14, 26),
        new(15, 27), new(15, 28), new(16, 28), new(16, 29), new(17, 29), new(17, 30), new(17, 31), new(18, 31), new(18, 32), new(19, 32),
        new(19, 33), new(20, 33), new(20, 34), new(20, 35), new(21, 35), new(21, 36), new(22, 36), new(22, 37), new(23, 37), new(23, 38),
        new(24, 38),
    ];

    /// <summary>The limits for <paramref name="useful"/> observations, or null outside the table (10 to 60).</summary>
    public static RunLimits? LimitsFor(int useful) =>
        useful is >= MinimumPoints and <= 60 ? RunsTable[useful - MinimumPoints] : null;

    public static decimal? Median(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Reads a series (oldest first).</summary>
    public static RunChartReading Read(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var median = Median(values);
        if (median is not { } m)
        {
            return new RunChartReading(null, 0, false, 0, 0, null, []);
        }

        var sides = values.Select(v => Math.Sign(v - m)).ToArray();
        var useful = sides.Count(s => s != 0);
        var runs = CountRuns(sides);
        if (values.Count < MinimumPoints)
        {
            return new RunChartReading(m, values.Count, false, useful, runs, null, []);
        }

        var signals = new List<RunSignal>();
        signals.AddRange(Shifts(sides));
        signals.AddRange(Trends(values));
        var limits = LimitsFor(useful);
        if (limits is not null && runs < limits.Lower)
        {
            signals.Add(new RunSignal(RunSignalKind.TooFewRuns, Useful(sides), 0));
        }
        else if (limits is not null && runs > limits.Upper)
        {
            signals.Add(new RunSignal(RunSignalKind.TooManyRuns, Useful(sides), 0));
        }

        signals.AddRange(Astronomical(values, m));
        return new RunChartReading(m, values.Count, true, useful, runs, limits, signals);
    }

    /// <summary>Runs among the useful points: one, plus one at each crossing of the median.</summary>
    public static int CountRuns(IReadOnlyList<int> sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        var runs = 0;
        var previous = 0;
        foreach (var side in sides.Where(s => s != 0))
        {
            if (side != previous)
            {
                runs++;
                previous = side;
            }
        }

        return runs;
    }

    private static List<int> Useful(int[] sides) => [.. Enumerable.Range(0, sides.Length).Where(i => sides[i] != 0)];

    private static IEnumerable<RunSignal> Shifts(int[] sides)
    {
        var run = new List<int>();
        var side = 0;
        for (var i = 0; i <= sides.Length; i++)
        {
            if (i < sides.Length && sides[i] == 0)
            {
                continue;
            }

            if (i < sides.Length && sides[i] == side)
            {
                run.Add(i);
                continue;
            }

            if (run.Count >= ShiftLength)
            {
                yield return new RunSignal(RunSignalKind.Shift, [.. run], side);
            }

            if (i < sides.Length)
            {
                (run, side) = ([i], sides[i]);
            }
        }
    }

    private static IEnumerable<RunSignal> Trends(IReadOnlyList<decimal> values)
    {
        // The points that move (a repeat of the value before is skipped), then the longest monotone stretches among them.
        var moving = new List<int> { 0 };
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] != values[moving[^1]])
            {
                moving.Add(i);
            }
        }

        var start = 0;
        for (var k = 1; k <= moving.Count; k++)
        {
            var direction = k < moving.Count ? Math.Sign(values[moving[k]] - values[moving[k - 1]]) : 0;
            var startDirection = start + 1 < moving.Count ? Math.Sign(values[moving[start + 1]] - values[moving[start]]) : 0;
            if (k < moving.Count && (k == start + 1 || direction == startDirection))
            {
                continue;
            }

            if (k - start >= TrendLength)
            {
                yield return new RunSignal(RunSignalKind.Trend, [.. moving.Skip(start).Take(k - start)], startDirection);
            }

            // A turn: the last point of this stretch is the first of the next one.
            start = k - 1;
        }
    }

    private static IEnumerable<RunSignal> Astronomical(IReadOnlyList<decimal> values, decimal median)
    {
        var mad = Median([.. values.Select(v => Math.Abs(v - median))])!.Value;
        if (mad == 0)
        {
            yield break;
        }

        var limit = AstronomicalDeviations * MadScale * mad;
        for (var i = 0; i < values.Count; i++)
        {
            if (Math.Abs(values[i] - median) > limit)
            {
                yield return new RunSignal(RunSignalKind.Astronomical, [i], Math.Sign(values[i] - median));
            }
        }
    }
}
