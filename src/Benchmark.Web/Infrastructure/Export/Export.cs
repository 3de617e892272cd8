namespace Benchmark.Web.Infrastructure.Export;

/// <summary>
/// Tabular export for pages (audit trail, indicator values, grid summaries), as CSV or XLSX.
/// <example>
/// <code>
/// var columns = new[]
/// {
///     ExportColumn.Of&lt;AuditRow&gt;("Date", r =&gt; ParisTime.From(r.At)),
///     ExportColumn.Of&lt;AuditRow&gt;("Auteur", r =&gt; r.Actor),
/// };
/// return Export.Csv(columns, rows, CsvDialect.French, "journal");   // or Export.Xlsx(columns, rows, "journal")
/// </code>
/// </example>
/// Text cells beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR are prefixed with <c>'</c> in both
/// formats (OWASP CSV injection); XLSX never contains a formula. Rows are enumerated once, while the response is
/// written: pass a query (<c>AsAsyncEnumerable</c> is not needed; keep its DbContext alive for the request).
/// </summary>
public static class Export
{
    /// <summary>The <c>format</c> values every export page and link understands.</summary>
    public const string FrenchCsv = "csv", InternationalCsv = "csv-international", Workbook = "xlsx";

    /// <summary>
    /// The download in the asked <paramref name="format"/>: <c>csv</c> (French: <c>;</c>, decimal comma — the
    /// default, also spelt <c>csv-fr</c>), <c>csv-international</c> (<c>,</c>, decimal point) or <c>xlsx</c>; null for any
    /// other value, which the page answers with 400.
    /// </summary>
    public static ExportFileResult? File<T>(string? format, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, string fileName) =>
        format?.Trim().ToLowerInvariant() switch
        {
            null or "" or FrenchCsv or "csv-fr" => Csv(columns, rows, CsvDialect.French, fileName),
            InternationalCsv => Csv(columns, rows, CsvDialect.International, fileName),
            Workbook => Xlsx(columns, rows, fileName),
            _ => null,
        };

    /// <summary>A CSV download named <paramref name="fileName"/>.csv in <paramref name="dialect"/>.</summary>
    public static ExportFileResult Csv<T>(IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, CsvDialect dialect, string fileName) =>
        new($"{fileName}.csv", "text/csv; charset=utf-8", (stream, ct) => WriteCsvAsync(stream, columns, rows, dialect, ct));

    /// <summary>An XLSX download named <paramref name="fileName"/>.xlsx, one sheet called <paramref name="fileName"/>.</summary>
    public static ExportFileResult Xlsx<T>(IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, string fileName) =>
        new($"{fileName}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            (stream, ct) => WriteXlsxAsync(stream, columns, rows, fileName, ct));

    /// <summary>Writes CSV into <paramref name="output"/> (left open).</summary>
    public static Task WriteCsvAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, CsvDialect dialect, CancellationToken cancellationToken = default) =>
        CsvExport.WriteAsync(output, columns, rows, dialect, cancellationToken);

    /// <summary>
    /// Writes XLSX into <paramref name="output"/> (left open). The zip package needs a seekable stream, so a
    /// non-seekable one (a response body) gets the workbook through a temporary file that is deleted on close.
    /// </summary>
    public static async Task WriteXlsxAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, string sheetName, CancellationToken cancellationToken = default)
    {
        if (output.CanSeek)
        {
            XlsxExport.Write(output, columns, rows, sheetName, cancellationToken);
            return;
        }

        var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await using (buffer.ConfigureAwait(false))
        {
            XlsxExport.Write(buffer, columns, rows, sheetName, cancellationToken);
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }
}
