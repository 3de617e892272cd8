using System.Globalization;
using System.Text.RegularExpressions;
using Benchmark.Core.Roadmap;

namespace Benchmark.Web.Features.Roadmap;

/// <summary>Reads typed values from the strings of a posted line, recording French errors keyed by input name.</summary>
public sealed class LineReader(List<FieldError> errors, string prefix, string name)
{
    public DateOnly? Date(string? raw, string field)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new($"{prefix}.{field}", $"{name} : « {raw.Trim()} » n'est pas une date (format attendu : JJ/MM/AAAA)."));
        return null;
    }

    public int? Integer(string? raw, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new($"{prefix}.{field}", $"{name} : {what} est un nombre entier."));
        return null;
    }

    public decimal? Number(string? raw, string field, string what) => FormRows.Number(raw, errors, $"{prefix}.{field}", $"{name} : {what} est un nombre.");

    public TEnum Choice<TEnum>(string? raw, string field, TEnum fallback)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (Enum.TryParse<TEnum>(raw, ignoreCase: false, out var value) && Enum.IsDefined(value) && !int.TryParse(raw, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        errors.Add(new($"{prefix}.{field}", $"{name} : choisissez une valeur de la liste."));
        return fallback;
    }
}

/// <summary>Helpers shared by the structured editors: blank lines, new line ids, error re-keying, numbers typed the French way.</summary>
public static partial class FormRows
{
    public static string Text(string? value) => value?.Trim() ?? "";

    public static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    public static string IdOr(string? id) => !string.IsNullOrWhiteSpace(id) && IdRegex().IsMatch(id) ? id : Guid.CreateVersion7().ToString("N");

    /// <summary>« 12,5 », « 12.5 », « 100 000 »: the number, or an error.</summary>
    public static decimal? Number(string? raw, List<FieldError> errors, string key, string message)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var cleaned = raw.Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal)
            .Replace("\u202f", "", StringComparison.Ordinal).Replace(',', '.').Replace("€", "", StringComparison.Ordinal);
        if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new(key, message));
        return null;
    }

    /// <summary>Core errors name lines by their place in the document; the form shows them at the line's place in the form.</summary>
    public static IEnumerable<FieldError> Rekey(IEnumerable<FieldError> errors, string section, IReadOnlyList<int> formIndex) =>
        errors.Select(e =>
        {
            var match = LineRegex().Match(e.Field);
            if (!match.Success || match.Groups[1].Value != section)
            {
                return e;
            }

            var index = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            return index < formIndex.Count ? e with { Field = $"{section}[{formIndex[index]}]{match.Groups[3].Value}" } : e;
        });

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Invariant(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^(\w+)\[(\d+)\](.*)$")]
    private static partial Regex LineRegex();
}

/// <summary>A line of a risk map as posted (shared by the roadmap and the candidature dossier, section I).</summary>
public sealed class RiskRow
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? Description { get; set; }

    public string? Gravity { get; set; }

    public string? Probability { get; set; }

    public string? Mitigation { get; set; }

    public string? Owner { get; set; }

    public string? Due { get; set; }

    public bool Remove { get; set; }

    public static RiskRow From(Risk r) => new()
    {
        Id = r.Id, Type = r.Type, Description = r.Description, Gravity = r.Gravity.ToString(CultureInfo.InvariantCulture),
        Probability = r.Probability.ToString(CultureInfo.InvariantCulture), Mitigation = r.Mitigation, Owner = r.Owner, Due = FormRows.Iso(r.Due),
    };

    /// <summary>The risks of the posted lines (removed and blank ones dropped), with the form index of each.</summary>
    public static (List<Risk> Risks, List<int> FormIndex) Read(IReadOnlyList<RiskRow> rows, string section, List<FieldError> errors)
    {
        var (risks, index) = (new List<Risk>(), new List<int>());
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Remove || FormRows.Blank(row.Type, row.Description, row.Gravity, row.Probability, row.Mitigation, row.Owner, row.Due))
            {
                continue;
            }

            var line = new LineReader(errors, $"{section}[{i}]", $"Risque {i + 1}");
            risks.Add(new Risk(
                FormRows.IdOr(row.Id), FormRows.Text(row.Type), FormRows.Text(row.Description),
                line.Integer(row.Gravity, nameof(Gravity), "la gravité") ?? 0, line.Integer(row.Probability, nameof(Probability), "la probabilité") ?? 0,
                FormRows.Text(row.Mitigation), FormRows.Text(row.Owner), line.Date(row.Due, nameof(Due))));
            index.Add(i);
        }

        return (risks, index);
    }
}
