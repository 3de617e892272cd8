using System.Globalization;
using System.Text.RegularExpressions;

namespace Benchmark.Core.Scheduling;

/// <summary>
/// A calendar offset: months first (so 31 Jan + 1mo = end of February), then days, then working days
/// (<c>+10wd</c>: ten days worked, skipping weekends and public holidays), then minutes.
/// </summary>
public readonly partial record struct Offset(int Months, int Days, int Minutes, int WorkingDays = 0)
{
    public static Offset Zero => default;

    public bool IsNegative => Months < 0 || Days < 0 || Minutes < 0 || WorkingDays < 0;

    /// <summary>The date this offset away; working days are counted on <paramref name="calendar"/> (France by default).</summary>
    public DateOnly AddTo(DateOnly date, WorkingCalendar? calendar = null)
    {
        var day = date.AddMonths(Months).AddDays(Days);
        return WorkingDays == 0 ? day : (calendar ?? WorkingCalendar.France).AddWorkingDays(day, WorkingDays);
    }

    public DateTimeOffset AddTo(DateTimeOffset instant) => instant.AddMonths(Months).AddDays(Days).AddMinutes(Minutes);

    public Offset Plus(Offset other) =>
        new(Months + other.Months, Days + other.Days, Minutes + other.Minutes, WorkingDays + other.WorkingDays);

    /// <summary>Parses a chain of signed terms such as <c>-7d</c>, <c>+2mo+15d</c>, <c>+1w</c>.</summary>
    public static bool TryParseTerms(string text, bool allowTime, out Offset offset, out string? error)
    {
        offset = Zero;
        error = null;
        var position = 0;
        foreach (Match match in TermRegex().Matches(text))
        {
            if (match.Index != position)
            {
                break;
            }

            position += match.Length;
            var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
            if (!int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
            {
                error = $"nombre hors limites '{match.Groups["n"].Value}'";
                return false;
            }

            var unit = match.Groups["unit"].Value;
            if (!allowTime && unit is "h" or "min")
            {
                error = $"unité '{unit}' non admise ici : utilisez d, wd, w, mo ou y";
                return false;
            }

            if (allowTime && unit == "wd")
            {
                error = "unité 'wd' (jours ouvrés) admise seulement dans une date, par exemple 'SC1+10wd' : ici utilisez d, w, h ou min";
                return false;
            }

            offset = offset.Plus(unit switch
            {
                "d" => new Offset(0, sign * n, 0),
                "wd" => new Offset(0, 0, 0, sign * n),
                "w" => new Offset(0, sign * n * 7, 0),
                "mo" => new Offset(sign * n, 0, 0),
                "y" => new Offset(sign * n * 12, 0, 0),
                "h" => new Offset(0, 0, sign * n * 60),
                _ => new Offset(0, 0, sign * n),
            });
        }

        if (position != text.Length)
        {
            error = $"décalage illisible à partir de '{text[position..]}' : attendu par exemple '+15d', '-7d', '+2mo', '+1w', '+10wd'";
            return false;
        }

        return true;
    }

    /// <summary>Parses a standalone offset such as <c>-7d</c> or <c>+1d</c> (sign required).</summary>
    public static bool TryParse(string text, out Offset offset, out string? error)
    {
        if (text.Length > DateExpression.MaxLength)
        {
            offset = Zero;
            error = $"décalage '{text[..40]}…' trop long : {DateExpression.MaxLength} caractères au plus, par exemple '-7d'";
            return false;
        }

        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        if (compact.Length == 0 || compact[0] is not ('+' or '-'))
        {
            offset = Zero;
            error = $"décalage '{text}' sans signe : écrivez '-7d' (avant) ou '+7d' (après)";
            return false;
        }

        return TryParseTerms(compact, allowTime: true, out offset, out error);
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (Months != 0)
        {
            parts.Add(Months.ToString("+0;-0", CultureInfo.InvariantCulture) + "mo");
        }

        if (Days != 0)
        {
            parts.Add(Days.ToString("+0;-0", CultureInfo.InvariantCulture) + "d");
        }

        if (WorkingDays != 0)
        {
            parts.Add(WorkingDays.ToString("+0;-0", CultureInfo.InvariantCulture) + "wd");
        }

        if (Minutes != 0)
        {
            parts.Add(Minutes.ToString("+0;-0", CultureInfo.InvariantCulture) + "min");
        }

        return parts.Count == 0 ? "+0d" : string.Concat(parts);
    }

    [GeneratedRegex(@"(?<sign>[+-])(?<n>\d+)(?<unit>mo|min|wd|d|w|y|h)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex TermRegex();
}
