using System.Text.RegularExpressions;
using Benchmark.Core.Common;

namespace Benchmark.Core.OfficeSurgery;

/// <summary>
/// A CCAM act code (Classification commune des actes médicaux): four letters then three digits, e.g. <c>QZFA001</c>.
/// Spaces are ignored and letters upper-cased; only the format is checked, not membership of the current CCAM.
/// </summary>
public readonly partial record struct Ccam
{
    private Ccam(string value) => Value = value;

    public string Value { get; }

    public static Result<Ccam> Parse(string? input)
    {
        var value = (input ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (value.Length == 0)
        {
            return Error.Invalid("Indiquez le code CCAM de l'acte.");
        }

        return FormatRegex().IsMatch(value)
            ? new Ccam(value)
            : Error.Invalid($"« {input!.Trim()} » n'est pas un code CCAM : quatre lettres puis trois chiffres (par exemple QZFA001).");
    }

    public static bool IsValid(string? input) => Parse(input).IsSuccess;

    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z]{4}[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex FormatRegex();
}
