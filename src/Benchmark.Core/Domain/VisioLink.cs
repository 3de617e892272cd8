using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Benchmark.Core.Common;

namespace Benchmark.Core.Domain;

/// <summary>
/// What a visio link may be, for the form, the session and the calendar writers alike: an absolute https address
/// with a host, at most <see cref="MaxLength"/> characters, with no control character, space or invisible formatting
/// character. A line break in a link would end its iCalendar line and let the rest write a second event or attendee
/// into every invite and feed; a space or a bidirectional override only ever hides where a link goes.
/// </summary>
public static class VisioLink
{
    /// <summary>The size of the stored column (Lengths.Url): a longer link could not be saved whole anyway.</summary>
    public const int MaxLength = 2000;

    /// <summary>The form field the error is about.</summary>
    public const string Field = "VisioUrl";

    public const string Refused = "Le lien de visioconférence doit être une adresse web complète (https://…).";

    /// <summary>Null when <paramref name="value"/> is an acceptable link; otherwise the French error, on <see cref="Field"/>.</summary>
    public static Error? Check(string? value) => TryParse(value, out _) ? null : Error.Invalid(Refused, Field);

    /// <summary>The link as a <see cref="Uri"/> when it is acceptable (a stored value that is not gives false, never an exception).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out Uri? link)
    {
        link = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || value.Any(IsForbidden)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        link = uri;
        return true;
    }

    private static bool IsForbidden(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
