using System.Globalization;

namespace Benchmark.Core.Formulas;

/// <summary>
/// Recursive-descent parser for <c>+ - * /</c>, parentheses, numbers, identifiers and a few functions.
/// Errors carry the 0-based character index so callers can point at the column.
/// </summary>
public static class FormulaParser
{
    private const int MaxLength = 1000;
    private const int MaxDepth = 40;

    public sealed record ParseError(int Index, string Message);

    public static bool TryParse(string text, out Formula? formula, out ParseError? error)
    {
        formula = null;
        if (!TryRun(text, p => p.ParseExpression(0), out var node, out error))
        {
            return false;
        }

        formula = new Formula(text, node!);
        return true;
    }

    public static bool TryParseComparison(string text, out Comparison? comparison, out ParseError? error)
    {
        comparison = null;
        string[] operators = ["<=", ">=", "==", "!=", "<", ">"];
        foreach (var op in operators)
        {
            var index = text.IndexOf(op, StringComparison.Ordinal);
            if (index < 0)
            {
                continue;
            }

            var leftText = text[..index];
            var rightText = text[(index + op.Length)..];
            if (!TryParse(leftText, out var left, out error))
            {
                return false;
            }

            if (!TryParse(rightText, out var right, out error))
            {
                error = error! with { Index = error.Index + index + op.Length };
                return false;
            }

            var kind = op switch
            {
                "<=" => ComparisonOperator.LessOrEqual,
                ">=" => ComparisonOperator.GreaterOrEqual,
                "==" => ComparisonOperator.Equal,
                "!=" => ComparisonOperator.NotEqual,
                "<" => ComparisonOperator.Less,
                _ => ComparisonOperator.Greater,
            };
            comparison = new Comparison(text, left!, kind, right!);
            return true;
        }

        error = new ParseError(0, "règle sans comparaison : attendu par exemple 'a <= b'");
        return false;
    }

    private static bool TryRun(string text, Func<Parser, FormulaNode> run, out FormulaNode? node, out ParseError? error)
    {
        node = null;
        error = null;
        if (text.Length > MaxLength)
        {
            error = new ParseError(0, $"formule trop longue (plus de {MaxLength} caractères)");
            return false;
        }

        var parser = new Parser(text);
        try
        {
            node = run(parser);
            parser.SkipSpaces();
            if (!parser.AtEnd)
            {
                throw new FormulaSyntaxException(parser.Index, $"caractère inattendu '{text[parser.Index]}'");
            }

            return true;
        }
        catch (FormulaSyntaxException ex)
        {
            error = new ParseError(ex.Index, ex.Message);
            return false;
        }
    }

    private sealed class FormulaSyntaxException(int index, string message) : Exception(message)
    {
        public int Index { get; } = index;
    }

    private sealed class Parser(string text)
    {
        public int Index { get; private set; }

        public bool AtEnd => Index >= text.Length;

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Index]))
            {
                Index++;
            }
        }

        public FormulaNode ParseExpression(int depth)
        {
            var node = ParseTerm(depth);
            while (TryTake('+', '-', out var op))
            {
                node = new BinaryNode(op, node, ParseTerm(depth));
            }

            return node;
        }

        private FormulaNode ParseTerm(int depth)
        {
            var node = ParseUnary(depth);
            while (TryTake('*', '/', out var op))
            {
                node = new BinaryNode(op, node, ParseUnary(depth));
            }

            return node;
        }

        private FormulaNode ParseUnary(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormulaSyntaxException(Index, $"formule trop imbriquée (plus de {MaxDepth} niveaux)");
            }

            return TryTake('-', '+', out var sign)
                ? sign == '-' ? new NegateNode(ParseUnary(depth + 1)) : ParseUnary(depth + 1)
                : ParsePrimary(depth);
        }

        private FormulaNode ParsePrimary(int depth)
        {
            SkipSpaces();
            if (AtEnd)
            {
                throw new FormulaSyntaxException(Index, "formule incomplète : une valeur est attendue");
            }

            var c = text[Index];
            if (c == '(')
            {
                Index++;
                var inner = ParseExpression(depth + 1);
                Expect(')');
                return inner;
            }

            if (char.IsAsciiDigit(c) || c == '.')
            {
                var start = Index;
                while (!AtEnd && (char.IsAsciiDigit(text[Index]) || text[Index] == '.'))
                {
                    Index++;
                }

                var literal = text[start..Index];
                return decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? new NumberNode(number)
                    : throw new FormulaSyntaxException(start, $"nombre invalide '{literal}' (séparateur décimal : le point)");
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = Index;
                while (!AtEnd && (char.IsAsciiLetterOrDigit(text[Index]) || text[Index] == '_'))
                {
                    Index++;
                }

                var name = text[start..Index];
                SkipSpaces();
                if (AtEnd || text[Index] != '(')
                {
                    return new VariableNode(name);
                }

                if (!FunctionNode.Known.TryGetValue(name, out var arity))
                {
                    throw new FormulaSyntaxException(start, $"fonction inconnue '{name}' (connues : {string.Join(", ", FunctionNode.Known.Keys)})");
                }

                Index++;
                var arguments = new List<FormulaNode> { ParseExpression(depth + 1) };
                while (TryTake(',', ',', out _))
                {
                    arguments.Add(ParseExpression(depth + 1));
                }

                Expect(')');
                if (arguments.Count < arity.Min || arguments.Count > arity.Max)
                {
                    throw new FormulaSyntaxException(start, $"{name} attend entre {arity.Min} et {arity.Max} arguments");
                }

                return new FunctionNode(name, arguments);
            }

            throw new FormulaSyntaxException(Index, $"caractère inattendu '{c}'");
        }

        private bool TryTake(char a, char b, out char taken)
        {
            SkipSpaces();
            taken = AtEnd ? '\0' : text[Index];
            if (!AtEnd && (taken == a || taken == b))
            {
                Index++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            SkipSpaces();
            if (AtEnd || text[Index] != c)
            {
                throw new FormulaSyntaxException(Index, $"'{c}' attendu");
            }

            Index++;
        }
    }
}
