using Benchmark.Core.Roadmap;

namespace Benchmark.Core.Tests.Roadmap;

/// <summary>Criticité = gravité × probabilité, coloured as the seed's example risk map.</summary>
public sealed class CriticityTests
{
    [Theory]
    [InlineData(1, 1, 1, RiskBand.Green)]
    [InlineData(1, 3, 3, RiskBand.Green)]
    [InlineData(2, 2, 4, RiskBand.Orange)]
    [InlineData(2, 4, 8, RiskBand.Orange)]
    [InlineData(3, 3, 9, RiskBand.Red)]
    [InlineData(4, 4, 16, RiskBand.Red)]
    public void Band_WhenGravityAndProbability_ThenScoreAndColour(int gravity, int probability, int score, RiskBand band)
    {
        Assert.Equal(score, Criticity.Score(gravity, probability));
        Assert.Equal(band, Criticity.Band(Criticity.Score(gravity, probability)));
    }

    [Fact]
    public void Band_WhenTheSeedExampleRows_ThenTheSeedColours()
    {
        // Seed 003: « Moyenne / Très improbable → vert », « Moyenne / Probable → Orange », « Faible / Faible → vert ».
        var rows = new[] { ("Moyenne", "Très improbable", "vert"), ("Moyenne", "Probable", "orange"), ("Faible", "Faible", "vert") };
        foreach (var (gravity, probability, colour) in rows)
        {
            var g = Criticity.GravityLabels.ToList().IndexOf(gravity) + 1;
            var p = Criticity.ProbabilityLabels.ToList().IndexOf(probability) + 1;
            Assert.Equal(colour, Criticity.French(new Risk("r", "t", "d", g, p, "m", "o", null).Band));
        }
    }

    [Fact]
    public void Label_WhenOutOfScale_ThenTheNumber()
    {
        Assert.Equal("Très grave", Criticity.GravityLabel(4));
        Assert.Equal("7", Criticity.ProbabilityLabel(7));
    }
}
