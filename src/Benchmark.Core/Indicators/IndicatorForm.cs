using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Formulas;

namespace Benchmark.Core.Indicators;

/// <summary>The computed value of one indicator for one period.</summary>
public sealed record IndicatorResult(IndicatorDefinition Definition, FormulaValue Value);

/// <summary>What a period form gives back: parsed values, French messages per field, and each indicator's value.</summary>
public sealed record IndicatorFormResult(
    IReadOnlyDictionary<(string IndicatorId, string InputId), decimal?> Values,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<IndicatorResult> Results)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads and checks a period's entries: French numbers (decimal comma, spaces between thousands), each input's bounds,
/// the definition's consistency rules (e.g. numerator ≤ denominator) and, on submission, required entries and the
/// computed value's bounds. Pure: the page and the tests call it the same way.
/// </summary>
public static class IndicatorForm
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The form field of an input (or of a directly entered indicator when <paramref name="inputId"/> is empty).</summary>
    public static string Field(string indicatorId, string inputId) => inputId.Length == 0 ? $"v.{indicatorId}" : $"v.{indicatorId}.{inputId}";

    /// <summary>The entries of an indicator: its inputs, or one unnamed entry for a direct indicator.</summary>
    public static IReadOnlyList<(string InputId, string Title, string? Unit, decimal? Min, decimal? Max, bool Optional)> Entries(IndicatorDefinition indicator) =>
        indicator.IsDirect
            ? [("", indicator.Title, indicator.Unit, indicator.Min, indicator.Max, indicator.Category is IndicatorCategory.Specifique or IndicatorCategory.Experimental)]
            : [.. indicator.Inputs.Select(i => (i.Id, i.Title, i.Unit, i.Min, i.Max, i.Optional))];

    /// <summary>The indicator's value from its inputs (keyed by input id; the empty key for a direct indicator).</summary>
    public static FormulaValue Compute(IndicatorDefinition indicator, IReadOnlyDictionary<string, decimal?> inputs)
    {
        if (indicator.Formula is { } formula)
        {
            return formula.Evaluate(inputs);
        }

        var key = indicator.IsDirect ? "" : indicator.Inputs[0].Id;
        return inputs.TryGetValue(key, out var v) && v is { } value ? FormulaValue.Of(value) : FormulaValue.NotComputable("valeur manquante");
    }

    public static IndicatorFormResult Read(IEnumerable<IndicatorDefinition> indicators, Func<string, string?> field, bool submitting)
    {
        var values = new Dictionary<(string, string), decimal?>();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new List<IndicatorResult>();
        foreach (var indicator in indicators)
        {
            var inputs = new Dictionary<string, decimal?>(StringComparer.Ordinal);
            foreach (var entry in Entries(indicator))
            {
                var name = Field(indicator.Id, entry.InputId);
                var raw = field(name);
                decimal? value = null;
                if (string.IsNullOrWhiteSpace(raw))
                {
                    if (submitting && !entry.Optional)
                    {
                        errors[name] = $"« {entry.Title} » est obligatoire pour soumettre la période.";
                    }
                }
                else if (ParseNumber(raw) is not { } parsed)
                {
                    errors[name] = $"« {entry.Title} » : saisissez un nombre, par exemple 12,5.";
                }
                else if (entry.Min is { } min && parsed < min)
                {
                    errors[name] = $"« {entry.Title} » doit être supérieur ou égal à {Format(min)}.";
                }
                else if (entry.Max is { } max && parsed > max)
                {
                    errors[name] = $"« {entry.Title} » doit être inférieur ou égal à {Format(max)}.";
                }
                else
                {
                    value = parsed;
                }

                values[(indicator.Id, entry.InputId)] = value;
                inputs[entry.InputId] = value;
            }

            var computed = Compute(indicator, inputs);
            results.Add(new IndicatorResult(indicator, computed));
            var failed = indicator.Checks.FirstOrDefault(c => c.Rule.Holds(inputs) == false);
            if (failed is not null)
            {
                errors[indicator.Id] = failed.Message;
            }
            else if (!indicator.IsDirect && computed.Value is { } v && OutOfBounds(indicator, v) is { } message)
            {
                errors[indicator.Id] = message;
            }
        }

        return new IndicatorFormResult(values, errors, results);
    }

    /// <summary>A number as people type it in France: « 1 234,5 », « 12.5 », « -3 »; null when it is not one.</summary>
    public static decimal? ParseNumber(string raw)
    {
        var text = new string([.. raw.Trim().Where(c => c is not (' ' or '\u00A0' or '\u202F'))]);
        if (text.Contains(',', StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    /// <summary>A number for people to read: French separators, no needless trailing zeros.</summary>
    public static string Format(decimal value) => value.ToString("#,##0.##", French);

    /// <summary>A number as typed back into the form (decimal comma, no thousands separator).</summary>
    public static string FormatInput(decimal? value) => value?.ToString("0.####", French) ?? "";

    private static string? OutOfBounds(IndicatorDefinition indicator, decimal value) =>
        indicator.Min is { } min && value < min ? $"La valeur calculée ({Format(value)} {indicator.Unit}) est inférieure au minimum ({Format(min)}) : vérifiez les données."
        : indicator.Max is { } max && value > max ? $"La valeur calculée ({Format(value)} {indicator.Unit}) dépasse le maximum ({Format(max)}) : vérifiez les données."
        : null;
}
