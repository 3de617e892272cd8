using System.Text.RegularExpressions;

namespace Benchmark.Core.Scheduling;

/// <summary>What a date expression is relative to.</summary>
public enum ReferencePart
{
    /// <summary>An anchor, a milestone or the first day of a session.</summary>
    Start,

    /// <summary>The last day of a session (<c>SC1.end</c>).</summary>
    End,

    /// <summary>The planned start of a phase (<c>phase:x.start</c>).</summary>
    PhaseStart,

    /// <summary>The deadline of a phase (<c>phase:x.due</c>).</summary>
    PhaseDue,
}

/// <summary>What a date does when it falls on a weekend or a public holiday.</summary>
public enum NonWorkingDayRule
{
    /// <summary>Moves to the next working day (the default).</summary>
    NextWorkingDay,

    /// <summary>Moves back to the previous working day (a deadline that must stay before an event).</summary>
    PreviousWorkingDay,

    /// <summary>Stays on the non-working day.</summary>
    Keep,
}

/// <summary>
/// A day relative to an anchor, session, milestone or phase, e.g. <c>J*+2mo+15d</c>, optionally followed by what to do
/// on a non-working day: <c>SC1+7d keep</c>, <c>phase:x.due-7d previous-working-day</c> (default next-working-day).
/// </summary>
public sealed partial record DateExpression(string Text, string Reference, ReferencePart Part, Offset Offset,
    NonWorkingDayRule OnNonWorkingDay = NonWorkingDayRule.NextWorkingDay)
{
    /// <summary>The words that may follow an expression, as written in YAML.</summary>
    public static IReadOnlyDictionary<string, NonWorkingDayRule> Rules { get; } = new Dictionary<string, NonWorkingDayRule>(StringComparer.Ordinal)
    {
        ["next-working-day"] = NonWorkingDayRule.NextWorkingDay,
        ["previous-working-day"] = NonWorkingDayRule.PreviousWorkingDay,
        ["keep"] = NonWorkingDayRule.Keep,
    };

    /// <summary>The longest expression read (the programmes' longest is ~30 characters); longer is refused unread.</summary>
    public const int MaxLength = 120;

    public static bool TryParse(string text, out DateExpression? expression, out string? error)
    {
        expression = null;
        if (text.Length > MaxLength)
        {
            error = $"date '{text[..40]}…' trop longue : {MaxLength} caractères au plus, par exemple 'J*+15d'";
            return false;
        }

        var rule = NonWorkingDayRule.NextWorkingDay;
        var body = text.TrimEnd();
        var space = body.LastIndexOf(' ');
        if (space > 0 && RuleWordRegex().IsMatch(body[(space + 1)..]))
        {
            var word = body[(space + 1)..];
            if (!Rules.TryGetValue(word, out rule))
            {
                error = $"date '{text}' : '{word}' inconnu ; après la date, écrivez 'next-working-day' (par défaut), 'previous-working-day' ou 'keep'";
                return false;
            }

            body = body[..space];
        }

        var compact = body.Replace(" ", "", StringComparison.Ordinal);
        var match = ExpressionRegex().Match(compact);
        if (!match.Success)
        {
            error = $"date '{text}' illisible : attendu une référence suivie de décalages, par exemple 'J*+15d', 'SC1+2w', 'phase:diagnostic.due-7d'";
            return false;
        }

        if (!Offset.TryParseTerms(match.Groups["terms"].Value, allowTime: false, out var offset, out error))
        {
            error = $"date '{text}' : {error}";
            return false;
        }

        var reference = match.Groups["ref"].Value;
        var suffix = match.Groups["part"].Value;
        var isPhase = match.Groups["phase"].Success;
        ReferencePart part;
        switch (isPhase, suffix)
        {
            case (true, "start"):
                part = ReferencePart.PhaseStart;
                break;
            case (true, "due"):
                part = ReferencePart.PhaseDue;
                break;
            case (true, _):
                error = $"date '{text}' : une phase se désigne par 'phase:{reference}.start' ou 'phase:{reference}.due'";
                return false;
            case (false, "end"):
                part = ReferencePart.End;
                break;
            case (false, ""):
                part = ReferencePart.Start;
                break;
            default:
                error = $"date '{text}' : '.{suffix}' ne s'applique qu'aux phases ; pour une séance utilisez '{reference}' ou '{reference}.end'";
                return false;
        }

        expression = new DateExpression(text, reference, part, offset, rule);
        return true;
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"^(?<phase>phase:)?(?<ref>[A-Za-z0-9_*][A-Za-z0-9_*\-]*?)(\.(?<part>start|due|end))?(?<terms>([+-]\d+(mo|wd|d|w|y))*)$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex ExpressionRegex();

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleWordRegex();
}

/// <summary>How long a session lasts: whole days (each from the start time to the end time) or minutes.</summary>
public readonly partial record struct SessionDuration(int Days, int Minutes)
{
    public static bool TryParse(string text, out SessionDuration duration, out string? error)
    {
        duration = default;
        error = null;
        if (text.Length > 20)
        {
            error = $"durée '{text[..20]}…' trop longue : attendu par exemple '90min', '1h30', '3h', '1d' ou '2d'";
            return false;
        }

        var match = DurationRegex().Match(text.Replace(" ", "", StringComparison.Ordinal));
        if (!match.Success || match.Length == 0)
        {
            error = $"durée '{text}' illisible : attendu par exemple '90min', '1h30', '3h', '1d' ou '2d'";
            return false;
        }

        int Get(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        duration = new SessionDuration(Get("d"), (Get("h") * 60) + Get("hm") + Get("m"));
        if (duration.Days > 30 || duration.Minutes > 24 * 60 || (duration.Days == 0 && duration.Minutes == 0))
        {
            error = $"durée '{text}' hors limites : entre 1 minute et 24 heures, ou entre 1 et 30 jours";
            return false;
        }

        return true;
    }

    public override string ToString() => Days > 0 ? $"{Days}d" : Minutes % 60 == 0 ? $"{Minutes / 60}h" : $"{Minutes}min";

    [GeneratedRegex(@"^(?:(?<d>\d{1,3})d|(?<h>\d{1,2})h(?<hm>[0-5]\d)?|(?<m>\d{1,4})min)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 5000)]
    private static partial Regex DurationRegex();
}
