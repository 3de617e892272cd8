using Benchmark.Core.OfficeSurgery;

namespace Benchmark.Core.Tests.OfficeSurgery;

public sealed class CcamTests
{
    [Theory]
    [InlineData("QZFA001", "QZFA001")]
    [InlineData("qzfa001", "QZFA001")]
    [InlineData(" JKFE 001 ", "JKFE001")]
    public void Parse_WhenFourLettersThenThreeDigits_ThenNormalised(string input, string expected)
    {
        var result = Ccam.Parse(input);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(expected, result.Value.ToString());
    }

    [Theory]
    [InlineData("QZF001")]
    [InlineData("QZFA01")]
    [InlineData("QZFA0011")]
    [InlineData("1ZFA001")]
    [InlineData("QZFAB01")]
    [InlineData("QZFA-001")]
    [InlineData("ÉZFA001")]
    public void Parse_WhenNotTheFormat_ThenFrenchErrorWithAnExample(string input)
    {
        var result = Ccam.Parse(input);

        Assert.False(result.IsSuccess);
        Assert.Contains("quatre lettres puis trois chiffres", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenEmpty_ThenAskedFor()
    {
        Assert.Equal("Indiquez le code CCAM de l'acte.", Ccam.Parse("  ").Error!.Message);
        Assert.False(Ccam.IsValid(null));
    }
}
