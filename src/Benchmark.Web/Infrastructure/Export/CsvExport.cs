namespace Benchmark.Web.Infrastructure.Export;

/// <summary>Writes rows as CSV (RFC 4180 quoting) in a <see cref="CsvDialect"/>.</summary>
internal static class CsvExport
{
    public static async Task WriteAsync<T>(
        Stream output, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, CsvDialect dialect, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, dialect.Encoding, bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await WriteLineAsync(writer, columns.Select(c => CellText.Neutralise(c.Header)), dialect).ConfigureAwait(false);
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await WriteLineAsync(writer, columns.Select(c => CellText.Csv(c.Value(row), dialect)), dialect).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteLineAsync(StreamWriter writer, IEnumerable<string> cells, CsvDialect dialect) =>
        writer.WriteLineAsync(string.Join(dialect.Separator, cells.Select(cell => Quote(cell, dialect.Separator))));

    /// <summary>Quotes a field holding the separator, a quote or a line break; quotes inside are doubled.</summary>
    internal static string Quote(string cell, char separator) =>
        cell.AsSpan().IndexOfAny([separator, '"', '\n', '\r']) >= 0
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
