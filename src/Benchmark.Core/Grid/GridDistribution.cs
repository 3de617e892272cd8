namespace Benchmark.Core.Grid;

/// <summary>A bucket of report delays, [From, To) in days.</summary>
public sealed record DelayBucket(string Label, double From, double? To);

/// <summary>
/// The distribution of report delays (seed 002: « la répartition des délais de production de compte-rendu est
/// représentée sous forme d'une distribution »): the same day, then day by day up to 2 days, then 3–5, 6–10 and beyond.
/// </summary>
public static class GridDistribution
{
    public static IReadOnlyList<DelayBucket> Buckets { get; } =
    [
        new("Le jour même (moins d'un jour)", 0, 1),
        new("1 jour", 1, 2),
        new("2 jours", 2, 3),
        new("3 à 5 jours", 3, 6),
        new("6 à 10 jours", 6, 11),
        new("Plus de 10 jours", 11, null),
    ];

    public static int? Bucket(double? delay)
    {
        if (delay is not { } d)
        {
            return null;
        }

        for (var i = 0; i < Buckets.Count; i++)
        {
            if (Buckets[i].To is not { } to || d < to)
            {
                return i;
            }
        }

        return Buckets.Count - 1;
    }
}
