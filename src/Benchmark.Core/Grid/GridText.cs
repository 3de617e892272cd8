using System.Globalization;
using System.Text;

namespace Benchmark.Core.Grid;

/// <summary>
/// Tolerant comparison of what people type in spreadsheets: case, accents, apostrophes, hyphens and repeated spaces
/// do not matter ("Délai d’obtention  du RDV" and "delai d'obtention du rdv" are the same header).
/// </summary>
public static class GridText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else
            {
                // Spaces, apostrophes (' ’), hyphens, underscores, dots…: all separate words alike.
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The text without a trailing parenthesised note: "Délai de compte-rendu (jours)" → "Délai de compte-rendu".</summary>
    public static string WithoutNote(string text)
    {
        var open = text.LastIndexOf('(');
        return open > 0 && text.TrimEnd().EndsWith(')') ? text[..open].TrimEnd() : text;
    }
}
