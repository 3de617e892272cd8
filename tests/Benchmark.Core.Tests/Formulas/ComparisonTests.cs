using Benchmark.Core.Formulas;

namespace Benchmark.Core.Tests.Formulas;

public sealed class ComparisonTests
{
    [Theory]
    [InlineData("a <= b", 3, 5, true)]
    [InlineData("a <= b", 5, 5, true)]
    [InlineData("a <= b", 6, 5, false)]
    [InlineData("a < b", 5, 5, false)]
    [InlineData("a >= b", 5, 5, true)]
    [InlineData("a > b", 5, 5, false)]
    [InlineData("a == b", 5, 5, true)]
    [InlineData("a != b", 5, 5, false)]
    [InlineData("a * 2 > b + 1", 3, 4, true)]
    public void Holds_WhenBothSidesAreComputable_ThenItCompares(string rule, int a, int b, bool expected)
    {
        // Arrange
        var comparison = Parse(rule);

        // Act
        var holds = comparison.Holds(new Dictionary<string, decimal?> { ["a"] = a, ["b"] = b });

        // Assert
        Assert.Equal(expected, holds);
    }

    [Theory]
    [InlineData("a <= b")]
    [InlineData("a / 0 <= b")]
    public void Holds_WhenASideCannotBeComputed_ThenItIsUnknown(string rule)
    {
        // Arrange
        var comparison = Parse(rule);

        // Act
        var holds = comparison.Holds(new Dictionary<string, decimal?> { ["a"] = 1 });

        // Assert
        Assert.Null(holds);
    }

    [Fact]
    public void Variables_WhenBothSidesReadInputs_ThenTheyAreAllListed()
    {
        // Act
        var variables = Parse("non_honores <= programmes - annules").Variables;

        // Assert
        Assert.Equal(["annules", "non_honores", "programmes"], variables.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("a + b", 0, "règle sans comparaison")]
    [InlineData("a = b", 0, "règle sans comparaison")]
    [InlineData("(a <= b", 3, "')' attendu")]
    [InlineData("a <= (b", 7, "')' attendu")]
    [InlineData("a <= b <= c", 7, "caractère inattendu '<'")]
    public void TryParseComparison_WhenTheRuleIsMalformed_ThenTheErrorPointsIntoTheWholeRule(string rule, int index, string message)
    {
        // Act
        var parsed = FormulaParser.TryParseComparison(rule, out var comparison, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Null(comparison);
        Assert.Equal(index, error!.Index);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static Comparison Parse(string rule)
    {
        Assert.True(FormulaParser.TryParseComparison(rule, out var comparison, out var error), error?.Message);
        return comparison!;
    }
}
