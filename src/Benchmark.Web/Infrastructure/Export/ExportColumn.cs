namespace Benchmark.Web.Infrastructure.Export;

/// <summary>
/// One column of a tabular export: its header and how to read a cell from a row. The value keeps its type
/// (string, integer, decimal/double, <see cref="DateOnly"/>, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>,
/// bool or null) so each format writes it its own way: a decimal comma in French CSV, a number cell in XLSX.
/// Convert instants to the time zone people should read (Europe/Paris) before handing them over.
/// </summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>Shorthand for building columns: <c>ExportColumn.Of&lt;Row&gt;("Date", r =&gt; r.At)</c>.</summary>
public static class ExportColumn
{
    /// <summary>A column named <paramref name="header"/> whose cells are read by <paramref name="value"/>.</summary>
    public static ExportColumn<T> Of<T>(string header, Func<T, object?> value) => new(header, value);
}
