using System.Globalization;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Roadmap;

namespace Benchmark.Web.Features.OfficeSurgeryActs;

/// <summary>A line of the register as posted: strings, so that what was typed comes back as is when refused.</summary>
public sealed class CcamActRow
{
    public string? Code { get; set; }

    public string? Patients { get; set; }

    public string? Acts { get; set; }

    public string? Contracted { get; set; }

    public static CcamActRow From(CcamActVolume line) => new()
    {
        Code = line.Code, Patients = Text(line.Patients), Acts = Text(line.Acts), Contracted = Text(line.Contracted),
    };

    public static CcamActRow From(CandidatureAct act) => new() { Code = act.Code, Contracted = act.ContractedVolume is { } c ? Text(c) : null };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Reads the posted lines: blank lines are dropped; counts are whole numbers (spaces between thousands allowed).</summary>
public static class CcamActsForm
{
    public const int BlankLines = 3;

    public static (IReadOnlyList<CcamActLine> Lines, IReadOnlyList<FieldError> Errors) Read(IReadOnlyList<CcamActRow> rows)
    {
        var errors = new List<FieldError>();
        var inputs = new List<CcamActInput>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (new[] { row.Code, row.Patients, row.Acts, row.Contracted }.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            inputs.Add(new(i, row.Code, Whole(row.Patients, i, nameof(row.Patients), errors), Whole(row.Acts, i, nameof(row.Acts), errors),
                Whole(row.Contracted, i, nameof(row.Contracted), errors)));
        }

        var (lines, check) = CcamActSheet.Check(inputs);

        // A number that could not be read is reported once, not again as missing.
        errors.AddRange(check.Where(c => errors.All(e => e.Field != c.Field)));
        return (errors.Count == 0 ? lines : [], errors);
    }

    private static int? Whole(string? raw, int index, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var cleaned = raw.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal);
        if (int.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new($"Rows[{index}].{field}", $"Ligne {index + 1} : « {raw.Trim()} » n'est pas un nombre entier."));
        return null;
    }
}
