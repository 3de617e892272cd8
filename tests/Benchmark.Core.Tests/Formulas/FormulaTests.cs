using System.Globalization;
using Benchmark.Core.Formulas;

namespace Benchmark.Core.Tests.Formulas;

public sealed class FormulaTests
{
    private static readonly IReadOnlyDictionary<string, decimal?> NoInputs = new Dictionary<string, decimal?>();

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("24 / 4 / 2", "3")]
    [InlineData("-2 * 3", "-6")]
    [InlineData("2 - -3", "5")]
    [InlineData("-(1 + 2)", "-3")]
    [InlineData("+4", "4")]
    [InlineData(".5 + 1.25", "1.75")]
    [InlineData("min(4, 2, 3)", "2")]
    [InlineData("max(4, 2, 3)", "4")]
    [InlineData("abs(2 - 5)", "3")]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5)", "-3")]
    [InlineData("round(1.2345, 2)", "1.23")]
    [InlineData("round(1.235, 2)", "1.24")]
    [InlineData("round(100 * 1 / 3, 1)", "33.3")]
    public void Evaluate_WhenTheFormulaIsConstant_ThenItFollowsArithmeticPrecedence(string text, string expected)
    {
        // Arrange
        var formula = Parse(text);

        // Act
        var value = formula.Evaluate(NoInputs);

        // Assert
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value.Value);
        Assert.Null(value.NotComputableReason);
    }

    [Fact]
    public void Evaluate_WhenInputsAreGiven_ThenTheyAreUsedByName()
    {
        // Arrange
        var formula = Parse("round(100 * journees / (lits * jours_periode), 1)");
        var inputs = new Dictionary<string, decimal?> { ["journees"] = 2_480, ["lits"] = 100, ["jours_periode"] = 31 };

        // Act
        var value = formula.Evaluate(inputs);

        // Assert
        Assert.Equal(80.0m, value.Value);
    }

    [Theory]
    [InlineData("a / b", "division par zéro")]
    [InlineData("round(a / b, 1) + 1", "division par zéro")]
    [InlineData("a / c", "valeur manquante : c")]
    [InlineData("a + d", "valeur manquante : d")]
    [InlineData("min(a, d)", "valeur manquante : d")]
    [InlineData("round(a, 11)", "round : le nombre de décimales")]
    [InlineData("round(a, 0.5)", "round : le nombre de décimales")]
    public void Evaluate_WhenAValueCannotBeComputed_ThenItSaysWhyWithoutThrowing(string text, string reason)
    {
        // Arrange: b is zero, c is absent, d is present without a value.
        var formula = Parse(text);
        var inputs = new Dictionary<string, decimal?> { ["a"] = 3, ["b"] = 0, ["d"] = null };

        // Act
        var value = formula.Evaluate(inputs);

        // Assert
        Assert.False(value.IsComputable);
        Assert.Null(value.Value);
        Assert.Contains(reason, value.NotComputableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WhenTheResultOverflows_ThenItIsNotComputable()
    {
        // Arrange
        var formula = Parse("a * a * a");
        var inputs = new Dictionary<string, decimal?> { ["a"] = decimal.MaxValue / 2 };

        // Act
        var value = formula.Evaluate(inputs);

        // Assert
        Assert.Equal("valeur trop grande", value.NotComputableReason);
    }

    [Fact]
    public void Variables_WhenTheFormulaReadsInputsSeveralTimes_ThenEachIsListedOnce()
    {
        // Arrange
        var formula = Parse("a + min(b, a) * round(c / a, 2)");

        // Act
        var variables = formula.Variables;

        // Assert
        Assert.Equal(["a", "b", "c"], variables.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("1 + * 2", 4, "caractère inattendu '*'")]
    [InlineData("(1 + 2", 6, "')' attendu")]
    [InlineData("1 2", 2, "caractère inattendu '2'")]
    [InlineData("", 0, "formule incomplète")]
    [InlineData("a +", 3, "formule incomplète")]
    [InlineData("1 + sqrt(4)", 4, "fonction inconnue 'sqrt' (connues : min, max, abs, round)")]
    [InlineData("abs(1, 2)", 0, "abs attend entre 1 et 1 arguments")]
    [InlineData("1.2.3 + a", 0, "nombre invalide '1.2.3'")]
    [InlineData("a # b", 2, "caractère inattendu '#'")]
    [InlineData("1,5 * a", 1, "caractère inattendu ','")]
    public void TryParse_WhenTheFormulaIsMalformed_ThenTheErrorPointsAtTheCharacter(string text, int index, string message)
    {
        // Act
        var parsed = FormulaParser.TryParse(text, out var formula, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Null(formula);
        Assert.Equal(index, error!.Index);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WhenParenthesesNestTooDeep_ThenItIsRefusedInsteadOfOverflowingTheStack()
    {
        // Arrange
        var text = new string('(', 200) + "1" + new string(')', 200);

        // Act
        var parsed = FormulaParser.TryParse(text, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Contains("trop imbriquée", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_WhenTheFormulaIsTooLong_ThenItIsRefused()
    {
        // Arrange
        var text = string.Join(" + ", Enumerable.Repeat("a", 400));

        // Act
        var parsed = FormulaParser.TryParse(text, out _, out var error);

        // Assert
        Assert.False(parsed);
        Assert.Contains("formule trop longue", error!.Message, StringComparison.Ordinal);
    }

    internal static Formula Parse(string text)
    {
        Assert.True(FormulaParser.TryParse(text, out var formula, out var error), error?.Message);
        return formula!;
    }
}
