namespace Benchmark.Core.Formulas;

/// <summary>The value of a formula: a number, or why it cannot be computed (never an exception).</summary>
public readonly record struct FormulaValue(decimal? Value, string? NotComputableReason)
{
    public bool IsComputable => Value.HasValue;

    public static FormulaValue Of(decimal value) => new(value, null);

    public static FormulaValue NotComputable(string reason) => new(null, reason);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"non calculable ({NotComputableReason})";
}

/// <summary>A parsed arithmetic formula over named inputs. Evaluation runs no code: it walks this tree.</summary>
public sealed class Formula
{
    internal Formula(string text, FormulaNode root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    internal FormulaNode Root { get; }

    /// <summary>Every input name the formula reads.</summary>
    public IReadOnlySet<string> Variables => Root.Variables().ToHashSet(StringComparer.Ordinal);

    public FormulaValue Evaluate(IReadOnlyDictionary<string, decimal?> inputs)
    {
        try
        {
            return Root.Evaluate(inputs);
        }
        catch (OverflowException)
        {
            return FormulaValue.NotComputable("valeur trop grande");
        }
    }

    public override string ToString() => Text;
}

public enum ComparisonOperator
{
    LessOrEqual,
    Less,
    GreaterOrEqual,
    Greater,
    Equal,
    NotEqual,
}

/// <summary>A consistency rule such as <c>non_honores &lt;= programmes</c>.</summary>
public sealed record Comparison(string Text, Formula Left, ComparisonOperator Operator, Formula Right)
{
    public IReadOnlySet<string> Variables => Left.Variables.Union(Right.Variables).ToHashSet(StringComparer.Ordinal);

    /// <summary>True or false when both sides are computable; null when the rule cannot be checked yet.</summary>
    public bool? Holds(IReadOnlyDictionary<string, decimal?> inputs)
    {
        var left = Left.Evaluate(inputs).Value;
        var right = Right.Evaluate(inputs).Value;
        if (left is null || right is null)
        {
            return null;
        }

        return Operator switch
        {
            ComparisonOperator.LessOrEqual => left <= right,
            ComparisonOperator.Less => left < right,
            ComparisonOperator.GreaterOrEqual => left >= right,
            ComparisonOperator.Greater => left > right,
            ComparisonOperator.Equal => left == right,
            ComparisonOperator.NotEqual => left != right,
        };
    }

    public override string ToString() => Text;
}
