namespace Benchmark.Core.Indicators;

/// <summary>Median and quartiles of a group's values (linear interpolation between ranks, as Excel's QUARTILE.INC).</summary>
public sealed record GroupDistribution(int Count, decimal Min, decimal FirstQuartile, decimal Median, decimal ThirdQuartile, decimal Max)
{
    public static GroupDistribution? Of(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? null
            : new GroupDistribution(sorted.Length, sorted[0], Quantile(sorted, 0.25m), Quantile(sorted, 0.5m), Quantile(sorted, 0.75m), sorted[^1]);
    }

    private static decimal Quantile(decimal[] sorted, decimal p)
    {
        var rank = p * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((rank - lower) * (sorted[upper] - sorted[lower]));
    }
}

/// <summary>
/// How establishments are shown in a shared benchmark: each by a letter (A, B, …, in a stable order that says nothing
/// about names), except those the viewer may name (their own), which keep their name.
/// </summary>
public static class Anonymiser
{
    /// <param name="enrolmentIds">Every enrolment compared.</param>
    /// <param name="nameOf">The name to show, or null to show a letter.</param>
    public static IReadOnlyDictionary<Guid, string> Labels(IEnumerable<Guid> enrolmentIds, Func<Guid, string?> nameOf)
    {
        var labels = new Dictionary<Guid, string>();
        var letter = 0;
        foreach (var id in enrolmentIds.Distinct().Order())
        {
            labels[id] = nameOf(id) ?? $"Établissement {Letter(letter++)}";
        }

        return labels;
    }

    private static string Letter(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letter((index / 26) - 1) + (char)('A' + (index % 26));
}

/// <summary>One bar of a histogram: values in [From, To) (the last bar includes To).</summary>
public sealed record HistogramBin(decimal From, decimal To, int Count);

public static class Histogram
{
    /// <summary>Equal-width bins between the smallest and largest value: about √n bins, at least 3, at most 10.</summary>
    public static IReadOnlyList<HistogramBin> Of(IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0)
        {
            return [];
        }

        var (min, max) = (values.Min(), values.Max());
        var count = Math.Clamp((int)Math.Ceiling(Math.Sqrt(values.Count)), 3, 10);
        if (min == max)
        {
            return [new HistogramBin(min, max, values.Count)];
        }

        var width = (max - min) / count;
        var bins = new int[count];
        foreach (var v in values)
        {
            bins[Math.Min(count - 1, (int)((v - min) / width))]++;
        }

        return [.. bins.Select((n, i) => new HistogramBin(min + (i * width), i == count - 1 ? max : min + ((i + 1) * width), n))];
    }
}
