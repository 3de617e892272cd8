namespace Benchmark.Core.Roadmap;

/// <summary>Colour band of a criticité, as the office-surgery risk map (seed 003) shows it: vert, orange, rouge.</summary>
public enum RiskBand
{
    Green,
    Orange,
    Red,
}

/// <summary>
/// The risk scale: gravité and probabilité from 1 to 4, criticité = gravité × probabilité (1–16). The seed's example
/// map names the levels (gravité « Faible », « Moyenne » ; probabilité « Très improbable », « Faible », « Probable »)
/// and colours them: Moyenne × Très improbable (2) and Faible × Faible (2) are green, Moyenne × Probable (6) is
/// orange. The bands that fit those rows on a 4 × 4 grid: 1–3 green, 4–8 orange, 9–16 red.
/// </summary>
public static class Criticity
{
    public const int Min = 1;
    public const int Max = 4;

    public static IReadOnlyList<string> GravityLabels { get; } = ["Faible", "Moyenne", "Grave", "Très grave"];

    public static IReadOnlyList<string> ProbabilityLabels { get; } = ["Très improbable", "Faible", "Probable", "Très probable"];

    public static int Score(int gravity, int probability) => gravity * probability;

    public static RiskBand Band(int score) => score switch
    {
        <= 3 => RiskBand.Green,
        <= 8 => RiskBand.Orange,
        _ => RiskBand.Red,
    };

    public static string French(RiskBand band) => band switch
    {
        RiskBand.Green => "vert",
        RiskBand.Orange => "orange",
        RiskBand.Red => "rouge",
    };

    /// <summary>The level's word, e.g. 2 → « Moyenne » (the number itself when out of range).</summary>
    public static string GravityLabel(int level) => Label(GravityLabels, level);

    public static string ProbabilityLabel(int level) => Label(ProbabilityLabels, level);

    private static string Label(IReadOnlyList<string> labels, int level) =>
        level is >= Min and <= Max ? labels[level - 1] : level.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A line of a risk map (cartographie des risques): N°, type, description, gravité, probabilité, criticité, action, responsable, échéance.</summary>
public sealed record Risk(string Id, string Type, string Description, int Gravity, int Probability, string Mitigation, string Owner, DateOnly? Due)
{
    public int Criticity => Roadmap.Criticity.Score(Gravity, Probability);

    public RiskBand Band => Roadmap.Criticity.Band(Criticity);
}
