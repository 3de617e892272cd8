namespace Benchmark.Core.Formulas;

internal abstract record FormulaNode
{
    public abstract FormulaValue Evaluate(IReadOnlyDictionary<string, decimal?> inputs);

    public abstract IEnumerable<string> Variables();
}

internal sealed record NumberNode(decimal Value) : FormulaNode
{
    public override FormulaValue Evaluate(IReadOnlyDictionary<string, decimal?> inputs) => FormulaValue.Of(Value);

    public override IEnumerable<string> Variables() => [];
}

internal sealed record VariableNode(string Name) : FormulaNode
{
    public override FormulaValue Evaluate(IReadOnlyDictionary<string, decimal?> inputs) =>
        inputs.TryGetValue(Name, out var value) && value.HasValue
            ? FormulaValue.Of(value.Value)
            : FormulaValue.NotComputable($"valeur manquante : {Name}");

    public override IEnumerable<string> Variables() => [Name];
}

internal sealed record NegateNode(FormulaNode Operand) : FormulaNode
{
    public override FormulaValue Evaluate(IReadOnlyDictionary<string, decimal?> inputs)
    {
        var value = Operand.Evaluate(inputs);
        return value.IsComputable ? FormulaValue.Of(-value.Value!.Value) : value;
    }

    public override IEnumerable<string> Variables() => Operand.Variables();
}

internal sealed record BinaryNode(char Operator, FormulaNode Left, FormulaNode Right) : FormulaNode
{
    public override FormulaValue Evaluate(IReadOnlyDictionary<string, decimal?> inputs)
    {
        var left = Left.Evaluate(inputs);
        if (!left.IsComputable)
        {
            return left;
        }

        var right = Right.Evaluate(inputs);
        if (!right.IsComputable)
        {
            return right;
        }

        decimal a = left.Value!.Value, b = right.Value!.Value;
        return Operator switch
        {
            '+' => FormulaValue.Of(a + b),
            '-' => FormulaValue.Of(a - b),
            '*' => FormulaValue.Of(a * b),
            _ => b == 0 ? FormulaValue.NotComputable("division par zéro") : FormulaValue.Of(a / b),
        };
    }

    public override IEnumerable<string> Variables() => Left.Variables().Concat(Right.Variables());
}

internal sealed record FunctionNode(string Name, IReadOnlyList<FormulaNode> Arguments) : FormulaNode
{
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Known = new Dictionary<string, (int, int)>(StringComparer.Ordinal)
    {
        ["min"] = (1, 32),
        ["max"] = (1, 32),
        ["abs"] = (1, 1),
        ["round"] = (1, 2),
    };

    public override FormulaValue Evaluate(IReadOnlyDictionary<string, decimal?> inputs)
    {
        var values = new List<decimal>(Arguments.Count);
        foreach (var argument in Arguments)
        {
            var value = argument.Evaluate(inputs);
            if (!value.IsComputable)
            {
                return value;
            }

            values.Add(value.Value!.Value);
        }

        return Name switch
        {
            "min" => FormulaValue.Of(values.Min()),
            "max" => FormulaValue.Of(values.Max()),
            "abs" => FormulaValue.Of(Math.Abs(values[0])),
            _ when values.Count == 2 && (values[1] < 0 || values[1] > 10 || values[1] != decimal.Truncate(values[1])) =>
                FormulaValue.NotComputable("round : le nombre de décimales doit être un entier entre 0 et 10"),
            _ => FormulaValue.Of(Math.Round(values[0], values.Count == 2 ? (int)values[1] : 0, MidpointRounding.AwayFromZero)),
        };
    }

    public override IEnumerable<string> Variables() => Arguments.SelectMany(a => a.Variables());
}
