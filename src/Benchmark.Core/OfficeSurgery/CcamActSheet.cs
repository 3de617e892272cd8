using System.Globalization;
using Benchmark.Core.Roadmap;

namespace Benchmark.Core.OfficeSurgery;

/// <summary>A line as typed: its place in the form, the raw code and the counts (null when left empty).</summary>
public sealed record CcamActInput(int Index, string? Code, int? Patients, int? Acts, int? Contracted);

/// <summary>A checked line.</summary>
public sealed record CcamActLine(Ccam Code, CcamActCounts Counts);

/// <summary>
/// Checks a year's act register before anything is saved: a well-formed CCAM code, once per year; whole counts from 0
/// to <see cref="Max"/>; at least as many acts as patients (every patient counted for a code received that act at
/// least once). Errors are French and keyed <c>Rows[i].Field</c> by the line's place in the form.
/// </summary>
public static class CcamActSheet
{
    public const int Max = 1_000_000;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static (IReadOnlyList<CcamActLine> Lines, IReadOnlyList<FieldError> Errors) Check(IReadOnlyList<CcamActInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var errors = new List<FieldError>();
        var lines = new List<CcamActLine>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        if (inputs.Count == 0)
        {
            errors.Add(new("Rows", "Indiquez au moins un acte CCAM : son code, les patients pris en charge et les actes réalisés."));
        }

        foreach (var input in inputs)
        {
            var prefix = $"Rows[{input.Index}]";
            var name = $"Ligne {input.Index + 1}";
            var code = Ccam.Parse(input.Code);
            if (!code.IsSuccess)
            {
                errors.Add(new($"{prefix}.Code", $"{name} : {code.Error!.Message}"));
            }
            else if (seen.TryGetValue(code.Value.Value, out var first))
            {
                errors.Add(new($"{prefix}.Code", $"{name} : le code {code.Value} figure déjà à la ligne {first + 1} ; une seule ligne par code et par année."));
            }
            else
            {
                seen[code.Value.Value] = input.Index;
            }

            var patients = Count(input.Patients, $"{prefix}.Patients", $"{name} : indiquez le nombre de patients pris en charge (0 si aucun).", name, errors);
            var acts = Count(input.Acts, $"{prefix}.Acts", $"{name} : indiquez le nombre d'actes réalisés (0 si aucun).", name, errors);
            var contracted = Count(input.Contracted ?? 0, $"{prefix}.Contracted", "", name, errors);
            if (patients is { } p && acts is { } a && a < p)
            {
                errors.Add(new($"{prefix}.Acts", string.Create(French,
                    $"{name} : {a} actes réalisés pour {p} patients pris en charge ; chaque patient compté a reçu au moins un acte.")));
            }

            if (code.IsSuccess && patients is { } pp && acts is { } aa && contracted is { } c)
            {
                lines.Add(new(code.Value, new(pp, aa, c)));
            }
        }

        return (errors.Count == 0 ? lines : [], errors);
    }

    /// <summary>Lines grouped by year (oldest first), each year's lines by code, with the year's totals.</summary>
    public static IEnumerable<(int Year, IReadOnlyList<CcamActVolume> Lines, CcamActCounts Totals)> ByYear(IEnumerable<CcamActVolume> lines) =>
        lines.GroupBy(l => l.Year).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<CcamActVolume>)[.. g.OrderBy(l => l.Code, StringComparer.Ordinal)], Total(g.Select(l => l.Counts))));

    /// <summary>The year's totals.</summary>
    public static CcamActCounts Total(IEnumerable<CcamActCounts> lines) => lines.Aggregate(CcamActCounts.Zero, (sum, line) => sum.Add(line));

    private static int? Count(int? value, string key, string missing, string name, List<FieldError> errors)
    {
        switch (value)
        {
            case null:
                errors.Add(new(key, missing));
                return null;
            case < 0:
                errors.Add(new(key, $"{name} : un nombre ne peut être négatif."));
                return null;
            case > Max:
                errors.Add(new(key, $"{name} : au plus 1 000 000 par ligne."));
                return null;
            default:
                return value;
        }
    }
}
