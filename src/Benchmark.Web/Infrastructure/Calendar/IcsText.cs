using System.Text;
using System.Text.RegularExpressions;
using Benchmark.Core.Domain;

namespace Benchmark.Web.Infrastructure.Calendar;

/// <summary>
/// Makes user text safe for an ICS before Ical.Net writes it (through <see cref="IcsEvents"/>, the one writer).
/// Ical.Net escapes TEXT values (\\ ; , and line breaks) and folds lines, but it writes parameter values (CN) as they
/// are, apart from dropping double quotes, and URIs un-escaped (<see cref="Link(Uri?)"/>): a line break in a name or
/// a link would end the property and start another. So parameter values are encoded with RFC 6868 (^n, ^', ^^),
/// which ical.js (Thunderbird) and Apple decode, and other control characters are removed everywhere.
/// </summary>
internal static partial class IcsText
{
    /// <summary>A TEXT value: line breaks become \n (the only break iCalendar has), other control characters go.</summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var normalized = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A parameter value (CN), RFC 6868-encoded so it cannot contain a quote or a line break.</summary>
    public static string Parameter(string? value)
    {
        var text = Text(value).Replace('\t', ' ');
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '^' => "^^",
                '\n' => "^n",
                '"' => "^'",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Decodes an RFC 6868 parameter value (for readers, such as Ical.Net, that do not).</summary>
    public static string DecodeParameter(string? value) =>
        string.IsNullOrEmpty(value) ? "" : Rfc6868().Replace(value, m => m.Value[1] switch
        {
            'n' => "\n",
            '\'' => "\"",
            _ => "^",
        });

    /// <summary>
    /// A link for a URI value (URL), or null: absolute http(s) with a host, re-read from its escaped form
    /// (<see cref="Uri.AbsoluteUri"/>), because Ical.Net writes a URI with Uri.ToString(), which un-escapes %0D%0A
    /// into a real line break that would end the property and let the rest of the link write new ones.
    /// </summary>
    public static Uri? Link(Uri? uri)
    {
        if (uri is not { IsAbsoluteUri: true } || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var escaped = new Uri(uri.AbsoluteUri);
        return escaped.ToString().Any(char.IsControl) ? null : escaped;
    }

    /// <summary>A stored visio link, or null when <see cref="VisioLink"/> refuses it (a value saved before the rule, or around it).</summary>
    public static Uri? Link(string? value) => VisioLink.TryParse(value, out var link) ? Link(link) : null;

    /// <summary>A mailto: URI for an address, refusing anything that could leave the value (spaces, quotes, ; : , &lt; &gt;).</summary>
    public static Uri MailTo(string email, string paramName)
    {
        var address = email?.Trim() ?? "";
        if (!Address().IsMatch(address))
        {
            throw new ArgumentException($"Not a plain email address: '{email}'", paramName);
        }

        return new Uri("mailto:" + address);
    }

    /// <summary>
    /// Folds content lines at 75 octets (RFC 5545 §3.1) without splitting a character. Ical.Net folds by UTF-16 code
    /// units and can cut an emoji's surrogate pair in two, which UTF-8 then turns into two U+FFFD.
    /// </summary>
    public static string Refold(string ics)
    {
        const int MaxOctets = 75;
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
        var builder = new StringBuilder(ics.Length + 64);
        foreach (var line in unfolded.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var octets = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                if (octets + rune.Utf8SequenceLength > MaxOctets)
                {
                    builder.Append("\r\n ");
                    octets = 1;
                }

                builder.Append(rune.ToString());
                octets += rune.Utf8SequenceLength;
            }

            builder.Append("\r\n");
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\^[n'^]")]
    private static partial Regex Rfc6868();

    [GeneratedRegex(@"^[^\s\p{C}@<>()\[\]\\,;:""]+@[^\s\p{C}@<>()\[\]\\,;:""]+\.[^\s\p{C}@<>()\[\]\\,;:"".]+$")]
    private static partial Regex Address();
}
