using System.Globalization;
using System.Text.RegularExpressions;

namespace Benchmark.Core.Domain;

/// <summary>
/// The times an agenda states at the start of its lines (« 09:00–09:30 Accueil »): they follow the session when it
/// moves, so a session moved from 09:00 to 14:00 reads « 14:00–14:30 Accueil ».
/// </summary>
public static partial class AgendaTimes
{
    /// <summary>Moves each time (or time range) that starts a line by <paramref name="delta"/>, within the day.</summary>
    public static string? Shift(string? agenda, TimeSpan delta) =>
        string.IsNullOrEmpty(agenda) || delta == TimeSpan.Zero
            ? agenda
            : LineTimes().Replace(agenda, m => Move(m.Groups["from"].Value, delta)
                + (m.Groups["to"].Success ? m.Groups["sep"].Value + Move(m.Groups["to"].Value, delta) : ""));

    private static string Move(string time, TimeSpan delta) =>
        TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture).Add(delta).ToString("HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<from>(?:[01]\d|2[0-3]):[0-5]\d)(?:(?<sep>\s*[–-]\s*)(?<to>(?:[01]\d|2[0-3]):[0-5]\d))?",
        RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LineTimes();
}
