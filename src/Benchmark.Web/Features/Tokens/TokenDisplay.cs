using System.Globalization;
using Benchmark.Core.Scheduling;
using Microsoft.AspNetCore.Html;

namespace Benchmark.Web.Features.Tokens;

/// <summary>Token dates as people read them: Paris time, fr-FR, with a machine-readable &lt;time&gt;.</summary>
internal static class TokenDisplay
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IHtmlContent Time(DateTimeOffset? instant, string whenNone)
    {
        if (instant is not { } value)
        {
            return new HtmlString(System.Net.WebUtility.HtmlEncode(whenNone));
        }

        var paris = ParisTime.ToParis(value);
        return new HtmlContentBuilder()
            .AppendHtml("<time datetime=\"").Append(paris.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture)).AppendHtml("\">")
            .Append(paris.ToString("d MMMM yyyy 'à' HH'h'mm", French)).AppendHtml("</time>");
    }
}
