using Benchmark.Core.Common;

namespace Benchmark.Core.Grid;

/// <summary>What reading a grid found: rows read, valid and refused, and the refusals (the first <see cref="MaxReported"/>).</summary>
public sealed class GridReadLog
{
    public const int MaxReported = 1000;

    private readonly List<GridError> _errors = [];

    public int RowsRead { get; private set; }

    public int RowsValid { get; private set; }

    public int RowsRejected { get; private set; }

    public int ErrorCount { get; private set; }

    public IReadOnlyList<GridError> Errors => _errors;

    public bool Truncated => ErrorCount > _errors.Count;

    internal void Valid() => (RowsRead, RowsValid) = (RowsRead + 1, RowsValid + 1);

    internal void Rejected(List<GridError> errors)
    {
        RowsRead++;
        RowsRejected++;
        ErrorCount += errors.Count;
        _errors.AddRange(errors.Take(MaxReported - _errors.Count));
    }
}

/// <summary>
/// A sheet being read as the grid: its header found, then its data rows parsed one by one as they stream in (nothing
/// is held but the current row). Empty rows — typically the hundreds of formatted but blank rows at the end of an
/// Excel file — are skipped.
/// </summary>
public sealed class GridSheet : IDisposable
{
    private readonly IEnumerator<SheetRow> _rows;
    private readonly List<SheetRow> _buffered;
    private readonly GridRowParser _parser;

    private GridSheet(IEnumerator<SheetRow> rows, List<SheetRow> buffered, GridRowParser parser, GridHeader header)
    {
        (_rows, _buffered, _parser, Header) = (rows, buffered, parser, header);
    }

    public GridHeader Header { get; }

    public GridReadLog Log { get; } = new();

    /// <summary>Finds the header among the first rows of <paramref name="rows"/>; on failure the enumerator is disposed.</summary>
    public static Result<GridSheet> Open(GridSchema schema, IEnumerable<SheetRow> rows, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        var enumerator = rows.GetEnumerator();
        var first = new List<SheetRow>();
        while (first.Count < GridHeader.RowsScanned && enumerator.MoveNext())
        {
            first.Add(enumerator.Current);
        }

        var header = GridHeader.Find(schema, first, sheetName);
        if (!header.IsSuccess)
        {
            enumerator.Dispose();
            return header.Error!;
        }

        var after = first.Where(r => r.Number > header.Value.RowNumber).ToList();
        return new GridSheet(enumerator, after, new GridRowParser(schema, header.Value), header.Value);
    }

    /// <summary>The valid rows with their sheet row number; refused rows go to <see cref="Log"/>. Enumerate once.</summary>
    public IEnumerable<(int Number, GridRow Row)> Rows()
    {
        var errors = new List<GridError>();
        foreach (var row in _buffered)
        {
            if (Parse(row, errors) is { } parsed)
            {
                yield return (row.Number, parsed);
            }
        }

        while (_rows.MoveNext())
        {
            if (Parse(_rows.Current, errors) is { } parsed)
            {
                yield return (_rows.Current.Number, parsed);
            }
        }
    }

    private GridRow? Parse(SheetRow row, List<GridError> errors)
    {
        if (row.IsEmpty)
        {
            return null;
        }

        errors.Clear();
        if (_parser.Parse(row, errors) is { } parsed)
        {
            Log.Valid();
            return parsed;
        }

        Log.Rejected(errors);
        return null;
    }

    public void Dispose() => _rows.Dispose();
}
