using System.Globalization;
using System.Text;

namespace Benchmark.Web.Infrastructure.Export;

/// <summary>
/// How a CSV file is spelled. <see cref="French"/> is what Excel in a French locale opens by double-click
/// (<c>;</c>, decimal comma, dd/MM/yyyy, UTF-8 with BOM); <see cref="International"/> is for tools
/// (<c>,</c>, decimal point, ISO 8601 dates, UTF-8 without BOM).
/// </summary>
public sealed record CsvDialect(char Separator, CultureInfo NumberCulture, string DateFormat, string DateTimeFormat, bool ByteOrderMark)
{
    /// <summary><c>;</c>, <c>1234,5</c>, <c>23/11/2026</c>, <c>23/11/2026 14:30</c>, UTF-8 with BOM.</summary>
    public static CsvDialect French { get; } =
        new(';', CultureInfo.GetCultureInfo("fr-FR"), "dd/MM/yyyy", "dd/MM/yyyy HH:mm", ByteOrderMark: true);

    /// <summary><c>,</c>, <c>1234.5</c>, <c>2026-11-23</c>, <c>2026-11-23T14:30:00+01:00</c>, UTF-8 without BOM.</summary>
    public static CsvDialect International { get; } =
        new(',', CultureInfo.InvariantCulture, "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", ByteOrderMark: false);

    internal Encoding Encoding => new UTF8Encoding(ByteOrderMark);
}
