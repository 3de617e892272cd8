using System.Text.RegularExpressions;
using Benchmark.Core.Common;

namespace Benchmark.Core.Domain;

/// <summary>
/// FINESS number of an establishment: 9 characters, starting with its department (01–95 without 20, 2A, 2B,
/// or 971–976 overseas), then digits. Only the format is checked: no public specification of the FINESS check
/// key could be cited (the ATIH/DREES nomenclature documents describe the structure, not the key algorithm),
/// so we do not refuse a real number on a guessed rule.
/// </summary>
public static partial class Finess
{
    public static Result<string> Parse(string? input)
    {
        var value = (input ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (value.Length != 9)
        {
            return Error.Invalid($"Le numéro FINESS doit comporter 9 caractères (saisi : {value.Length}).");
        }

        if (!FormatRegex().IsMatch(value))
        {
            return Error.Invalid("Le numéro FINESS doit commencer par un département (01 à 95, 2A, 2B ou 971 à 976) suivi de chiffres.");
        }

        return value;
    }

    public static bool IsValid(string? input) => Parse(input).IsSuccess;

    /// <summary>The department code: two characters in metropolitan France, three overseas.</summary>
    public static string Department(string finess) => finess.StartsWith("97", StringComparison.Ordinal) ? finess[..3] : finess[..2];

    [GeneratedRegex(@"^(?:0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5])[0-9]{7}$|^97[1-6][0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex FormatRegex();
}
