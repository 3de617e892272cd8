using System.Globalization;
using System.Text;

namespace Benchmark.Web.Infrastructure.Export;

/// <summary>Text rules shared by the CSV and XLSX writers.</summary>
internal static class CellText
{
    /// <summary>
    /// Text that a spreadsheet would read as a formula (OWASP "CSV injection": = + - @ tab CR) gets a leading
    /// apostrophe, so a name such as <c>=HYPERLINK(...)</c> typed into the app is shown, never evaluated.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Removes characters XML 1.0 cannot hold (other control characters, lone surrogates).</summary>
    public static string XmlSafe(string text)
    {
        if (!text.Any(c => IsInvalid(c)) && !text.Any(char.IsSurrogate))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!IsInvalid(c) && !char.IsSurrogate(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A cell as CSV text in <paramref name="dialect"/>, before quoting.</summary>
    public static string Csv(object? value, CsvDialect dialect) => value switch
    {
        null => "",
        string text => Neutralise(text),
        bool flag => flag ? "oui" : "non",
        DateOnly date => date.ToString(dialect.DateFormat, CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString(dialect.DateTimeFormat, CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString(dialect.DateTimeFormat, CultureInfo.InvariantCulture),
        IFormattable number when IsNumber(number) => number.ToString(null, dialect.NumberCulture),
        _ => Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    public static bool IsNumber(object value) =>
        value is byte or short or int or long or float or double or decimal or ushort or uint or ulong or sbyte;

    private static bool IsInvalid(char c) => c < 0x20 && c is not '\t' and not '\n' and not '\r' || c is '\uFFFE' or '\uFFFF';
}
